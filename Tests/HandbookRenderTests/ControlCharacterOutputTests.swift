import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Testing

/// Issue 14, defect 6: every writer keeps its format valid when text holds characters no published text may hold,
/// even text that `check` (which refuses them) never saw.
@Suite struct ControlCharacterOutputTests {
    /// Controls and noncharacters between letters (Swift's literals refuse noncharacters, so they are made from numbers).
    static let hostile = String(String.UnicodeScalarView([0x41, 0x0, 0x42, 0x7, 0x43, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x44, 0x0C, 0x45, 0x7F, 0x46,
        0x85, 0x47, 0xFFFE, 0x48, 0xFFFF, 0x49, 0xFDD0, 0x4A, 0x10FFFF, 0x4B].map { Unicode.Scalar($0)! }))

    static func entity(_ type: EntityType, _ slug: String, _ fields: [String: FieldValue], body: String = "") -> Entity {
        Entity.fixture(type, slug, fields, body: body, bodyLine: 5, changed: 1_790_000_000)
    }

    /// Every file every generator makes of a site whose names, summaries and bodies hold `hostile`.
    static let files: [OutputFile] = {
        let theme = try! Theme(ThemeLoader.load(SharedFolder.packageRoot.appendingPathComponent("themes/default").path))
        let entities = [
            entity(.organisations, "o", ["name": .text(hostile), "country": .text("GB"), "summary": .text(hostile)], body: "Body \(hostile)\n"),
            entity(.events, "e", ["title": .text(hostile), "start": .date(PartialDate(year: 2027, month: 1, day: 2)), "location": .text(hostile),
                                  "organisers": .list([.reference(EntityReference(type: .organisations, slug: "o"))])], body: hostile),
        ]
        let settings = Settings(title: hostile, topics: [("t", hostile)], methods: [])
        let index = SiteIndex(settings: settings, entities: entities, today: PartialDate(year: 2026, month: 11, day: 22))
        let site = SiteContext(index: index, theme: theme, baseURL: "https://example.org/")
        return Outputs.standard.flatMap { $0.init(site: site).files() }
    }()

    @Test func noWriterLetsAForbiddenCharacterThrough() {
        #expect(Self.files.count > 20)
        for file in Self.files where !file.path.hasSuffix(".json") {
            let found = file.bytes.withUnsafeBufferPointer { ControlCharacters.firstForbidden(in: $0) }
            #expect(found == nil, "\(file.path) has a forbidden character at byte \(found ?? 0)")
        }
    }

    @Test func everyXMLFileIsWellFormed() throws {
        let xml = Self.files.filter { [".xml", ".graphml", ".gexf", ".svg"].contains(where: $0.path.hasSuffix) }
        #expect(xml.map(\.path).contains("feed.xml") && xml.map(\.path).contains("api/graph.graphml"))
        for file in xml {
            let parser = XMLParser(data: Data(file.bytes))
            #expect(parser.parse(), "\(file.path): \(parser.parserError.map { "\($0)" } ?? "")")
        }
    }

    @Test func jsonEscapesEveryControlCharacter() throws {
        for file in Self.files where file.path.hasSuffix(".json") {
            #expect(!file.bytes.contains { $0 < 0x20 && $0 != 0x0A }, "\(file.path)")
            #expect(!zip(file.bytes, file.bytes.dropFirst()).contains { $0 == 0xC2 && $1 >= 0x80 && $1 <= 0x9F }, "\(file.path) has a raw C1 control")
            _ = try JSONSerialization.jsonObject(with: Data(file.bytes), options: [.fragmentsAllowed])
        }
    }

    @Test func calendarTextHasNoControlCharacters() {
        let calendar = Self.files.first { $0.path == "events.ics" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(calendar.contains("SUMMARY:A\u{FFFD}B\u{FFFD}C\u{FFFD}[31mD\u{FFFD}E"))
        #expect(!calendar.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
    }

    /// Found by the hostile tree: a reader turns a raw tab or line break in an attribute into a space (and a
    /// raw CR anywhere into a line feed), so GEXF node labels came back changed.
    @Test func attributeValuesKeepTabsAndLineBreaks() throws {
        var xml = XMLWriter()
        xml.raw("<n label=\"")
        xml.attribute("a\tb\nc\r\nd & <e>")
        xml.raw("\">")
        xml.text("f\rg\th\ni")
        xml.raw("</n>")
        #expect(String(decoding: xml.bytes, as: UTF8.self) == "<n label=\"a&#9;b&#10;c&#13;&#10;d &amp; &lt;e&gt;\">f&#13;g\th\ni</n>")
        final class Reader: NSObject, XMLParserDelegate {
            var label = "", text = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                label = attributes["label"] ?? ""
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(xml.bytes))
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.label == "a\tb\nc\r\nd & <e>")
        #expect(reader.text == "f\rg\th\ni")
    }

    @Test func replacingLeavesCleanTextAlone() {
        var clean = Array("plain ünïcödé text\twith\r\nline ends 日本".utf8)
        let before = clean
        ControlCharacters.replace(in: &clean)
        #expect(clean == before)
        var dirty = Array(String(String.UnicodeScalarView([0x61, 0x1B, 0x62, 0x9F, 0x63, 0xFFFF, 0x64, 0x1FFFE, 0x65].map { Unicode.Scalar($0)! })).utf8)
        ControlCharacters.replace(in: &dirty)
        #expect(String(decoding: dirty, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
    }

