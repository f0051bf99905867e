import HandbookModel
import HandbookRender

/// `check --gaps`: the librarian's to-do list from the sector's insights, as lines that name the file (or,
/// for a topic or country, the folder) where the fix goes: isolated organisations, one-way partnerships,
/// and topics and countries with organisations but no case study, or case studies but no organisation.
/// Gaps are not problems in the content: they never change the exit status.
enum GapReport {
    /// One thing to look at.
    struct Gap: Equatable {
        /// What kind of gap: `isolated`, `one-way-partnership`, `topic-without-case-studies`, … (stable, for scripts).
        var kind: String
        /// The entry's file, or the folder where the missing entries belong.
        var path: String
        /// What is missing and what to do.
        var message: String
    }

    /// Every gap, kind by kind, each kind in the insights' order (by name).
    static func gaps(_ insights: SectorInsights, entities: [Entity], settings: Settings, contentPath: String, types: TypeCatalog) -> [Gap] {
        var files: [EntityReference: String] = [:]
        for entity in entities where !entity.isDraft { files[entity.reference] = entity.path }
        let file = { (reference: EntityReference) in files[reference] ?? reference.slug }
        // The folder as the loader shows paths: the content path as given, without a final slash.
        let root = contentPath.hasSuffix("/") && contentPath.count > 1 ? String(contentPath.dropLast()) : contentPath
        let folder = { (type: EntityType) in root + "/" + type.folder }
        let topicLabels = Dictionary(settings.topics.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        let topic = { (id: String) in "topic '\(id)' (\(topicLabels[id] ?? id))" }
        let country = { (code: String) in "country \(code) (\(Formatting.country(code)))" }
        let counted = { (count: Int, type: EntityType) in "\(count) \(count == 1 ? types[type].singular : types[type].plural)" }

        var gaps = insights.isolated.map { organisation in
            Gap(kind: "isolated", path: file(organisation),
                message: "isolated: no relationship to any other entry; add its networks, partners or funders, or name it in a case study, event or resource")
        }
        gaps += insights.oneWayPartnerships.map { partnership in
            let (from, to) = (partnership.from.slug, partnership.to.slug)
            return Gap(kind: "one-way-partnership", path: file(partnership.from),
                       message: "one-way partnership: names '\(to)' in partners, but \(file(partnership.to)) does not name '\(from)'; add a partner link back from \(to) to \(from), or remove it from \(from)")
        }
        // The four one-sided coverages: what has the topic or country, what lacks it, and what to do.
        typealias Side = (kind: String, items: [SectorInsights.Coverage], subject: (String) -> String, has: EntityType, lacks: EntityType,
                          advice: (String) -> String)
        let sides: [Side] = [
            ("topic-without-case-studies", insights.topicsWithoutCaseStudies, topic, .organisations, .caseStudies,
             { _ in "add a case study on it, or tag an existing one with it" }),
            ("topic-without-organisations", insights.topicsWithoutOrganisations, topic, .caseStudies, .organisations,
             { _ in "add the organisations that work on it, or tag existing ones with it" }),
            ("country-without-case-studies", insights.countriesWithoutCaseStudies, country, .organisations, .caseStudies,
             { "add a case study from \(Formatting.countryInSentence($0))" }),
            ("country-without-organisations", insights.countriesWithoutOrganisations, country, .caseStudies, .organisations,
             { "add the organisations based in \(Formatting.countryInSentence($0))" }),
        ]
        for side in sides {
            gaps += side.items.map { coverage in
                let count = side.has == .organisations ? coverage.organisations : coverage.caseStudies
                return Gap(kind: side.kind, path: folder(side.lacks),
                           message: "\(side.subject(coverage.value)): \(counted(count, side.has)) but no \(types[side.lacks].singular); \(side.advice(coverage.value))")
            }
        }
        return gaps
    }

    /// The list: lines under a heading in text, one array in JSON (on standard error, as `--due` does, so
    /// standard output stays the diagnostics' array), notices for GitHub.
    static func print(_ gaps: [Gap], format: DiagnosticFormatter.Format, console: inout Console) {
        switch format {
        case .json:
            let array = JSONValue.array(gaps.map { .object(["kind": .string($0.kind), "path": .string($0.path), "message": .string($0.message)]) })
            console.printError("gaps: " + array.encoded)
        case .github:
            for gap in gaps {
                // A folder is not a file GitHub can annotate: its path goes in the message instead.
                let isFile = gap.path.hasSuffix(".md")
                let location = isFile ? "file=\(DiagnosticFormatter.property(gap.path)),line=1," : ""
                let message = isFile ? gap.message : "\(gap.path): \(gap.message)"
                console.print("::notice \(location)title=\(gap.kind)::\(DiagnosticFormatter.data(message))")
            }
        case .text:
            console.print("Gaps (the librarian's to-do list): \(gaps.count)")
            // A topic's label or a file's name may hold a line break or an escape sequence (a YAML string can): each
            // gap stays one line, and nothing reaches the terminal or a CI log raw.
            for gap in gaps { console.print(DiagnosticFormatter.terminalSafe("\(gap.path): \(gap.message)")) }
        }
    }
}
