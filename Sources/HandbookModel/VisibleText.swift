/// Whether a text shows something a reader can see, and whether it stacks more combining marks on one character than
/// any language writes: what rule `visible-text` refuses in a value of the front matter.
public enum VisibleText {
    /// What is wrong with a text.
    public enum Problem: Equatable, Sendable {
        /// Only spaces, invisible characters (U+200B, U+3164, …) or marks: nothing shows.
        case showsNothing
        /// This many combining marks follow one another, more than `maximumMarks`.
        case stackedMarks(Int)
    }

    /// The most combining marks that may follow one another: Unicode's stream-safe text format (UAX #15) allows 30,
    /// more than any language writes on one letter.
    public static let maximumMarks = 30

    /// What is wrong with `text` (trimmed of ASCII blanks), or nil. Most texts are ASCII, decided from their bytes
    /// eight at a time: trimmed, such a text shows unless it is empty or made of control characters (which rule
    /// `control-character` names), and holds no mark.
    public static func problem(in text: String) -> Problem? {
        var text = text
        if text.withUTF8(isASCII) { return text.isEmpty ? .showsNothing : nil }
        var visible = false
        var marks = 0
        var mostMarks = 0
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.canonicalCombiningClass.rawValue != 0 {
                marks += 1
                mostMarks = max(mostMarks, marks)
            } else {
                marks = 0
            }
            if !visible && shows(scalar, properties) { visible = true }
        }
        if !visible { return .showsNothing }
        return mostMarks > maximumMarks ? .stackedMarks(mostMarks) : nil
    }

    /// Whether `scalar` shows on a page by itself: not a space, not invisible (a default-ignorable character such as
    /// U+200B ZERO WIDTH SPACE or U+3164 HANGUL FILLER), not a mark that only sits on another character, not a
    /// private-use character (it shows only with a font the site does not ship), and not U+2800 BRAILLE PATTERN
    /// BLANK, a blank that is neither.
    static func shows(_ scalar: Unicode.Scalar, _ properties: Unicode.Scalar.Properties) -> Bool {
        if properties.isWhitespace || properties.isDefaultIgnorableCodePoint || scalar.value == 0x2800 { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format, .unassigned, .surrogate, .privateUse, .spaceSeparator,
             .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// True when every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & WordBytes.highs != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
