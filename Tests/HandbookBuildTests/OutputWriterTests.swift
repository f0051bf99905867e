import Foundation
@testable import HandbookBuild
import HandbookRender
import HandbookTestSupport
import Testing

/// `OutputWriter`: where it refuses to write, and how a first build and a full replacement come out.
@Suite struct OutputWriterTests {
    /// A content and a theme folder, each with a file, in a fresh directory.
    struct Workspace {
        let directory: TemporaryDirectory
        var root: String { directory.path }
        var content: String { root + "/content" }
        var theme: String { root + "/theme" }

        init() throws {
            directory = try TemporaryDirectory()
            try directory.write("content/handbook.yml", "title: T\n")
            try directory.write("theme/templates/page.mustache", "{{body}}")
        }

        /// Why `checkOutput` refuses `output`, or nil when it accepts it. A refusal must name the output it refuses.
        func refusal(_ output: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> BuildError.Reason? {
            do {
                try OutputWriter.checkOutput(output, content: content, theme: theme)
                return nil
            } catch {
                #expect(error.path == output, sourceLocation: sourceLocation)
                return error.reason
            }
        }
    }

    /// Every file under a directory, hidden ones included, by relative path.
    static func files(_ root: String) -> [String: String] {
        var files: [String: String] = [:]
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue { files[relative] = (try? String(contentsOfFile: base + "/" + relative, encoding: .utf8)) ?? "" }
        }
        return files
    }

    static func names(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static let site = [OutputFile(path: "index.html", text: "home"), OutputFile(path: "organisations/a/index.html", text: "a")]

    // MARK: Where it refuses to write

    @Test func acceptsANewOrAnEmptyDirectory() throws {
        let workspace = try Workspace()
        defer { workspace.directory.cleanUp() }
        #expect(workspace.refusal(workspace.root + "/site") == nil)
        try FileManager.default.createDirectory(atPath: workspace.root + "/empty", withIntermediateDirectories: false)
        #expect(workspace.refusal(workspace.root + "/empty") == nil)
    }

    /// Its marker file is what makes a directory replaceable: the previous build's output, whatever else it holds.
    @Test func acceptsAnOutputItMade() throws {
        let workspace = try Workspace()
        defer { workspace.directory.cleanUp() }
        try workspace.directory.write("site/.handbook-output", "")
        try workspace.directory.write("site/index.html", "old")
        #expect(workspace.refusal(workspace.root + "/site") == nil)
    }

    @Test func refusesANonEmptyDirectoryItDidNotMake() throws {
        let workspace = try Workspace()
        defer { workspace.directory.cleanUp() }
        try workspace.directory.write("mine/notes.txt", "precious")
        let output = workspace.root + "/mine"
        #expect(workspace.refusal(output) == .outputNotOurs)
    }

    @Test func refusesAFile() throws {
        let workspace = try Workspace()
        defer { workspace.directory.cleanUp() }
        try workspace.directory.write("file", "x")
        let output = workspace.root + "/file"
        #expect(workspace.refusal(output) == .outputIsFile)
    }

    @Test func refusesTheContentOrTheThemeItself() throws {
        let workspace = try Workspace()
        defer { workspace.directory.cleanUp() }
        #expect(workspace.refusal(workspace.content) == .outputIsSource("content"))
        #expect(workspace.refusal(workspace.theme) == .outputIsSource("theme"))
    }

    /// Replacing a folder that holds the content, or one inside the content or theme, would delete or pollute sources.
    @Test func refusesAnOutputAroundOrInsideASource() throws {
        let workspace = try Workspace()
        defer { workspace.directory.cleanUp() }
        let around = workspace.root
        #expect(workspace.refusal(around) == .outputOverlapsSource("content"))
        let insideContent = workspace.content + "/site"
        #expect(workspace.refusal(insideContent) == .outputOverlapsSource("content"))
        let insideTheme = workspace.theme + "/templates/site"
        #expect(workspace.refusal(insideTheme) == .outputOverlapsSource("theme"))
    }

    /// A failed system call the user can do something about says what; others give the system's words alone.
    @Test(arguments: [(EROFS, "pass an --output on one that can be written"), (EACCES, "give it read and write access"),
                      (ENOSPC, "free some space"), (ENAMETOOLONG, "too long for this file system"), (EIO, nil)] as [(Int32, String?)])
    func systemErrorsSayWhatToDo(_ code: Int32, _ fix: String?) {
        let message = BuildError(reason: .system(path: "/srv/site/a", code: code), path: "/srv/site").description
        #expect(message.hasPrefix("/srv/site/a: " + String(cString: strerror(code))))
        if let fix { #expect(message.contains(fix), "\(message)") } else { #expect(!message.contains(";"), "\(message)") }
    }

    /// A link that leads nowhere is named for what it is, not as a file; a link to a folder is that folder.
    @Test func refusesALinkToNothingForWhatItIs() throws {
        let workspace = try Workspace()
        defer { workspace.directory.cleanUp() }
        let broken = workspace.root + "/broken"
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: workspace.root + "/nowhere")
        #expect(workspace.refusal(broken) == .outputIsLink)
        #expect(BuildError(reason: .outputIsLink, path: broken).description.contains("is a symbolic link to something that does not exist"))
        try FileManager.default.createDirectory(atPath: workspace.root + "/elsewhere", withIntermediateDirectories: false)
        let toFolder = workspace.root + "/to-folder"
        try FileManager.default.createSymbolicLink(atPath: toFolder, withDestinationPath: workspace.root + "/elsewhere")
        #expect(workspace.refusal(toFolder) == nil)
    }

    @Test func seesThroughASymbolicLinkToTheContent() throws {
        let workspace = try Workspace()
        defer { workspace.directory.cleanUp() }
        let link = workspace.root + "/link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: workspace.content)
        #expect(workspace.refusal(link) == .outputIsSource("content"))
    }

    // MARK: How it writes

    @Test func writesEveryFileAndItsMarker() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try OutputWriter.write(Self.site, to: directory.path + "/site")
        let written = Self.files(directory.path + "/site")
        #expect(written["index.html"] == "home")
        #expect(written["organisations/a/index.html"] == "a")
        // The marker's name is what earlier builds left behind: renaming it would make every existing output "not ours".
        #expect(OutputWriter.marker == ".handbook-output")
        #expect(Set(written.keys) == ["index.html", "organisations/a/index.html", ".handbook-output"])
    }

