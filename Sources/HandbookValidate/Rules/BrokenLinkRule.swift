import HandbookModel

/// With `handbook build --check-links`, every internal link and asset reference of the built site leads to a built file.
/// The build's link checker finds them; the rule and its messages are declared here, beside every other rule.
public enum BrokenLinkRule: Rule {
    /// The rule id.
    public static let id: RuleID = "broken-link"
    /// An error: the build writes nothing while a link is broken.
    public static let defaultSeverity = Diagnostic.Severity.error
    /// What it checks.
    public static let summary = "with `build --check-links`, every internal link and asset reference of the built pages leads to a built file"

    /// A link to `path` inside the site, where no file was built.
    public static func missing(_ target: String, path: String) -> String {
        "broken link to '\(target)': nothing was built at '\(path)'; correct the link (in the entry's Markdown or the theme's template) or add what it points to"
    }

    /// A root-relative link that does not start with the site's base path.
    public static func outsideBase(_ target: String, basePath: String) -> String {
        "broken link to '\(target)': the site is published under '\(basePath)', so this address leads outside it; write a relative link"
    }

    /// A relative link with more `../` than the page is deep.
    public static func aboveRoot(_ target: String) -> String {
        "broken link to '\(target)': it climbs above the site's root; remove a '../'"
    }
}
