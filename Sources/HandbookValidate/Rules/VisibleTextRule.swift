import HandbookModel

/// Text values hold something a reader can see, and no character carries more combining marks than text does.
enum VisibleTextRule: Rule {
    static let id: RuleID = "visible-text"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "a text value shows something: not only spaces, invisible characters or combining marks; and no more than 30 combining marks follow one another"

    /// The most combining marks that may follow one another: Unicode's stream-safe text format (UAX #15) allows 30,
    /// more than any language writes on one letter.
    static let maximumMarks = 30

    /// Checks one text value (already trimmed of ASCII blanks). A character with thousands of marks
    /// stacked on it counts as one towards a length limit and spills over the lines around it on every page.
    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) {
        // Most values are ASCII, and hold no mark: trimmed of blanks, one shows unless it is empty (a list's item) or
        // made of control characters (`control-character` says what those are).
        if !text.utf8.contains(where: { $0 >= 0x80 }) {
            if text.isEmpty { nothing(name, at: position, &reporter) }
            return
        }
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
        if !visible {
            nothing(name, at: position, &reporter)
        } else if mostMarks > maximumMarks {
            reporter.error(id, position, "'\(name)' stacks \(mostMarks) combining marks on one character; at most \(maximumMarks) may follow one another (Unicode's stream-safe text), so remove the extra ones")
        }
    }

    private static func nothing(_ name: String, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(name)' shows nothing: it holds only spaces, invisible characters or combining marks; write the words readers should see")
    }

    /// Whether `scalar` shows on a page by itself: not a space, not invisible (a default-ignorable character such as
    /// U+200B ZERO WIDTH SPACE or U+3164 HANGUL FILLER), not a mark that only sits on another character, and not
    /// U+2800 BRAILLE PATTERN BLANK, a blank that is neither.
    static func shows(_ scalar: Unicode.Scalar, _ properties: Unicode.Scalar.Properties) -> Bool {
        if properties.isWhitespace || properties.isDefaultIgnorableCodePoint || scalar.value == 0x2800 { return false }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format, .unassigned, .surrogate, .privateUse, .spaceSeparator,
             .lineSeparator, .paragraphSeparator:
            // A private-use character shows only with a font the site does not ship.
            return false
        default:
            return true
        }
    }
}
