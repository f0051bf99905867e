#if canImport(Glibc)
import Glibc
#endif
import HandbookBuild
import HandbookLoad
import HandbookModel
import HandbookRender
import HandbookValidate

/// Check, then build, of a one-file change to the fixture site: the input is a type folder's name, a line
/// break, then a content file. When `check` finds no error, every output of the site is rendered and its
/// links checked, in memory (the output writer has its own tests). Any trap after a clean check is a finding:
/// whatever `check` accepts, `build` must render.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckThenBuild(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let folder = String(decoding: bytes[..<newline], as: UTF8.self)
    let file = Array(bytes[min(newline + 1, bytes.count)...])
    let type = TypeCatalog.standard.type(folder: folder) ?? .organisations
    let read = ContentLoader.document(file, type: type, slug: "fuzz", path: "\(type.folder)/fuzz.md")
    var tree = CheckThenBuild.fixture
    if let document = read.document { tree.documents.append(document) }
    tree.diagnostics += read.diagnostics
    let validation = Validator.validate(tree, today: CheckThenBuild.today)
    guard validation.errorCount == 0 else { return 0 }
    var entities = validation.entities
    for index in entities.indices { entities[index].lastChanged = 1_790_000_000 }
    let index = SiteIndex(settings: validation.settings, entities: entities, today: CheckThenBuild.today)
    let site = SiteContext(index: index, theme: CheckThenBuild.theme, baseURL: "https://example.org/handbook/")
    var paths: Set<String> = []
    var links: [LinkChecker.PageLinks] = []
    for output in Outputs.standard {
        for file in output.init(site: site).files() {
            guard paths.insert(file.path).inserted else { fatalError("two files at \(file.path)") }
            if let page = LinkChecker.links(of: file) { links.append(page) }
        }
    }
    _ = LinkChecker.broken(links, paths: paths, baseURL: "https://example.org/handbook/")
    return 0
}

/// Loads the fixture site and the theme before the first input, so that what every input shares is not made
/// during one (libFuzzer counts an input's allocations to find leaks).
@_cdecl("LLVMFuzzerInitialize")
public func initializeCheckThenBuild(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = CheckThenBuild.fixture
    _ = CheckThenBuild.theme
    // One whole run, so that the libraries' own one-time tables (schemas, word lists, fold tables) are made
    // now too, not during the first input.
    let event = Array("events\n---\ntitle: T\nstart: 2026-12-03T18:30\nend: 2026-12-03T20:00\ntimezone: Europe/Brussels\nlocation: L\n---\nBody.\n".utf8)
    _ = event.withUnsafeBufferPointer { fuzzCheckThenBuild($0.baseAddress, $0.count) }
    return 0
}

/// What every input shares: the fixture site, loaded once, and the default theme.
enum CheckThenBuild {
    /// The repository's root: `HANDBOOK_ROOT`, else the working directory (Fuzz/run.sh runs from the root).
    static let root: String = getenv("HANDBOOK_ROOT").map { String(cString: $0) } ?? "."
    static let today = PartialDate(year: 2026, month: 11, day: 22)
    static let fixture: LoadedTree = {
        guard let tree = try? ContentLoader.load(contentPath: root + "/Tests/HandbookCLITests/Fixtures/valid-site/content") else {
            fatalError("cannot read the fixture site under \(root)")
        }
        return tree
    }()
    static let theme: Theme = {
        guard let files = try? ThemeLoader.load(root + "/themes/default"), let theme = try? Theme(files) else {
            fatalError("cannot read the default theme under \(root)")
        }
        return theme
    }()
}
