import HandbookModel

/// Text values hold something a reader can see, and no character carries more combining marks than text does.
enum VisibleTextRule: Rule {
    static let id: RuleID = "visible-text"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "a text value shows something: not only spaces, invisible characters or combining marks; and no more than 30 combining marks follow one another"

    /// Checks one text value (already trimmed of ASCII blanks). A value that shows nothing is published as an empty
    /// heading or link; a character with thousands of marks stacked on it counts as one towards a length limit and
    /// spills over the lines around it on every page.
    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) {
        switch VisibleText.problem(in: text) {
        case nil:
            return
        case .showsNothing:
            reporter.error(id, position, "'\(name)' shows nothing: it holds only spaces, invisible characters or combining marks; write the words readers should see")
        case .stackedMarks(let marks):
            reporter.error(id, position, "'\(name)' stacks \(marks) combining marks on one character; at most \(VisibleText.maximumMarks) may follow one another (Unicode's stream-safe text), so remove the extra ones")
        }
    }
}
