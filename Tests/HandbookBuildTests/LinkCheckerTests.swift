import HandbookBuild
import HandbookRender
import Testing

/// `LinkChecker`: which internal links and asset references in built HTML lead nowhere.
@Suite struct LinkCheckerTests {
    static let baseURL = "https://example.org/handbook/"

    /// The broken links in a site given as path → text, as "page → link as written", sorted.
    func broken(_ site: [String: String], baseURL: String = baseURL) -> [String] {
        let files = site.map { OutputFile(path: $0.key, text: $0.value) }
        return LinkChecker.check(files, baseURL: baseURL).map { "\($0.page) → \($0.target)" }.sorted()
    }

    @Test func linksToBuiltPagesAndAssetsPass() {
        let site = [
            "index.html": #"<link rel="stylesheet" href="assets/style.css"><a href="about/">About</a> <img src="logo.png" alt="">"#,
            "about/index.html": #"<a href="../">Home</a>"#,
            "assets/style.css": "",
            "logo.png": "",
        ]
        #expect(broken(site) == [])
    }

    @Test func aLinkToAMissingPageIsReportedAsWritten() {
        let site = ["organisations/a/index.html": #"<a href="../b/">B</a>"#, "organisations/index.html": ""]
        #expect(broken(site) == ["organisations/a/index.html → ../b/"])
    }

    @Test func aMissingAssetIsReported() {
        let site = ["index.html": #"<img src="missing.png" alt=""><script src="assets/app.js" defer></script>"#, "assets/app.js": ""]
        #expect(broken(site) == ["index.html → missing.png"])
    }

    /// Other hosts and schemes cannot be checked offline; a link to the same host outside the base URL is another site.
    @Test func externalLinksAreNotChecked() {
        let page = ["https://elsewhere.org/nowhere/", "http://example.org/other/", "mailto:someone@example.org", "tel:+441234",
                    "webcal://example.org/handbook/missing.ics"].map { #"<a href="\#($0)">x</a>"# }.joined()
        #expect(broken(["index.html": page]) == [])
    }

    /// Only a scheme before the first `/` makes a link external: a colon further on is part of a path in the site.
    @Test func aColonInAPathDoesNotMakeALinkExternal() {
        let page = ["../nowhere/a:b/", "./a:b", "topics/no:pe/", "//elsewhere.org/x", "urn:isbn:0451450523"].map { #"<a href="\#($0)">x</a>"# }.joined()
        #expect(broken(["about/index.html": page, "index.html": ""]) == ["about/index.html → ../nowhere/a:b/", "about/index.html → ./a:b",
                                                                       "about/index.html → topics/no:pe/"])
    }

    @Test func fragmentsAndQueriesAreIgnoredWhenResolving() {
        let page = ##"<a href="about/#team">x</a><a href="about/?q=1">x</a><a href="#top">x</a><a href="?page=2">x</a><a href="gone/#x">x</a>"##
        #expect(broken(["index.html": page, "about/index.html": ""]) == ["index.html → gone/#x"])
    }

    /// A directory URL is served by its `index.html`, so a folder holding only other pages does not count.
    @Test func directoryLinksNeedTheirIndexFile() {
        let site = ["index.html": #"<a href="topics/">x</a><a href="about">x</a>"#, "topics/a/index.html": "", "about/index.html": ""]
        #expect(broken(site) == ["index.html → topics/"])
    }

    @Test func aLinkToTheRootNeedsTheHomePage() {
        #expect(broken(["about/index.html": #"<a href="../">Home</a>"#]) == ["about/index.html → ../"])
        #expect(broken(["about/index.html": #"<a href="../">Home</a>"#, "index.html": ""]) == [])
    }

    /// Climbing above the output root leaves the site, whatever file the remaining path names.
    @Test func aLinkAboveTheRootIsBroken() {
        let site = ["about/index.html": #"<a href="../../about/">x</a>"#, "index.html": ""]
        #expect(broken(site) == ["about/index.html → ../../about/"])
    }

    @Test func linksThroughTheBaseURLAreInternal() {
        let page = #"<a href="https://example.org/handbook/about/">x</a><a href="https://example.org/handbook/gone/">x</a>"#
        #expect(broken(["index.html": page, "about/index.html": ""]) == ["index.html → https://example.org/handbook/gone/"])
    }

    /// Root-relative links (the 404 page uses them) resolve from the base URL's path; outside it they lead nowhere.
    @Test func rootRelativeLinksResolveUnderTheBasePath() {
        let page = #"<link rel="stylesheet" href="/handbook/assets/style.css"><link rel="icon" href="/assets/style.css">"#
        #expect(broken(["404.html": page, "assets/style.css": ""]) == ["404.html → /assets/style.css"])
    }

    @Test func aSiteAtTheHostRootTakesRootRelativeLinksAsTheyAre() {
        let page = #"<a href="/about/">x</a><a href="/gone/">x</a>"#
        #expect(broken(["404.html": page, "about/index.html": ""], baseURL: "https://example.org/") == ["404.html → /gone/"])
    }

    /// Feeds and data files hold links for other programs; only HTML pages are checked.
    @Test func onlyHTMLPagesAreChecked() {
        let site = ["feed.xml": #"<link href="gone/"/>"#, "api/index.json": #"{"x": " href="gone/""}"#, "events.ics": #" src="gone.png""#]
        #expect(broken(site) == [])
    }

    @Test func anEscapedAmpersandIsDecodedBeforeResolving() {
        #expect(broken(["index.html": #"<a href="r&amp;d/">x</a>"#, "r&d/index.html": ""]) == [])
    }

    @Test func everyBrokenLinkOnEveryPageIsReported() {
        let site = ["index.html": #"<a href="a/">x</a><a href="b/">x</a>"#, "about/index.html": #"<a href="../a/">x</a>"#]
        #expect(broken(site) == ["about/index.html → ../a/", "index.html → a/", "index.html → b/"])
    }
}
