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
}
