import Foundation
import HandbookLoad
import HandbookModel
import Testing

/// Builds a throwaway content tree.
struct Tree {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-load-\(UUID().uuidString)").path
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    var content: String { root + "/content" }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct ContentLoaderTests {
    @Test func loadsEveryTypeFolderAndSettings() throws {
        let tree = try Tree([
            "content/handbook.yml": "title: T\n",
            "content/organisations/a.md": "---\nname: A\n---\nBody\n",
            "content/events/e.md": "---\ntitle: E\n---\n",
            "content/.hidden/x.md": "ignored",
            "content/organisations/.DS_Store": "ignored",
        ])
        defer { tree.remove() }
        let loaded = try ContentLoader.load(contentPath: tree.content)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.fileCount == 3)
        #expect(Set(loaded.documents.map { "\($0.type.folder)/\($0.slug)" }) == ["organisations/a", "events/e"])
        let a = try #require(loaded.documents.first { $0.slug == "a" })
        #expect(String(decoding: a.body, as: UTF8.self) == "Body\n")
        #expect(a.bodyLine == 4)
        #expect(a.frontMatter?.pairs?.first?.keyPosition == TextPosition(line: 2, column: 1))
        #expect(loaded.settings?.pairs?.first?.key == "title")
    }

    @Test func toleratesBOMAndCRLF() throws {
        let tree = try Tree(["content/handbook.yml": "\u{FEFF}title: T\r\n", "content/pages/p.md": "\u{FEFF}---\r\ntitle: P\r\n---\r\n"])
        defer { tree.remove() }
        let loaded = try ContentLoader.load(contentPath: tree.content)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.documents.first?.frontMatter?.pairs?.first?.value.scalarText == "P")
    }

    @Test func reportsFilesOutsideTheKnownFolders() throws {
        let tree = try Tree([
            "content/handbook.yml": "title: T\n",
            "content/organizations/a.md": "---\n---\n",
            "content/notes.md": "x",
            "content/pages/image.png": "x",
        ])
        defer { tree.remove() }
        let loaded = try ContentLoader.load(contentPath: tree.content)
        let rules = loaded.diagnostics.map(\.rule)
        #expect(rules == ["unknown-path", "unknown-path", "unknown-path"])
        #expect(loaded.diagnostics.contains { $0.message.contains("did you mean 'organisations'?") })
    }

    @Test func rejectsSymbolicLinksThatLeaveTheTree() throws {
        let tree = try Tree(["content/handbook.yml": "title: T\n", "outside.md": "---\ntitle: secret\n---\n", "content/pages/inside.md": "---\ntitle: I\n---\n"])
        defer { tree.remove() }
        try FileManager.default.createSymbolicLink(atPath: tree.content + "/pages/escape.md", withDestinationPath: tree.root + "/outside.md")
        try FileManager.default.createSymbolicLink(atPath: tree.content + "/pages/alias.md", withDestinationPath: tree.content + "/pages/inside.md")
        let loaded = try ContentLoader.load(contentPath: tree.content)
        #expect(loaded.diagnostics.map(\.rule) == ["symlink"])
        #expect(loaded.diagnostics.first?.location.path.hasSuffix("pages/escape.md") == true)
        #expect(Set(loaded.documents.filter { $0.frontMatter != nil }.map(\.slug)) == ["inside", "alias"])
        // The refused link still names an entry, without anything read from outside, so references to it do not fail too.
        let escape = try #require(loaded.documents.first { $0.slug == "escape" })
        #expect(escape.frontMatter == nil && escape.body.isEmpty)
    }

    @Test func reportsInvalidUTF8WithItsPosition() throws {
        let tree = try Tree(["content/handbook.yml": "title: T\n"])
        defer { tree.remove() }
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x3A, 0x20, 0xE9, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A]).write(to: URL(fileURLWithPath: tree.content + "/pages/latin1.md").creatingParent())
        let loaded = try ContentLoader.load(contentPath: tree.content)
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(diagnostic.rule == "encoding")
        #expect(diagnostic.location.line == 2 && diagnostic.location.column == 4)
    }

    @Test func reportsMissingSettings() throws {
        let tree = try Tree(["content/pages/p.md": "---\ntitle: P\n---\n"])
        defer { tree.remove() }
        let loaded = try ContentLoader.load(contentPath: tree.content)
        #expect(loaded.diagnostics.map(\.rule) == ["missing-file"])
    }

    @Test func missingContentDirectoryThrows() {
        #expect(throws: LoadError.self) { try ContentLoader.load(contentPath: "/nonexistent/handbook/content") }
    }

    @Test func everyBrokenFileIsReportedInOneRun() throws {
        var files = ["content/handbook.yml": "title: T\n"]
        for index in 0..<50 { files["content/pages/broken-\(index).md"] = "---\ntitle: [\n---\n" }
        let tree = try Tree(files)
        defer { tree.remove() }
        let loaded = try ContentLoader.load(contentPath: tree.content)
        #expect(loaded.diagnostics.count == 50)
        #expect(loaded.diagnostics.allSatisfy { $0.rule == "yaml" })
    }
}

private extension URL {
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}

/// Files are read whole, whatever their size, straight into their bytes.
@Suite struct FileSystemReadTests {
    @Test(arguments: [0, 1, 4_095, 4_096, 65_537, 300_001])
    func readsEveryByte(_ size: Int) throws {
        let tree = try Tree([:])
        defer { tree.remove() }
        try FileManager.default.createDirectory(atPath: tree.root, withIntermediateDirectories: true)
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: tree.root + "/file"))
        #expect(try FileSystem.read(tree.root + "/file") == bytes)
    }

    @Test func listsEachEntryWithItsKind() throws {
        let tree = try Tree(["a/file.md": "x", "a/folder/inner.md": "y"])
        defer { tree.remove() }
        symlink("file.md", tree.root + "/a/link.md")
        let entries = try FileSystem.entries(tree.root + "/a")
        #expect(entries.map(\.name) == ["file.md", "folder", "link.md"])
        // The kinds the directory gives (or none, where the file system does not say) agree with lstat.
        for entry in entries { #expect(entry.kind == nil || entry.kind == FileSystem.kind(tree.root + "/a/" + entry.name)) }
    }
}
