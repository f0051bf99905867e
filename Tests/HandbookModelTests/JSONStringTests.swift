import Foundation
import Testing
@testable import HandbookModel

/// `JSONString.append` writes what `literal` writes, whatever runs of plain text surround the characters it
/// must escape, and what it writes reads back as the text.
struct JSONStringTests {
    /// Pieces of text: plain ASCII, and every kind of character that is escaped or passed through.
    static let pieces = ["a", "plain text ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}",
                         "\u{2028}", "\u{2029}", "\u{2027}", "é", "—", "😀", "<p>", "/"]

    @Test func bytesMatchTheLiteralAtEveryOffset() {
        // Each escaped piece at each offset of twenty words of plain text, so it falls in every place of a word and of a
        // block of sixteen bytes, and after blocks passed whole.
        for piece in Self.pieces {
            for offset in 0..<160 {
                let text = String(repeating: "x", count: offset) + piece + String(repeating: "y", count: 36)
                var bytes: [UInt8] = []
                JSONString.append(text, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == JSONString.literal(text), "\(piece.unicodeScalars.map(\.value)) at \(offset)")
            }
        }
    }

    @Test func randomTextReadsBack() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            var bytes: [UInt8] = []
            JSONString.append(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == JSONString.literal(text))
            let decoded = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
            #expect(decoded == text)
        }
    }

    /// Literals are added after what the buffer holds, plain and escaped alike, as many as are appended.
    @Test func literalsFollowWhatIsThere() {
        var bytes = Array("[".utf8)
        for text in ["plain", "line\nbreak \"quoted\"", "", "\u{2028}"] {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(text, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        #expect(String(decoding: bytes, as: UTF8.self) == #"["plain","line\nbreak \"quoted\"","","\u2028"]"#)
    }
}
