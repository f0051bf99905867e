@testable import Mustache
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

    /// In a literal of many members (whose names are checked for repeats by their sorted keys), a repeated name
    /// keeps the last value too, and an object without repeats keeps every member.
    @Test func aDuplicateNameInALargeLiteralKeepsTheLastValue() {
        let repeated: MustacheValue = ["a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6", "g": "7", "h": "8", "i": "9", "a": "10"]
        #expect(repeated["a"] == "10")
        #expect(repeated.members?.count == 9)
        let distinct: MustacheValue = ["a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6", "g": "7", "h": "8", "i": "9", "j": "10"]
        #expect(distinct.members?.count == 10)
        #expect(distinct["j"] == "10" && distinct["a"] == "1")
    }

    /// However many members a literal has, each is found by its name, and a member added or replaced later is too.
    @Test func everyMemberOfALargeObjectIsFound() {
        var fields = MustacheFields()
        for number in 0..<100 { fields["k\(number)"] = .string("\(number)") }
        fields["k7"] = "seven"
        fields["k8"] = nil
        #expect(fields.count == 99)
        #expect(fields["k0"] == "0" && fields["k99"] == "99" && fields["k7"] == "seven" && fields["k8"] == nil)
        let value = MustacheValue.fields(fields)
        #expect(value["k42"] == "42" && value["k100"] == nil)
    }

    /// Names a word long and longer, alike in their first eight bytes or only in their length, are each found, and a
    /// name one byte longer or shorter than one there is not.
    @Test func longNamesAreToldApart() {
        let names = ["abcdefgh", "abcdefghi", "abcdefghij", "abcdefgh0", "abcdefgh1", "abcdefghabcdefgh", "abcdefghabcdefgi",
                     "abcdefghabcdefghx", String(repeating: "n", count: 40), String(repeating: "n", count: 41), "a", "ab"]
        var fields = MustacheFields()
        for (number, name) in names.enumerated() { fields[name] = .string("\(number)") }
        #expect(fields.count == names.count)
        for (number, name) in names.enumerated() { #expect(fields[name] == .string("\(number)"), "\(name)") }
        for absent in ["abcdefg", "abcdefghabcdef", "abcdefgh2", String(repeating: "n", count: 39), "abc"] {
            #expect(fields[absent] == nil, "\(absent)")
        }
    }

    /// Every byte of a name counts in its key, at every length a name has: changing any one of them changes the key.
    @Test func everyByteOfANameCountsInItsKey() {
        for length in 1...40 {
            let name = (0..<length).map { Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8($0 % 26))) }
            let key = MustacheFields.key(String(name))
            #expect(MustacheFields.key(String(name)) == key)
            for position in 0..<length {
                var changed = name
                changed[position] = "Z"
                #expect(MustacheFields.key(String(changed)) != key, "\(length) bytes, byte \(position)")
            }
        }
    }

    /// Names whose keys are alike are still told apart by their text, and a name is not found by a prefix of it.
    @Test func namesAreComparedAsText() throws {
        let value: MustacheValue = ["name": "a", "names": "b", "nam": "c", "": "d"]
        #expect(value["name"] == "a" && value["names"] == "b" && value["nam"] == "c" && value[""] == "d" && value["na"] == nil)
        let library = try MustacheLibrary(templates: ["t": "{{name}}{{names}}{{nam}}{{#o}}{{name}}{{/o}}"])
        #expect(library.render("t", ["name": "1", "names": "2", "nam": "3", "o": ["names": "x"]]) == "1231")
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
