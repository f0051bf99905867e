import HandbookModel

/// Turns typed values into the words a reader sees: dates in words, money, countries by name.
/// Month names come from a fixed table so the output never depends on the machine's locale.
public enum Formatting {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// "3 December 2026", "December 2026" or "2026".
    public static func words(_ date: PartialDate) -> String {
        guard let month = date.month else { return String(date.year) }
        // One string made, not a second from the first: every page says when its entry changed.
        guard let day = date.day else { return "\(months[month - 1]) \(date.year)" }
        return "\(day) \(months[month - 1]) \(date.year)"
    }

    /// A moment in words: "2026", "December 2026", "3 December 2026" or "3 December 2026, 18:30".
    public static func words(_ moment: Moment) -> String {
        switch moment {
        case .partial(let date), .day(let date): return words(date)
        case .time(let time, _): return words(time)
        }
    }

    /// A value of a coded kind in words (a country, jurisdiction or choice), else as written.
    static func plain(_ text: String, kind: FieldKind) -> String {
        switch kind {
        case .country, .countryOrInternational: return country(text)
        case .jurisdiction: return jurisdiction(text)
        case .region: return region(text)
        case .choice: return choice(text)
        default: return text
        }
    }

    /// "3 December 2026, 18:30", with the UTC offset when one was written.
    public static func words(_ value: DateTimeValue) -> String {
        var text = "\(words(value.date)), \(clock(value))"
        if let offset = value.offsetMinutes {
            text += offset == 0 ? " UTC" : " UTC" + offsetText(offset)
        }
        return text
    }

    /// A time zone as readers know it, with its offset at that time: "Brussels time, UTC+01:00" for
    /// `Europe/Brussels` in winter; "UTC" alone for UTC. The zone's name as written when it has no city.
    public static func zone(_ identifier: String, at time: DateTimeValue) -> String {
        guard let offset = TimeZoneOffsets.offsetMinutes(of: time, in: identifier) else { return "\(identifier) time" }
        if identifier == "UTC" || identifier == "Etc/UTC" { return "UTC" }
        return "\(zoneName(identifier)), UTC" + (offset == 0 ? "" : offsetText(offset))
    }

    /// A time zone by its city, as a card says it beside a time: "Vancouver time" for `America/Vancouver`, "UTC".
    public static func zoneName(_ identifier: String) -> String {
        if identifier == "UTC" || identifier == "Etc/UTC" { return "UTC" }
        let city = identifier.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") } ?? identifier
        return "\(city) time"
    }

    /// A span of days in words, sharing what the ends share: "3 to 5 December 2026", "30 November to
    /// 2 December 2026", "30 December 2026 to 2 January 2027"; years and months as they are.
    public static func words(from start: PartialDate, to end: PartialDate) -> String {
        guard start != end else { return words(start) }
        let parts = spanWords(from: start, to: end)
        return "\(parts.start) to \(parts.end)"
    }

    /// The two ends of a span of different days in words, the start without what the end says for both:
    /// ("3", "5 December 2026"), ("30 November", "2 December 2026"), ("30 December 2026", "2 January 2027").
    public static func spanWords(from start: PartialDate, to end: PartialDate) -> (start: String, end: String) {
        guard start.isFullDate, end.isFullDate, let startMonth = start.month, let startDay = start.day, start.year == end.year else {
            return (words(start), words(end))
        }
        return (startMonth != end.month ? "\(startDay) \(months[startMonth - 1])" : "\(startDay)", words(end))
    }

    /// "18:30".
    public static func clock(_ value: DateTimeValue) -> String {
        PartialDate.padded(value.hour) + ":" + PartialDate.padded(value.minute)
    }

    /// "+01:00".
    public static func offsetText(_ minutes: Int) -> String {
        let magnitude = abs(minutes)
        return (minutes < 0 ? "-" : "+") + PartialDate.padded(magnitude / 60) + ":" + PartialDate.padded(magnitude % 60)
    }

    /// The English name of a country code, or the code.
    public static func country(_ code: String) -> String {
        Jurisdictions.all.contains(code) ? jurisdiction(code) : ISOCodes.countryNames[code] ?? code
    }

    /// A country's name as it reads after "in": "the United Kingdom", "the Netherlands", "Belgium".
    public static func countryInSentence(_ code: String) -> String {
        let name = country(code)
        let takesThe = name.hasPrefix("United ") || name.hasSuffix(" Republic") || name.hasSuffix(" Islands")
            || ["Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros", "Seychelles"].contains(name)
        return takesThe ? "the " + name : name
    }

    /// A region: the name of an ISO 3166-2 code, or the free text as written.
    public static func region(_ text: String) -> String {
        ISOCodes.subdivisionNames[text] ?? text
    }

    /// A policy's jurisdiction in words; a subdivision with its country ("Oregon, United States"), since a policy
    /// shows no country of its own, unless `withCountry` is false (where the country is said beside it).
    public static func jurisdiction(_ code: String, withCountry: Bool = true) -> String {
        switch code {
        case Jurisdictions.europeanUnion: return "European Union"
        case Jurisdictions.unitedNations: return "United Nations"
        case Jurisdictions.international: return "International"
        default:
            if let country = ISOCodes.countryNames[code] { return country }
            guard let subdivision = ISOCodes.subdivisionNames[code] else { return code }
            guard withCountry else { return subdivision }
            return ISOCodes.countryNames[String(code.prefix(2))].map { "\(subdivision), \($0)" } ?? subdivision
        }
    }

    /// A choice value as words: "social-enterprise" → "Social enterprise".
    public static func choice(_ value: String) -> String {
        String(decoding: value.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self).capitalisedFirst
    }

    /// "25,000 GBP" or "1,250.50 EUR": the amount as written, grouped in thousands.
    public static func money(_ amount: String, currency: String?) -> String {
        let parts = amount.split(separator: ".", maxSplits: 1)
        let whole = String(parts.first ?? "")
        let negative = whole.hasPrefix("-")
        let digits = negative ? String(whole.dropFirst()) : whole
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(character)
        }
        var text = (negative ? "-" : "") + grouped
        if parts.count == 2 { text += "." + parts[1] }
        if let currency { text += " " + currency }
        return text
    }

    /// The date of a Unix time, UTC.
    public static func date(fromUnix seconds: Int64) -> PartialDate {
        PartialDate(daysSince1970: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    }

    /// A key that sorts names alphabetically ignoring case and accents ("Fórum" with the Fs).
    public static func sortKey(_ name: String) -> String {
        // An ASCII name (most of them) folds to its lower case: Foundation's fold, which costs some twenty
        // thousand instructions a name, changes nothing else in ASCII (FormattingTests checks every byte).
        var name = name
        let lowered: String? = name.withUTF8 { bytes in
            var upper = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                upper = upper || (byte &- 0x41) < 26
            }
            guard upper else { return "" }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (index, byte) in bytes.enumerated() { out[index] = (byte &- 0x41) < 26 ? byte | 0x20 : byte }
                return bytes.count
            }
        }
        guard let lowered else { return name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil) }
        return lowered.isEmpty ? name : lowered
    }
}

extension PartialDate {
    static func padded(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
