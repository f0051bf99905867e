/// The help texts of the tool and of each command.
enum Usage {
    static let version = "handbook 0.1.0"

    static let main = """
    handbook — build and check the Democracy Sector Handbook

    Usage:
      handbook check   [--content DIR] [--format text|json|github] [--strict] [--due] [--isolated]
      handbook build   [--content DIR] [--theme DIR] [--output DIR] [--base-url URL] [--check-links]
      handbook inspect FILE
      handbook new     TYPE "Name" [--content DIR]

    Commands:
      check     validate every field and cross-reference of the content tree
      build     check, then publish the static site into the output directory
      inspect   print a file's front matter as parsed, as JSON
      new       write a scaffold for a new entry (never overwrites)

    Options:
      --help      show help (also after a command: handbook check --help)
      --version   show the version

    Exit status: 0 success (warnings allowed unless --strict), 1 the content has errors, 2 usage or I/O error.
    """

    static let check = """
    Usage: handbook check [--content DIR] [--format text|json|github] [--strict] [--due] [--isolated]

    Validates every file under DIR (default: content): front matter against each type's schema,
    dates, URLs, codes, topics and methods, and every reference between entries. Every problem is
    reported, one per line, then a summary.

    Options:
      --content DIR   the content tree (default: content)
      --format FMT    text (default): PATH:LINE:COLUMN: error|warning: MESSAGE [rule]
                      json: an array of {path, line, column, severity, rule, message}
                      github: workflow commands, so a pull request shows problems inline
      --strict        treat warnings as errors (exit 1 when there are any)
      --due           also list the entries due for review: 'reviewed' (a press contact's 'verified')
                      older than review_after_months, oldest first, then entries never reviewed
      --isolated      warn about organisations that nothing links to and that link to nothing;
                      on by itself on a GitHub pull request (GITHUB_EVENT_NAME=pull_request)
      --help          show this help

    The date that stale-review warnings count from is today, or HANDBOOK_TODAY=YYYY-MM-DD.
    Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O error.
    """

    static let build = """
    Usage: handbook build [--content DIR] [--theme DIR] [--output DIR] [--base-url URL] [--check-links]

    Runs every check of `handbook check` first and writes nothing when there is an error. Then renders
    the site into a temporary directory beside the output and swaps it in only when every file is
    written, so a failed or interrupted build leaves the previous site as it was.

    Options:
      --content DIR    the content tree (default: content)
      --theme DIR      the theme (default: themes/default)
      --output DIR     where the site goes (default: output). It must be new, empty, or a previous
                       build's output: the build refuses the content or theme directory, a directory
                       that contains them, and any non-empty directory it did not make.
      --base-url URL   the address the site is published at (default: base_url in handbook.yml);
                       canonical links, the sitemap and feeds use it, page links are relative
      --check-links    fail when an internal link or asset reference does not resolve
      --help           show this help

    "Upcoming" events count from today, or HANDBOOK_TODAY=YYYY-MM-DD. Each entry's "last updated"
    date is its last git commit (one git log call), else its file's modification time; set
    SOURCE_DATE_EPOCH=SECONDS to use one fixed time for every entry (reproducible builds).
    Exit status: 0 built, 1 content, theme or link errors (nothing written), 2 usage or I/O error.
    """

    static let inspect = """
    Usage: handbook inspect FILE

    Prints the front matter of FILE (a content .md file, or handbook.yml) as the tool parsed it,
    as JSON with keys in file order. Every scalar is shown as text, exactly as read: the schema,
    not YAML, decides types. Exits 1 with a diagnostic when the file cannot be parsed.
    """

    static let new = """
    Usage: handbook new TYPE "Name" [--content DIR]

    Writes DIR/TYPE/<slug>.md (DIR defaults to content) with every required field to fill in and
    every optional field commented out, each with a comment saying what it holds. The slug is made
    from the name. Never overwrites an existing file.

    TYPE is one of: organisations, case-studies, funders, press-contacts, policies, events,
    resources, pages (the singular, such as organisation, works too).
    """
}
