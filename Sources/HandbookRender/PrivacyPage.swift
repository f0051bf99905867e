/// The theme's privacy page at `privacy/`, unless the content has its own `pages/privacy.md` there.
struct PrivacyPage: PageGenerator {
    static let name = "privacy page"
    static let inputs = OutputInputs.structure
    let site: SiteContext
    /// Where the privacy page lives, whoever writes it.
    static let path = "privacy/"
    /// The slug of the content's own privacy page, which replaces this one.
    static let slug = "privacy"

    func pages() -> [Page] {
        SiteContext.hasOwnPrivacyPage(site.index) ? [] : [Page(path: Self.path, section: "")]
    }

    func content(of page: Page, root: String) -> PageContent {
        PageContent(template: "privacy", title: "Privacy",
                    description: "Why the handbook lists people and organisations, and how to have an entry corrected or removed.")
    }
}
