import Foundation
import HandbookLoad
import HandbookModel
@testable import HandbookValidate
import Testing

/// The registry is the one list of rules: every id the tool emits is in it, and the docs list exactly its ids.
@Suite struct RuleRegistryTests {
    /// The package's root directory, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var registered: Set<String> { Set(RuleRegistry.ids.map(\.rawValue)) }

    @Test func idsAreUniqueAndWellFormed() {
        let ids = RuleRegistry.ids.map(\.rawValue)
        #expect(Set(ids).count == ids.count, "an id is registered twice")
        for rule in RuleRegistry.all {
            #expect(Slug.isValid(rule.id.rawValue), "\(rule.id) is not lower-case words joined by hyphens")
            #expect(!rule.summary.isEmpty, "\(rule.id) says nothing about what it checks")
            #expect(RuleRegistry.rule(rule.id).map(ObjectIdentifier.init) == ObjectIdentifier(rule))
        }
    }

    @Test func theValidatorRunsTheDocumentRulesInRegistryOrder() {
        let order = RuleRegistry.documentRules.map { $0.id.rawValue }
        #expect(order == ["date-order", "local-time", "policy-stages", "press-contact", "event-location", "amount-currency", "stale-review"])
    }

    /// The loader cannot see this module, so its string ids must each be wrapped by a registered rule.
    @Test func theLoadersIDsAreRegistered() {
        let loader = [ContentLoader.Rule.unknownPath, ContentLoader.Rule.symlink, ContentLoader.Rule.encoding,
                      ContentLoader.Rule.frontMatter, ContentLoader.Rule.yaml, ContentLoader.Rule.duplicateKey,
                      ContentLoader.Rule.missingFile, ContentLoader.Rule.io]
        #expect(Set(loader).subtracting(Self.registered).isEmpty)
    }

    /// Every rule id that any test suite sees emitted, or expects, is registered: the fixtures' trees are
    /// checked afresh, and every id the tests compare with or expect in printed output is collected.
    @Test func everyIDTheTestsSeeIsRegistered() throws {
        var seen: [String: String] = [:]
        let today = PartialDate(year: 2026, month: 11, day: 22)
        for tree in try contentTrees() {
            let result = Validator.validate(try ContentLoader.load(contentPath: tree), today: today, isolated: true)
            for diagnostic in result.diagnostics {
                seen[diagnostic.rule] = diagnostic.location.path
                // A rule may report something milder than its declared severity, never something worse.
                if let rule = RuleRegistry.rule(RuleID(diagnostic.rule)) {
                    #expect(diagnostic.severity <= rule.defaultSeverity, "\(diagnostic) is worse than \(rule.id)'s severity")
                }
            }
        }
        for file in try files(under: Self.root.appendingPathComponent("Tests"), endingIn: [".swift", "expected.txt"]) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for id in Self.expectedIDs(in: text, isSwift: file.pathExtension == "swift") { seen[id] = file.lastPathComponent }
        }
        #expect(seen.count > 30, "too few ids found; is the scan broken?")
        for (id, source) in seen.sorted(by: { $0.key < $1.key }) {
            #expect(Self.registered.contains(id), "'\(id)' (from \(source)) is emitted but not in RuleRegistry.all")
        }
    }

    @Test func theDocsRuleTableListsExactlyTheRegisteredIDs() throws {
        let docs = Self.root.appendingPathComponent("docs/content-format.md")
        let readme = Self.root.appendingPathComponent("README.md")
        let source = FileManager.default.fileExists(atPath: docs.path) ? docs : readme
        let documented = Self.ruleTableIDs(in: try String(contentsOf: source, encoding: .utf8))
        #expect(!documented.isEmpty, "no rule table found in \(source.lastPathComponent)")
        let listed = Set(documented)
        #expect(listed.count == documented.count, "an id is listed twice in \(source.lastPathComponent)")
        for id in RuleRegistry.ids where !listed.contains(id.rawValue) {
            Issue.record("'\(id)' is registered but missing from the rule table of \(source.lastPathComponent)")
        }
        for id in documented where !Self.registered.contains(id) {
            Issue.record("'\(id)' is in the rule table of \(source.lastPathComponent) but no rule has that id")
        }
    }

    @Test func theRuleTableParserReadsBothLayouts() {
        let docs = """
            # Content format

            ## Rules

            | rule | severity | what it checks |
            |---|---|---|
            | `required` | error | required fields |
            | `stale-review` | warning | old reviews |

            ## Next

            | `not-a-rule` | x | y |
            """
        #expect(Self.ruleTableIDs(in: docs) == ["required", "stale-review"])
        let readme = """
            Some text with `code`.

            | rule | what it checks |
            |---|---|
            | `email`, `phone` | addresses |
            | `isolated` (warning) | links |

            | page | what |
            | `index.html` | home |
            """
        #expect(Self.ruleTableIDs(in: readme) == ["email", "phone", "isolated"])
    }

    /// The ids in the first cell of the rule table's rows: every table in the section under the first heading
    /// containing "Rules" (docs/content-format.md), else the table whose header's first cell is "rule" (README.md).
    static func ruleTableIDs(in markdown: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [String] = []
        if let heading = lines.firstIndex(where: { $0.hasPrefix("#") && $0.lowercased().contains("rules") }) {
            let level = lines[heading].prefix { $0 == "#" }.count
            for line in lines[(heading + 1)...] {
                if line.hasPrefix("#") && line.prefix(while: { $0 == "#" }).count <= level { break }
                if line.hasPrefix("|") { rows.append(line) }
            }
        } else if let header = lines.firstIndex(where: { $0.hasPrefix("|") && cells($0).first == "rule" }) {
            rows = Array(lines[(header + 1)...].prefix { $0.hasPrefix("|") })
        }
        return rows.compactMap { cells($0).first }.filter { $0.hasPrefix("`") }.flatMap(backticked)
    }

    static func cells(_ row: String) -> [String] {
        row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func backticked(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// Rule ids a test expects: `[id]` ending a printed diagnostic line, and strings compared with `.rule` or `rules(…)`.
    static func expectedIDs(in text: String, isSwift: Bool) -> Set<String> {
        var ids: Set<String> = []
        for line in text.split(separator: "\n") {
            if !isSwift {
                if let id = matches(#" \[([a-z][a-z0-9-]*)\]$"#, in: String(line)).first { ids.insert(id) }
                continue
            }
            // A diagnostic line inside a string ends in the id in brackets, then a quote; a YAML flow list is not one.
            ids.formUnion(matches(#"[^:] \[([a-z][a-z0-9-]*)\](?:\\n)?""#, in: String(line)))
            if !matches(#"(\.rule\b|\brules\()"#, in: String(line)).isEmpty, let equals = line.range(of: "==") {
                ids.formUnion(matches(#""([a-z][a-z0-9-]*)""#, in: String(line[equals.upperBound...])))
            }
        }
        // `MESSAGE [rule]` is the text format's own description, in help and docs, not an id.
        ids.remove("rule")
        return ids
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Every content tree in the package: the shipped content and every fixture's.
    func contentTrees() throws -> [String] {
        var trees = [Self.root.appendingPathComponent("content").path, Self.root.appendingPathComponent("Tests/search/site").path]
        for file in try files(under: Self.root.appendingPathComponent("Tests"), endingIn: ["handbook.yml"]) {
            trees.append(file.deletingLastPathComponent().path)
        }
        return Array(Set(trees)).sorted()
    }

    func files(under directory: URL, endingIn suffixes: [String]) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { url in suffixes.contains { url.lastPathComponent.hasSuffix($0) } }
    }
}
