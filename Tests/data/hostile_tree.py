#!/usr/bin/env python3
"""Writes a content tree of hostile but valid entries: everything in it must pass `handbook check`, and then
`build` must render it into outputs that independent validators accept (Tests/data/check_outputs.py).

It is property-based with a fixed seed, so a failure can be reproduced: amounts with up to 15 digits before
the point and 4 after, dates from year 0001 to 9999 (partial dates, all-day events, date-times with offsets
and in time zones with half- and quarter-hour offsets and daylight saving), repeat rules up to check's
bounds, and Unicode text with what check allows: tabs, line breaks (CR and LF), U+2028 and U+2029,
bidirectional text, combining marks, emoji, characters that are special in HTML, XML, JSON, Markdown,
Mustache and iCalendar, and Markdown bodies with raw HTML, unsafe links and words too long to index.

    python3 Tests/data/hostile_tree.py DIR [--seed N] [--entries N]
"""
import argparse
import datetime
import os
import random

ZONES = ["UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham",
         "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "Europe/Dublin"]
CURRENCIES = ["GBP", "EUR", "USD", "JPY", "KWD", "CLF", "BHD", "CHF"]
COUNTRIES = ["GB", "BE", "FR", "US", "JP", "IN", "NZ", "BR", "ZA", "DE"]

# Pieces of text that are special somewhere in the outputs, or unusual but allowed (a directional override is
# allowed closed, `bidi-control`).
TRICKY = ["<script>alert(1)</script>", "</script>", "]]>", "&amp;", "&", "\"quoted\"", "'apos'", "{{site.title}}",
          "{{{root}}}", "\\", "\\n", "; , :", "%0A", "::error::x", "-->", "<!--", "\t", "a\tb", "R&D", "AT&T",
          "mini-public", "co-design", "\u2028", "\u2029", "\u00a0", "\u200d", "\ufeff", "\u202eoverride\u202c", "e\u0301",
          "Fórum dos Cidadãos", "Straße", "Łódź", "日本語", "中文", "한국어", "עברית", "العربية", "Ελληνικά",
          "😀", "👩‍👩‍👧", "🇧🇪", "\U0001f600", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﬁ", "İstanbul", "x" * 70]
WORDS = ["citizens", "assembly", "jury", "budget", "sortition", "deliberation", "democracy", "organisation",
         "participation", "centre", "programme", "juries", "policy", "council", "forum"]


def quoted(text):
    """A YAML double-quoted scalar: backslash and quote escaped, line breaks and separators as escapes."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\"":
            out.append("\\\"")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code in (0x2028, 0x2029, 0x85, 0xFEFF) or code < 0x20:
            out.append("\\u%04X" % code)
        else:
            out.append(ch)
    return "\"" + "".join(out) + "\""


class Tree:
    def __init__(self, seed, entries):
        self.random = random.Random(seed)
        self.entries = entries
        self.files = {}

    def text(self, limit, lines=False):
        """Up to `limit` code points (check counts characters as read, never more than code points)."""
        parts = []
        while True:
            piece = self.random.choice(TRICKY + WORDS + WORDS) if self.random.random() < 0.6 else self.random.choice(WORDS)
            if lines and self.random.random() < 0.15:
                piece = self.random.choice(["\n", "\r\n", "\n\n"])
            candidate = " ".join(parts + [piece])
            if len(candidate) > limit or len(parts) > 12:
                break
            parts.append(piece)
        text = " ".join(parts).strip(" \t\r\n")
        return text if text else "x"

    def slug(self, taken):
        while True:
            kind = self.random.random()
            if kind < 0.1:
                slug = str(self.random.randint(0, 99999))
            elif kind < 0.15:
                slug = "-".join(["a" * 9] * 8)[:80].strip("-")
            else:
                slug = "-".join(self.random.choice(WORDS)[:8] for _ in range(self.random.randint(1, 3))) + "-" + str(len(taken))
            if slug not in taken and slug not in ("by-country", "by-kind", "by-topic", "by-status"):
                taken.add(slug)
                return slug

    def year(self):
        return self.random.choice([1, 2, 9, 10, 99, 100, 999, 1000, 1582, 1752, 1899, 1900, 1970, 2000, 2026, 2038, 9998, 9999,
                                   self.random.randint(1, 9999)])

    def date(self, after=None):
        """A full date as (year, month, day), not before `after`."""
        while True:
            year = self.year()
            month = self.random.randint(1, 12)
            days = 29 if month == 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else \
                28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31
            day = self.random.choice([1, days, self.random.randint(1, days)])
            if after is None or (year, month, day) >= after:
                return (year, month, day)

    @staticmethod
    def written(date):
        return "%04d-%02d-%02d" % date

    def partial(self, after=None):
        date = self.date(after)
        form = self.random.random()
        if form < 0.3 and (after is None or date[0] > after[0]):
            return "%04d" % date[0]
        if form < 0.5 and (after is None or date[:2] > after[:2]):
            return "%04d-%02d" % date[:2]
        return self.written(date)

    def amount(self):
        whole = str(self.random.randint(0, 10 ** self.random.randint(1, 15) - 1))
        # At most 15 significant digits in all (`number`): the places fill what the whole part leaves.
        places = min(self.random.randint(0, 4), 15 - len(whole.lstrip("0")))
        return whole + ("." + "".join(self.random.choice("0123456789") for _ in range(places)) if places else "")

    def moment(self):
        """An event's start and end lines (same form), and its start date."""
        start = self.date()
        form = self.random.random()
        edge = start in ((1, 1, 1), (9999, 12, 31))
        if form < 0.4:
            end = self.date(after=start) if self.random.random() < 0.5 else start
            return "start: %s\nend: %s\n" % (self.written(start), self.written(end)), start
        hour, minute = self.random.randint(0, 20), self.random.choice([0, 15, 30, 45, 59])
        finish = (min(23, hour + self.random.randint(0, 3)), 59)
        if form < 0.7 and not edge:
            sign = self.random.choice("+-")
            offset = "Z" if self.random.random() < 0.2 else "%s%02d:%s" % (sign, self.random.randint(0, 14), self.random.choice(["00", "30", "45"]))
            if offset in ("+14:30", "+14:45", "-14:30", "-14:45"):
                offset = "+14:00"
            return ("start: %sT%02d:%02d%s\nend: %sT%02d:%02d%s\n" % (self.written(start), hour, minute, offset, self.written(start), *finish, offset)), start
        if edge:
            return "start: %sT%02d:%02dZ\n" % (self.written(start), hour, minute), start
        zone = self.random.choice(ZONES)
        return ("start: %sT%02d:%02d\nend: %sT%02d:%02d\ntimezone: %s\n" % (self.written(start), hour, minute, self.written(start), *finish, zone)), start

    def body(self):
        pieces = ["# " + self.text(40), self.text(200, lines=True), "<div onclick=\"x()\">raw</div>",
                  "[click](javascript:alert(1)) [data](data:text/html,<b>x</b>) [ok](https://example.org/?a=1&b=2)",
                  "![pixel](data:image/png;base64,iVBORw0KGgo=)", "```\n</script><script>alert(1)</script>\n```",
                  "a" * self.random.randint(60, 3000), "- " + self.text(60) + "\n- " + self.text(60), "\t\tindented code",
                  "> " + self.text(80), "Line\r\nwith CRLF\r\n", "\u2028\u2029"]
        self.random.shuffle(pieces)
        return "\n\n".join(pieces[: self.random.randint(0, len(pieces))]) + "\n"

    def write(self, path, fields, body=""):
        self.files[path] = "---\n" + fields + "---\n" + body

    def build(self):
        topics = ["t%d" % n for n in range(4)]
        methods = ["citizens-jury", "m-%d" % 1]
        self.files["handbook.yml"] = (
            "title: %s\ndescription: %s\nbase_url: \"https://example.org/hostile/\"\ntimezone: %s\n"
            "topics:\n%smethods:\n%s" % (
                quoted(self.text(100)), quoted(self.text(250)), self.random.choice(ZONES),
                "".join("  %s: %s\n" % (t, quoted(self.text(40))) for t in topics),
                "".join("  %s: %s\n" % (m, quoted(self.text(40))) for m in methods)))
        taken = set()
        organisations = [self.slug(taken) for _ in range(max(2, self.entries // 3))]
        for slug in organisations:
            fields = "name: %s\ncountry: %s\n" % (quoted(self.text(190)), self.random.choice(COUNTRIES + ["INT"]))
            if self.random.random() < 0.6:
                fields += "summary: %s\n" % quoted(self.text(290, lines=True))
            if self.random.random() < 0.5:
                fields += "founded: %s\n" % self.partial()
            if self.random.random() < 0.5:
                # An entry may not name itself (`reference`): drawn as before, with itself left out.
                partners = [other for other in self.random.sample(organisations, self.random.randint(1, 2)) if other != slug]
                if partners:
                    fields += "partners: [%s]\n" % ", ".join(partners)
            if self.random.random() < 0.5:
                fields += "aliases: [%s]\n" % quoted(self.text(60))
            if self.random.random() < 0.5:
                fields += "topics: [%s]\n" % ", ".join(self.random.sample(topics, 2))
            if self.random.random() < 0.3:
                fields += "city: %s\noffers:\n  - %s\n" % (quoted(self.text(90)), quoted(self.text(250, lines=True)))
            self.write("organisations/%s.md" % slug, fields, self.body())
        funders = [self.slug(taken) for _ in range(max(1, self.entries // 6))]
        for slug in funders:
            fields = "name: %s\ngrants:\n" % quoted(self.text(150))
            for _ in range(self.random.randint(1, 5)):
                fields += "  - recipient: %s\n    amount: %s\n    currency: %s\n    date: %s\n    purpose: %s\n" % (
                    self.random.choice(organisations), self.amount(), self.random.choice(CURRENCIES), self.partial(), quoted(self.text(400)))
            fields += "open_calls:\n  - title: %s\n    deadline: %s\n    amount: %s\n    currency: %s\n" % (
                quoted(self.text(150)), self.written(self.date()), self.amount(), self.random.choice(CURRENCIES))
            self.write("funders/%s.md" % slug, fields, self.body())
        for _ in range(max(2, self.entries // 3)):
            slug = self.slug(taken)
            lines, start = self.moment()
            fields = "title: %s\n%slocation: %s\norganisers: [%s]\n" % (
                quoted(self.text(190)), lines, quoted(self.text(250, lines=True)), self.random.choice(organisations))
            if self.random.random() < 0.4:
                frequency, interval = self.random.choice(["weekly", "monthly"]), self.random.choice([1, 2, 100, self.random.randint(1, 100)])
                rule = "repeat:\n  frequency: %s\n  interval: %d\n" % (frequency, interval)
                if self.random.random() < 0.5:
                    count = self.random.choice([1, 1000, self.random.randint(1, 1000)])
                    # The last meeting falls by the end of 9999 (`repeat`), as every date does.
                    if frequency == "monthly":
                        room = 9999 * 12 + 11 - (start[0] * 12 + start[1] - 1)
                    else:
                        room = (datetime.date(9999, 12, 31).toordinal() - datetime.date(*start).toordinal()) // 7
                    rule += "  count: %d\n" % min(count, room // interval + 1)
                else:
                    rule += "  until: %s\n" % self.written(self.date(after=start))
                fields += rule
            fields += "status: %s\nsequence: %d\n" % (self.random.choice(["scheduled", "cancelled", "postponed"]), self.random.choice([0, 2147483647]))
            self.write("events/%s.md" % slug, fields, self.body())
        for _ in range(max(1, self.entries // 6)):
            slug = self.slug(taken)
            start = self.date()
            fields = "title: %s\ncountry: %s\nstart: %s\nend: %s\nparticipants: %d\nmethods: [%s]\noutcome: %s\n" % (
                quoted(self.text(190)), self.random.choice(COUNTRIES), self.written(start), self.partial(after=start),
                self.random.choice([0, 999999999999999999]), self.random.choice(methods), quoted(self.text(300, lines=True)))
            self.write("case-studies/%s.md" % slug, fields, self.body())
        for _ in range(max(1, self.entries // 8)):
            slug = self.slug(taken)
            first = self.date()
            second = self.date(after=first)
            fields = ("title: %s\njurisdiction: %s\nstatus: passed\nstages:\n  - date: %s\n    status: proposed\n    note: %s\n"
                      "  - date: %s\n    status: passed\n" % (quoted(self.text(190)), self.random.choice(COUNTRIES + ["EU", "UN", "GB-SCT"]),
                                                              self.written(first), quoted(self.text(400)), self.written(second)))
            self.write("policies/%s.md" % slug, fields, self.body())
        for _ in range(max(1, self.entries // 8)):
            slug = self.slug(taken)
            fields = "title: %s\nurl: \"https://example.org/r?q=%s&x=%%3Cy%%3E#f\"\nyear: %04d\nauthors: [%s]\n" % (
                quoted(self.text(290)), self.random.randint(0, 9), self.year(), quoted(self.text(150)))
            self.write("resources/%s.md" % slug, fields, self.body())
        self.write("pages/%s.md" % self.slug(taken), "title: %s\norder: %d\n" % (quoted(self.text(190)), self.random.randint(-10**17, 10**17)), self.body())
        return self.files


def generate(directory, seed=14, entries=48):
    """Writes the tree into `directory` (which becomes the content folder); returns the paths written."""
    files = Tree(seed, entries).build()
    for path, text in files.items():
        full = os.path.join(directory, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    return sorted(files)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--entries", type=int, default=48)
    arguments = parser.parse_args()
    print("\n".join(generate(arguments.directory, arguments.seed, arguments.entries)))
