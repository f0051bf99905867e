import Foundation
import Testing

/// Hostile front matter in a content tree: every file ends in an error that names it, and the run finishes.
@Suite struct HostileContentTests {
    @Test func everyHostileFileEndsInADiagnostic() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let hostile: [String: String] = [
            "deep-block": (0..<300).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n"),
            "deep-flow": "name: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000),
            "huge-scalar": "name: X\ncountry: GB\nsummary: " + String(repeating: "x", count: 2_000_000),
            "megabyte-line": "name: " + String(repeating: "a: b, ", count: 200_000),
            "open-double-quote": "name: \"" + String(repeating: "x", count: 100_000),
            "open-single-quote": "name: 'x\ncountry: GB",
            "open-flow": "name: X\ncountry: GB\npartners: [a, {b: [c",
            "tabs": "name: X\n\tcountry: GB",
            "control-characters": "name: X\u{0007}\ncountry: GB",
            "nul": "name: X\u{0000}\ncountry: GB",
            "huge-values": "name: X\ncountry: \(String(repeating: "Z", count: 500_000))\nkind: \(String(repeating: "k", count: 500_000))\n\(String(repeating: "q", count: 500_000)): 1",
        ]
        try directory.write("content/handbook.yml", "title: T\n")
        for (slug, front) in hostile {
            try directory.write("content/organisations/\(slug).md", "---\n\(front)\n---\n")
        }
        let run = runCLI(["check", "--content", directory.path + "/content"])
        #expect(run.status == 1)
        for slug in hostile.keys {
            #expect(run.out.contains("organisations/\(slug).md:") && run.out.contains(": error: "), "no diagnostic for \(slug)")
            let lines = run.out.split(separator: "\n").filter { $0.contains("/\(slug).md:") }
            #expect(lines.contains { $0.contains(": error: ") }, "no error for \(slug)")
            #expect(lines.allSatisfy { $0.count < 2_000 }, "a message for \(slug) echoes the hostile input")
        }
    }
}
