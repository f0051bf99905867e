import HandbookModel
import Mustache

/// One page per method declared in handbook.yml (a citizens' assembly, a jury…): every entry that used it,
/// grouped by type.
struct MethodPages: PageGenerator {
    static let name = "method pages"
    static let inputs = OutputInputs.structure
    let site: SiteContext

    func pages() -> [Page] {
        site.index.settings.methods.map { Page(path: Links.method($0.id), section: "", subject: .topic($0.id)) }
    }

    func content(of page: Page, root: String) -> PageContent {
        guard case .topic(let id) = page.subject else { return PageContent(template: "method", title: "", description: "") }
        let index = site.index
        let label = index.settings.methodLabel(id)
        let references = index.methods[id] ?? []
        let groups = site.groupedByType(references)
        let data: [String: MustacheValue] = [
            "label": .string(label),
            "groups": .list(groups),
            "hasContents": .bool(groups.count > 1),
            "isEmpty": .bool(references.isEmpty),
        ]
        return PageContent(template: "method", title: label, description: "Every use of \(label) in the \(index.settings.title).", data: data)
    }
}
