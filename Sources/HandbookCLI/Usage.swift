/// The help texts of the tool and of each command.
enum Usage {
    static let version = "handbook 0.1.0"

    static let main = """
    handbook — build and check the Democracy Sector Handbook

    Usage:
      handbook check   [--content DIR] [--format text|json|github] [--strict]
      handbook inspect FILE
      handbook new     TYPE "Name" [--content DIR]

    Commands:
      check     validate every field and cross-reference of the content tree
      inspect   print a file's front matter as parsed, as JSON
      new       write a scaffold for a new entry (never overwrites)

    Options:
      --help      show help (also after a command: handbook check --help)
      --version   show the version

    Exit status: 0 success (warnings allowed unless --strict), 1 the content has errors, 2 usage or I/O error.
    """

    static let check = """
    Usage: handbook check [--content DIR] [--format text|json|github] [--strict]

    Validates every file under DIR (default: content): front matter against each type's schema,
    dates, URLs, codes, topics and methods, and every reference between entries. Every problem is
    reported, one per line, then a summary.

    Options:
      --content DIR   the content tree (default: content)
      --format FMT    text (default): PATH:LINE:COLUMN: error|warning: MESSAGE [rule]
                      json: an array of {path, line, column, severity, rule, message}
                      github: workflow commands, so a pull request shows problems inline
      --strict        treat warnings as errors (exit 1 when there are any)
      --help          show this help

    The date that stale-review warnings count from is today, or HANDBOOK_TODAY=YYYY-MM-DD.
    Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O error.
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
