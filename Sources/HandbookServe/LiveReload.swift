import Foundation

/// Live reload: every page served carries a small script (an external file, so a Content-Security-Policy
/// of `script-src 'self'` still holds) that listens to a Server-Sent Events stream; each rebuild publishes
/// a new version, and a page whose version differs reloads itself.
public final class LiveReload: @unchecked Sendable {
    /// The script's path.
    static let scriptPath = "_handbook/reload.js"
    /// The event stream's path.
    static let eventsPath = "_handbook/events"

    private let condition = NSCondition()
    private var version = 0
    private var closed = false
    private var listening = 0
    /// Seconds between comments sent on a quiet stream, so a client that left is noticed.
    private let heartbeat: Double

    /// A channel at version 0.
    public init(heartbeat: Double = 15) {
        self.heartbeat = heartbeat
    }

    /// How many pages are listening now.
    public var listeners: Int {
        condition.lock()
        defer { condition.unlock() }
        return listening
    }

    /// Tells every listening page that the site is now at `version`.
    public func publish(_ version: Int) {
        condition.lock()
        self.version = version
        condition.broadcast()
        condition.unlock()
    }

    /// Ends every stream (the server is stopping).
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The event stream: `version` at once (a page made before the last rebuild reloads straight away),
    /// then `reload` at each new version, and a comment every `heartbeat` seconds.
    func response() -> HTTPResponse {
        var response = HTTPResponse(status: 200, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")])
        response.stream = { [self] send in stream(send) }
        return response
    }

    private func stream(_ send: ([UInt8]) -> Bool) {
        condition.lock()
        var seen = version
        listening += 1
        condition.unlock()
        defer {
            condition.lock()
            listening -= 1
            condition.unlock()
        }
        // A short retry: after a restart of the server the page reconnects quickly and, its version being
        // older, reloads.
        guard send(Array("retry: 500\nevent: version\ndata: \(seen)\n\n".utf8)) else { return }
        while true {
            condition.lock()
            let deadline = Date(timeIntervalSinceNow: heartbeat)
            while version == seen && !closed {
                if !condition.wait(until: deadline) { break }
            }
            let now = version
            let isClosed = closed
            condition.unlock()
            if isClosed { return }
            let message = now != seen ? "event: reload\ndata: \(now)\n\n" : ": still here\n\n"
            seen = now
            guard send(Array(message.utf8)) else { return }
        }
    }

    /// The script: compares the version the page was made at with the stream's, and reloads on a difference.
    static let script = Array("""
        // handbook serve: reloads this page when the site is rebuilt (not part of the built site).
        (function () {
          "use strict";
          var script = document.currentScript;
          var version = script ? script.getAttribute("data-version") : null;
          if (!window.EventSource || version === null) { return; }
          var events = new EventSource("/\(eventsPath)");
          function check(event) {
            if (event.data !== version) {
              events.close();
              window.location.reload();
            }
          }
          events.addEventListener("version", check);
          events.addEventListener("reload", check);
        })();

        """.utf8)

    /// The tag that loads the script into a page made at `version`.
    static func tag(version: Int) -> [UInt8] {
        Array("<script src=\"/\(scriptPath)\" data-version=\"\(version)\" defer></script>\n".utf8)
    }

    /// `page` with `insertion` before its last `</body>` (any case), or at its end when it has none.
    static func inject(_ insertion: [UInt8], into page: [UInt8]) -> [UInt8] {
        let closing = Array("</body".utf8)
        var index = page.count - closing.count
        while index >= 0 {
            if page[index] == UInt8(ascii: "<"), zip(page[index..<(index + closing.count)], closing).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                break
            }
            index -= 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(page.count + insertion.count)
        if index < 0 {
            out += page
            out += insertion
        } else {
            out += page[..<index]
            out += insertion
            out += page[index...]
        }
        return out
    }
}
