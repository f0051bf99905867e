import Foundation
import HandbookLoad
import HandbookModel
import HandbookTestSupport
import Testing

/// Runs the YAML test suite (`conformance/yaml-test-suite.json` of the external test data, docs/testing.md) through the subset parser.
///
/// Every case must either give the expected JSON or be rejected; a different value is a failure.
/// Every case that uses only the subset's features must be accepted and correct.
@Suite struct YAMLConformanceTests {
    @Test(.needsShared("YAML conformance"))
    func suiteCasesAreCorrectOrRejected() throws {
        let data = try SharedFolder.required("conformance/yaml-test-suite.json")
        let cases = try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [[String: Any]])
        var correct = 0
        var rejected = 0
        var wrong: [String] = []
        var subsetRejected: [String] = []
        var unverifiable: [String] = []
        for testCase in cases {
            let id = testCase["id"] as? String ?? "?"
            let yaml = testCase["yaml"] as? String ?? ""
            let isError = testCase["error"] as? Bool ?? false
            let expected = testCase["json"] as? [Any]
            let tags = Set(testCase["tags"] as? [String] ?? [])
            let usesDirective = yaml.split(separator: "\n").contains { $0.hasPrefix("%") }
            let inSubset = !isError && expected != nil && (expected?.count ?? 0) <= 1
                && tags.isDisjoint(with: Self.featuresOutsideSubset) && !usesDirective
            let result: YAMLDocument
            do {
                result = try YAMLParser.parse(Array(yaml.utf8))
            } catch {
                rejected += 1
                if inSubset { subsetRejected.append("\(id): \(error.message) at \(error.position.line):\(error.position.column)") }
                continue
            }
            if !result.duplicateKeys.isEmpty {
                rejected += 1
                if inSubset { subsetRejected.append("\(id): duplicate key") }
                continue
            }
            if isError {
                wrong.append("\(id): accepted an invalid document")
                continue
            }
            guard let expected else {
                // The suite gives no JSON for this valid case, so there is nothing to compare with.
                unverifiable.append(id)
                continue
            }
            let actual: [Any] = result.root.map { [Self.json($0)] } ?? []
            if Self.equal(actual as Any, expected as Any) {
                correct += 1
            } else {
                wrong.append("\(id): got \(actual), expected \(expected)")
            }
        }
        print("YAML conformance: \(cases.count) cases: \(correct) accepted and correct, \(rejected) rejected, \(wrong.count) wrong; \(unverifiable.count) accepted with no JSON in the suite to compare (\(unverifiable.joined(separator: ", ")))")
        for line in wrong { print("  wrong: \(line)") }
        for line in subsetRejected { print("  subset case rejected: \(line)") }
        #expect(wrong.isEmpty)
        #expect(subsetRejected.isEmpty)
    }

    /// Suite tags whose features the handbook's subset rejects by design (docs/content-format.md, "YAML").
    static let featuresOutsideSubset: Set<String> = [
        "anchor", "alias", "tag", "local-tag", "unknown-tag", "directive", "complex-key", "explicit-key",
    ]

    /// The node as JSON values, resolving plain scalars by YAML 1.2's core schema as the suite's JSON does.
    static func json(_ node: YAMLNode) -> Any {
        switch node.value {
        case .scalar(let text, .plain):
            return coreSchemaValue(text)
        case .scalar(let text, _):
            return text
        case .sequence(let items):
            return items.map(json)
        case .mapping(let pairs):
            var object: [String: Any] = [:]
            for pair in pairs { object[pair.key] = json(pair.value) }
            return object
        }
    }

    static func coreSchemaValue(_ text: String) -> Any {
        switch text {
        case "", "~", "null", "Null", "NULL": return NSNull()
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: break
        }
        if text.range(of: #"^[-+]?[0-9]+$"#, options: .regularExpression) != nil, let value = Double(text) { return value }
        if text.range(of: #"^0x[0-9a-fA-F]+$"#, options: .regularExpression) != nil { return Double(Int(text.dropFirst(2), radix: 16) ?? 0) }
        if text.range(of: #"^0o[0-7]+$"#, options: .regularExpression) != nil { return Double(Int(text.dropFirst(2), radix: 8) ?? 0) }
        if text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
           let value = Double(text) { return value }
        return text
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if let a = a as? [Any], let b = b as? [Any] {
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        }
        if let a = a as? [String: Any], let b = b as? [String: Any] {
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        }
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? Bool, let b = b as? NSNumber, !(b is Bool) || true, CFGetTypeIDIsBool(b) { return a == b.boolValue }
        if let a = a as? Double, let b = b as? NSNumber, !CFGetTypeIDIsBool(b) { return a == b.doubleValue }
        return false
    }

    static func CFGetTypeIDIsBool(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" && (number == NSNumber(value: true) || number == NSNumber(value: false))
    }
}
