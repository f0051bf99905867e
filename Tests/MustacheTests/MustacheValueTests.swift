import Mustache
import Testing

/// `MustacheValue`'s two forms of object: a dictionary literal makes a small list of members, a dictionary
/// makes a dictionary-backed one; both look up, render and compare alike.
@Suite struct MustacheValueTests {
    @Test func aLiteralAndADictionaryWithTheSameMembersAreEqual() {
        let literal: MustacheValue = ["name": "Involve", "count": "3", "list": ["a", "b"]]
        let dictionary = MustacheValue.object(["name": "Involve", "count": "3", "list": ["a", "b"]])
        #expect(literal == dictionary)
        #expect(literal.hashValue == dictionary.hashValue)
        #expect(literal != MustacheValue.object(["name": "Involve"]))
        #expect(literal["name"] == "Involve" && literal["missing"] == nil)
        #expect(literal.members == dictionary.members)
    }

    /// A later duplicate name replaces the earlier value, as a dictionary would.
    @Test func aDuplicateNameKeepsTheLastValue() {
        let value: MustacheValue = ["a": "1", "b": "2", "a": "3"]
        #expect(value["a"] == "3")
        #expect(value.members?.count == 2)
    }

    /// Past the limit, a literal makes a dictionary-backed object; lookups and equality do not change.
    @Test func aLargeLiteralIsADictionary() {
        var pairs: [(String, MustacheValue)] = []
        for number in 0...MustacheFields.limit { pairs.append(("k\(number)", .string("\(number)"))) }
        let dictionary = MustacheValue.object(Dictionary(uniqueKeysWithValues: pairs))
        #expect(dictionary["k0"] == "0")
        #expect(dictionary["k\(MustacheFields.limit)"] == .string("\(MustacheFields.limit)"))
    }

    /// Both forms render the same, as sections and as dotted names, and a name not found in the top object is
    /// found further down the stack.
    @Test func bothFormsRenderAlike() throws {
        let library = try MustacheLibrary(templates: ["t": "{{#person}}{{name}} of {{org.name}} in {{city}}{{/person}}"])
        let small: MustacheValue = ["person": ["name": "Ann", "org": ["name": "Involve"]], "city": "London"]
        let large = MustacheValue.object(["person": .object(["name": "Ann", "org": .object(["name": "Involve"])]), "city": "London"])
        #expect(library.render("t", small) == "Ann of Involve in London")
        #expect(library.render("t", large) == "Ann of Involve in London")
    }
}
