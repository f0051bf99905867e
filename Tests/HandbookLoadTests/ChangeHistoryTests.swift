import Foundation
import HandbookLoad
import Testing

/// Last-changed dates come from one `git log` for the tree, and from file times outside git.
@Suite struct ChangeHistoryTests {
    func git(_ arguments: [String], in directory: String, date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Test"
        environment["GIT_AUTHOR_EMAIL"] = "test@example.org"
        environment["GIT_COMMITTER_NAME"] = "Test"
        environment["GIT_COMMITTER_EMAIL"] = "test@example.org"
        if let date {
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// a.md and b.md committed on 2024-01-02, then b.md changed on 2025-06-07.
    func twoCommits() throws -> Tree {
        let tree = try Tree(["content/organisations/a.md": "---\nname: A\n---\n", "content/organisations/b.md": "---\nname: B\n---\n"])
        try git(["init", "-q"], in: tree.root)
        try git(["add", "."], in: tree.root)
        try git(["commit", "-q", "-m", "first"], in: tree.root, date: "2024-01-02T03:04:05Z")
        try Data("---\nname: B2\n---\n".utf8).write(to: URL(fileURLWithPath: tree.content + "/organisations/b.md"))
        try git(["commit", "-q", "-am", "second"], in: tree.root, date: "2025-06-07T08:09:10Z")
        return tree
    }

    @Test func datesComeFromTheLastCommitOfEachFile() throws {
        let tree = try twoCommits()
        defer { tree.remove() }
        let paths = [tree.content + "/organisations/a.md", tree.content + "/organisations/b.md"]
        let dates = ChangeHistory.lastChanged(contentPath: tree.content, paths: paths)
        #expect(dates[paths[0]] == 1_704_164_645)
        #expect(dates[paths[1]] == 1_749_283_750)
    }

    @Test func historyKnowsWhenEachFileWasAddedAndLastChanged() throws {
        let tree = try twoCommits()
        defer { tree.remove() }
        try Data("---\nname: B3\n---\n".utf8).write(to: URL(fileURLWithPath: tree.content + "/organisations/b.md"))
        try git(["commit", "-q", "-am", "third"], in: tree.root, date: "2026-01-01T00:00:00Z")
        let paths = [tree.content + "/organisations/a.md", tree.content + "/organisations/b.md"]
        let history = ChangeHistory.history(contentPath: tree.content, paths: paths)
        #expect(history[paths[0]] == ChangeHistory.Dates(added: 1_704_164_645, changed: 1_704_164_645))
        #expect(history[paths[1]] == ChangeHistory.Dates(added: 1_704_164_645, changed: 1_767_225_600))
    }

    @Test func filesOutsideGitUseTheirModificationTime() throws {
        let tree = try Tree(["content/pages/p.md": "---\ntitle: P\n---\n"])
        defer { tree.remove() }
        let path = tree.content + "/pages/p.md"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: path)
        #expect(ChangeHistory.lastChanged(contentPath: tree.content, paths: [path])[path] == 1_600_000_000)
    }

    /// The loader keeps each file's modification time (read or stamped), before 1970 too, and the history takes
    /// it instead of asking the file system again: a path given a time is not looked at at all.
    @Test func theLoadersTimesAreTheEntriesDates() throws {
        let tree = try Tree(["content/pages/p.md": "---\ntitle: P\n---\n", "content/pages/q.md": "---\ntitle: Q\n---\n"])
        defer { tree.remove() }
        let p = tree.content + "/pages/p.md", q = tree.content + "/pages/q.md"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: p)
        // Half a second before a day before 1970: `stat` gives -86,401 seconds and half a second.
        let times = [timespec(tv_sec: 0, tv_nsec: 0), timespec(tv_sec: -86_401, tv_nsec: 500_000_000)]
        #expect(utimensat(AT_FDCWD, q, times, 0) == 0)
        let read = try ContentLoader.load(contentPath: tree.content).documents
        #expect(read.map(\.modified) == [1_600_000_000, -86_401])
        // Stamped, not read: the time comes from the stamp, as `stat` gives it.
        let cache = LoadCache()
        _ = try ContentLoader.load(contentPath: tree.content, cache: cache)
        let stamped = try ContentLoader.load(contentPath: tree.content, cache: cache).documents
        #expect(cache.parsed.isEmpty)
        #expect(stamped.map(\.modified) == [1_600_000_000, -86_401])
        let missing = tree.content + "/pages/gone.md"
        let dates = ChangeHistory.Pending(contentPath: tree.content).history(paths: [p, missing], modified: [p: 42, missing: 7])
        #expect(dates[p] == ChangeHistory.Dates(added: nil, changed: 42))
        #expect(dates[missing] == ChangeHistory.Dates(added: nil, changed: 7))
        #expect(ChangeHistory.Pending(contentPath: tree.content).history(paths: [q])[q] == ChangeHistory.Dates(added: nil, changed: -86_401))
    }
}
