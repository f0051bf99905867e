import Mustache
import Testing

/// `ByteBuffer`: what is appended is what is read back, across growth, and the decimal and escaping writers agree
/// with their array forms.
@Suite struct ByteBufferTests {
    /// Pieces of every size, appended past the first capacity many times over, read back in order.
    @Test func appendsAcrossGrowth() {
        var buffer = ByteBuffer(capacity: 16)
        var expected: [UInt8] = []
        for size in 0..<200 {
            let piece = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            buffer.append(piece)
            expected += piece
            buffer.append(UInt8(size & 0xFF))
            expected.append(UInt8(size & 0xFF))
        }
        buffer.append("é and ü" as String)
        buffer.append("<static>" as StaticString)
        expected += Array("é and ü<static>".utf8)
        #expect(buffer.count == expected.count)
        #expect(buffer.array() == expected)
        #expect(buffer.bytes(from: expected.count - 8) == Array("<static>".utf8))
    }

    /// Removing the last bytes keeps the first, and writing continues after them.
    @Test func removesTheLastBytes() {
        var buffer = ByteBuffer()
        buffer.append("keep, drop" as String)
        buffer.removeLast(from: 4)
        buffer.append("!" as StaticString)
        #expect(String(decoding: buffer.array(), as: UTF8.self) == "keep!")
    }

    /// Integers in decimal, from zero to the largest.
    @Test(arguments: [0, 7, 10, 99, 100, 12_345, Int.max])
    func writesDecimals(_ value: Int) {
        var buffer = ByteBuffer(capacity: 1)
        buffer.append(decimal: value)
        #expect(String(decoding: buffer.array(), as: UTF8.self) == String(value))
    }

    /// Decimals of every length written one after another, the buffer growing between them, keep what was before.
    @Test func writesDecimalsAfterOtherBytes() {
        var buffer = ByteBuffer(capacity: 1)
        var expected = ""
        for value in [5, 0, 42, 1_000, 999_999, 10, 123_456_789_012, Int.max, 3] {
            buffer.append(decimal: value)
            buffer.append(0x2C)
            expected += "\(value),"
        }
        #expect(String(decoding: buffer.array(), as: UTF8.self) == expected)
    }

    /// Bytes written into the room asked for are kept up to the count given back; the buffer grows for the room
    /// first, keeping what was before.
    @Test func writesIntoTheRoomAskedFor() {
        var buffer = ByteBuffer(capacity: 1)
        buffer.append("n=" as StaticString)
        buffer.write(upTo: 64) { start in
            var at = start
            for value in [0, 9, 10, 4_294_967_295] {
                at += ByteBuffer.write(decimal: value, at: at)
                at.pointee = 0x2C
                at += 1
            }
            return at - start - 1
        }
        buffer.write(upTo: 8) { _ in 0 }
        #expect(String(decoding: buffer.array(), as: UTF8.self) == "n=0,9,10,4294967295")
    }

    /// Escaping into a buffer gives what escaping into an array gives.
    @Test func escapesAsTheArrayFormDoes() {
        let text = "Tom & \"Jerry\" <b>'s</b> — plain"
        var array: [UInt8] = []
        HTML.escape(text, into: &array)
        var buffer = ByteBuffer()
        HTML.escape(text, into: &buffer)
        #expect(buffer.array() == array)
        #expect(String(decoding: array, as: UTF8.self) == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt; — plain")
    }

    /// A special character at any place of texts of every length up to three words is escaped, whichever word
    /// (or overlapping last word) it falls in; texts without one come back as they are.
    @Test func escapesASpecialCharacterAtAnyPlace() {
        for length in 1...24 {
            let plain = String(repeating: "a", count: length)
            #expect(HTML.escape(plain) == plain)
            var buffer = ByteBuffer()
            HTML.escape(plain, into: &buffer)
            #expect(String(decoding: buffer.array(), as: UTF8.self) == plain)
            for place in 0..<length {
                var characters = Array(plain)
                characters[place] = "<"
                var escaped = ByteBuffer()
                HTML.escape(String(characters), into: &escaped)
                let expected = String(repeating: "a", count: place) + "&lt;" + String(repeating: "a", count: length - place - 1)
                #expect(String(decoding: escaped.array(), as: UTF8.self) == expected, "length \(length), place \(place)")
            }
        }
    }

    /// Texts mixing special characters, plain ASCII and other scripts escape as a byte-by-byte reference does,
    /// however many specials share a word (the scan goes straight to the first of a word, then on from it).
    @Test func escapesAsAByteByByteReference() {
        func reference(_ text: String) -> String {
            var out = ""
            for character in text.unicodeScalars {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.unicodeScalars.append(character)
                }
            }
            return out
        }
        let pieces = ["a", "plain ", "&", "<", ">", "\"", "'", "=", "=\"", "é", "—", "日本", "\u{1F600}", "&&", "<'>", "%26"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var escaped = ByteBuffer()
            HTML.escape(text, into: &escaped)
            #expect(String(decoding: escaped.array(), as: UTF8.self) == reference(text), "\(text)")
        }
        // Each special character at every offset of plain texts up to three blocks of sixteen bytes long, so it falls
        // in every place of a block, of a word after the blocks, and of the last, overlapping word; and in texts
        // shorter than a word, tested as one word of their bytes.
        for special in ["&", "<", ">", "\"", "'"] {
            for length in [1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 17, 31, 32, 33, 47, 48] {
                for offset in 0..<length {
                    var characters = Array(repeating: "x", count: length)
                    characters[offset] = special
                    let text = characters.joined()
                    var escaped = ByteBuffer()
                    HTML.escape(text, into: &escaped)
                    #expect(String(decoding: escaped.array(), as: UTF8.self) == reference(text), "\(special) at \(offset) of \(length)")
                }
            }
        }
    }
}