    /// The scan tests sixteen or eight bytes at a time: it finds the same first character as a byte-by-byte scan, for every
    /// forbidden character at every offset in a word and beside printable text and valid non-ASCII characters.
    @Test func theWordScanFindsWhatTheByteScanFinds() {
        func byByte(_ bytes: [UInt8]) -> Int? {
            bytes.withUnsafeBufferPointer { buffer in buffer.indices.first { ControlCharacters.forbiddenLength(buffer, at: $0) > 0 } }
        }
        let forbidden: [[UInt8]] = [[0x00], [0x1F], [0x7F], [0x0C], [0xC2, 0x85], [0xC2, 0x9F], [0xEF, 0xB7, 0x90], [0xEF, 0xBF, 0xBF],
                                    [0xF4, 0x8F, 0xBF, 0xBE]]
        let allowed: [[UInt8]] = [Array("a".utf8), [0x09], [0x0A], [0x0D], [0x7E], [0x20], Array("é".utf8), Array("—".utf8), Array("日".utf8),
                                  Array("\u{1F600}".utf8), [0xC2, 0xA0], [0xEF, 0xBF, 0xBD]]
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) { bytes += allowed.randomElement(using: &generator)! }
            if Bool.random(using: &generator) {
                let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
                // Insert only at a character boundary: after a whole allowed piece.
                var boundary = 0
                var cut = 0
                while boundary < at, cut < bytes.count {
                    let lead = bytes[cut]
                    cut += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    boundary = cut
                }
                bytes.insert(contentsOf: forbidden.randomElement(using: &generator)!, at: min(cut, bytes.count))
            }
            let fast = bytes.withUnsafeBufferPointer { ControlCharacters.firstForbidden(in: $0) }
            #expect(fast == byByte(bytes), "\(bytes)")
        }
        // Every forbidden character at each offset of four words of line feeds and printable text (a block or word
        // with a line feed is tested with its feeds made spaces first).
        for piece in forbidden {
            for offset in 0..<32 {
                var bytes = (0..<40).map { $0 % 3 == 0 ? UInt8(0x0A) : UInt8(ascii: "x") }
                bytes.replaceSubrange(offset..<offset + piece.count, with: piece)
                #expect(bytes.withUnsafeBufferPointer { ControlCharacters.firstForbidden(in: $0) } == offset, "\(piece) at \(offset) among feeds")
            }
        }
        // Every forbidden character after each letter of a run of letters of other scripts (whose continuation
        // bytes the word scan passes over), at every offset of the words they fill.
        for piece in forbidden {
            for letter in ["é", "日", "\u{1F600}"] {
                for count in 0..<10 {
                    for lead in 0..<3 {
                        let before = Array(String(repeating: "x", count: lead).utf8) + Array(String(repeating: letter, count: count).utf8)
                        let bytes = before + piece + Array(String(repeating: letter, count: 6).utf8)
                        #expect(bytes.withUnsafeBufferPointer { ControlCharacters.firstForbidden(in: $0) } == before.count,
                                "\(piece) after \(lead) + \(count) × \(letter)")
                    }
                }
            }
        }
        // Every forbidden character at each offset of 200 bytes of printable text and feeds (tested sixty-four bytes at a
        // time), alone and after a letter beyond ASCII (whose group is read in the finer steps, then whole again).
        for piece in forbidden {
            for offset in 0..<160 {
                for prefix in [[UInt8](), Array("é".utf8), Array("x\t".utf8)] {
                    var bytes = prefix + (0..<200).map { $0 % 7 == 0 ? UInt8(0x0A) : UInt8(ascii: "x") }
                    bytes.replaceSubrange(prefix.count + offset..<prefix.count + offset + piece.count, with: piece)
                    #expect(bytes.withUnsafeBufferPointer { ControlCharacters.firstForbidden(in: $0) } == prefix.count + offset,
                            "\(piece) at \(offset) after \(prefix)")
                }
            }
        }
        // Every forbidden character at each of the 32 offsets of four words of printable text (two blocks of sixteen).
        for piece in forbidden {
            for offset in 0..<32 {
                var bytes = Array(repeating: UInt8(ascii: "x"), count: 40)
                bytes.replaceSubrange(offset..<offset + piece.count, with: piece)
                #expect(bytes.withUnsafeBufferPointer { ControlCharacters.firstForbidden(in: $0) } == offset, "\(piece) at \(offset)")
            }
        }
    }

    /// Printable ASCII is told from anything else at every place of texts up to three words long.
    @Test func printableASCIIIsToldFromAnyOtherByteAtAnyPlace() {
        for length in 0...24 {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(plain.withUnsafeBufferPointer { ControlCharacters.isPrintableASCII($0) })
            for place in 0..<length {
                for other: UInt8 in [0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xC3, 0xFF] {
                    var bytes = plain
                    bytes[place] = other
                    #expect(!bytes.withUnsafeBufferPointer { ControlCharacters.isPrintableASCII($0) }, "length \(length), place \(place), byte \(other)")
                }
            }
        }
    }
}
