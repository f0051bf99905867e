import Foundation
import HandbookModel
import Testing

/// `JSONValue`'s encoding is deterministic: objects' keys sorted, each with its own value, no whitespace.
@Suite struct JSONValueTests {
    @Test func objectKeysAreSortedAndKeepTheirValues() {
        let value = JSONValue.object([
            "name": .string("Involve"), "Zeta": .number("1"), "country": .string("GB"), "a": .null,
            "nested": .object(["b": .bool(true), "a": .array([.number("2"), .string("x")])]),
        ])
        #expect(value.encoded == #"{"Zeta":1,"a":null,"country":"GB","name":"Involve","nested":{"a":[2,"x"],"b":true}}"#)
    }

    @Test func anEmptyObjectAndArrayAreWrittenEmpty() {
        #expect(JSONValue.object([:]).encoded == "{}")
        #expect(JSONValue.array([]).encoded == "[]")
    }

    /// For a page's `<script>`, `<`, `>` and `&` become `\u` escapes wherever they fall in a word of the
    /// encoding; everything else is the plain encoding.
    @Test func theScriptEncodingEscapesAngleBracketsAndAmpersandsAnywhere() {
        for (character, escape) in [("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")] {
            for offset in 0..<17 {
                let text = String(repeating: "x", count: offset) + character + "é" + String(repeating: "y", count: 20) + character
                let value = JSONValue.array([.string(text), .bool(false)])
                #expect(value.encodedForScript == value.encoded.replacingOccurrences(of: character, with: escape), "\(character) at \(offset)")
                #expect(!value.encodedForScript.contains(character))
            }
        }
        #expect(JSONValue.string("a</script>").encodedForScript == #""a\u003c/script\u003e""#)
    }
}
