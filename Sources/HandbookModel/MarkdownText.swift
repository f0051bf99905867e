/// The parts of a Markdown body a reader sees as text, found on its bytes without parsing it: what the search
/// index reads of a body, so that a link's address (`https`, `org`, a domain's words) or a tag that raw HTML being
/// off leaves out of the page does not make an entry a match, and what `bidi-control` reads of a body.
///
/// Left out: inline links' and images' addresses and titles (`[text](address "title")`: the text stays), link
/// reference definitions (`[label]: address`), inline HTML tags, comments, processing instructions and
/// declarations, HTML blocks (CommonMark's seven kinds, from their start line to their end condition), and a fenced
/// code block's info string. Kept: everything else, with autolinks (their address is their text on the page), code
/// spans, fenced and indented code read as they are shown, and images' descriptions, each a run of its own marked
/// as one (`Run.imageDescription`).
///
/// It follows CommonMark 0.30 where these constructs begin and end (a tag's attributes, a comment's text, a link
/// destination's nested parentheses up to 32, the block starts that end a paragraph), not all of it: a reference
/// link's label (`[text][label]`) is read, an entity (`&amp;`) is read as its name, and inside a list item or a
/// block quote only the first line's block starts are seen. Every search for a closing mark that fails remembers
/// where it failed, so no input makes the scan quadratic. `MarkdownTextTests` compares what it keeps with the text of
/// libcmark's HTML for every body of the shipped content and of the real data.
public enum MarkdownText {
    /// What a run is.
    public enum Run: Sendable {
        /// Text of the page.
        case text
        /// An image's description (`![description](address)`): its alternative text where the image is shown,
        /// text of the page where it is not (an address the page does not load, or no image at all).
        case imageDescription
    }

    /// Receives a run and what it is.
    public typealias Visit = (UnsafeBufferPointer<UInt8>, Run) -> Void

    /// Gives `visit` each run of `body` that a reader sees, in order; runs do not overlap and are never empty.
    public static func forEachRun(in body: UnsafeBufferPointer<UInt8>, _ visit: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachRun(withKindsIn: body) { run, _ in visit(run) }
    }

    /// The same, saying of each run whether it is text of the page or an image's description.
    public static func forEachRun(withKindsIn body: UnsafeBufferPointer<UInt8>, _ visit: Visit) {
        guard !body.isEmpty else { return }
        var scanner = MarkdownScanner(body)
        scanner.scan(visit)
    }
}
