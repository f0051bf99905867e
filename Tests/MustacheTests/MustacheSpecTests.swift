import Foundation
import HandbookTestSupport
import Mustache
import Testing

/// Runs the Mustache spec modules the engine implements (`conformance/mustache/` of the external test data, docs/testing.md).
@Suite struct MustacheSpecTests {
    static let modules = ["interpolation", "sections", "inverted", "comments", "partials", "delimiters"]

    /// Each module with its objects in both forms: dictionaries (`.object`) and member lists (`.fields`, as the
    /// pages' contexts are made, and found in place when written).
    @Test(.needsShared("Mustache spec"), arguments: modules, [false, true])
    func passesSpecModule(_ module: String, asFields: Bool) throws {
        let data = try SharedFolder.required("conformance/mustache/\(module).json")
        let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = try #require(spec["tests"] as? [[String: Any]])
        var passed = 0
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let template = test["template"] as? String ?? ""
            let expected = test["expected"] as? String ?? ""
            var templates = (test["partials"] as? [String: String]) ?? [:]
            templates["\u{0}main"] = template
            let library = try MustacheLibrary(templates: templates)
            let output = library.render("\u{0}main", Self.value(test["data"] ?? NSNull(), asFields: asFields))
            #expect(output == expected, "\(module)\(asFields ? " (fields)" : ""): \(name)")
            if output == expected { passed += 1 }
        }
        print("Mustache spec \(module): \(passed) of \(tests.count) passed")
    }

    /// JSON data as template values: integral numbers print without a decimal point, as the spec expects.
    static func value(_ json: Any, asFields: Bool = false) -> MustacheValue {
        switch json {
        case let text as String: return .string(text)
        case let number as NSNumber:
            if CFBooleanCheck.isBoolean(number) { return .bool(number.boolValue) }
            let double = number.doubleValue
            if double == double.rounded() && abs(double) < 1e15 { return .string(String(Int(double))) }
            return .string(String(double))
        case let list as [Any]: return .list(list.map { value($0, asFields: asFields) })
        case let object as [String: Any]:
            guard asFields else { return .object(object.mapValues { value($0, asFields: asFields) }) }
            var fields = MustacheFields()
            for (key, member) in object.sorted(by: { $0.key < $1.key }) { fields[key] = value(member, asFields: true) }
            return .fields(fields)
        default: return .null
        }
    }
}

enum CFBooleanCheck {
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