    @Test func replacesThePreviousOutputEntirely() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let output = directory.path + "/site"
        try OutputWriter.write(Self.site, to: output)
        try OutputWriter.write([OutputFile(path: "index.html", text: "new home")], to: output)
        let written = Self.files(output)
        #expect(Set(written.keys) == ["index.html", ".handbook-output"])
        #expect(written["index.html"] == "new home")
    }

    /// A file and a folder of the same name cannot both be written, so this build is refused before anything is
    /// written. (One-character names: the writer no longer uses `NSString` path methods, which trap on them.)
    static let unwritable = [OutputFile(path: "a", text: "file"), OutputFile(path: "a/index.html", text: "page")]

    @Test func aFailedWriteKeepsThePreviousOutputAndLeavesNoStaging() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let output = directory.path + "/site"
        try OutputWriter.write(Self.site, to: output)
        let before = Self.files(output)
        #expect(throws: BuildError.self) { try OutputWriter.write(Self.unwritable, to: output) }
        #expect(Self.files(output) == before)
        #expect(Self.names(directory.path) == ["site"])
    }

    @Test func aSiteThatCannotBePlacedIsRefusedWithTheClashingPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let clash = #expect(throws: BuildError.self) { try OutputWriter.write(Self.unwritable, to: directory.path + "/site") }
        #expect(clash?.reason == .conflictingPaths("a"))
        let twice = [OutputFile(path: "x.html", text: "1"), OutputFile(path: "x.html", text: "2")]
        let duplicate = #expect(throws: BuildError.self) { try OutputWriter.write(twice, to: directory.path + "/site") }
        #expect(duplicate?.reason == .conflictingPaths("x.html"))
        #expect(Self.names(directory.path) == [])
    }

    /// A path from a theme asset or a slug must stay inside the output, and must not replace the marker.
    @Test(arguments: ["../escape.html", "/etc/escape", "a//b.html", "a/./b.html", "a/../b.html", "a/..", "", "folder/", ".handbook-output",
                      ".", "..", "./a.html", "a/.", "//", "a/b/"])
    func aPathOutsideTheOutputIsRefused(_ path: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let refusal = #expect(throws: BuildError.self) {
            try OutputWriter.write(Self.site + [OutputFile(path: path, text: "x")], to: directory.path + "/site")
        }
        #expect(refusal?.reason == .unsafePath(path))
        #expect(Self.names(directory.path) == [])
    }

    /// Names made of dots and more stay inside the output, and are written.
    @Test(arguments: ["...", ".well-known/security.txt", "a/.hidden", "a/b..c.html", "..x/y.html", "a/.../b.html", "日本/é.html"])
    func dottedNamesInsideTheOutputAreWritten(_ path: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try OutputWriter.write(Self.site + [OutputFile(path: path, text: "x")], to: directory.path + "/site")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/site/" + path))
    }

    @Test func aFailedFirstWriteLeavesNoOutput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        #expect(throws: BuildError.self) { try OutputWriter.write(Self.unwritable, to: directory.path + "/site") }
        #expect(Self.names(directory.path) == [])
    }

    @Test func aTrailingSlashNamesTheSameDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try OutputWriter.write(Self.site, to: directory.path + "/site")
        try OutputWriter.write([OutputFile(path: "index.html", text: "again")], to: directory.path + "/site/")
        #expect(Self.names(directory.path) == [".site.standby", "site"])
        #expect(Self.files(directory.path + "/site")["index.html"] == "again")
    }
}
