import Dispatch
import Foundation
import HandbookModel

/// When each content file last changed: from one `git log` call for the whole tree, falling back to
/// file modification times outside a git checkout (or for files git does not know yet).
public enum ChangeHistory {
    /// Seconds since 1970 of the last change of each path in `paths` (paths as the loader shows them, under `contentPath`).
    public static func lastChanged(contentPath: String, paths: [String]) -> [String: Int64] {
        history(contentPath: contentPath, paths: paths).mapValues(\.changed)
    }

    /// When a file was added and last changed: both from git (its first and last commits), or for a file
    /// git does not know, its modification time and no date of adding.
    public struct Dates: Hashable, Sendable {
        /// Its first commit, or nil outside git.
        public var added: Int64?
        /// Its last commit, else its modification time.
        public var changed: Int64

        /// Creates dates.
        public init(added: Int64?, changed: Int64) {
            self.added = added
            self.changed = changed
        }
    }

    /// The dates of each path in `paths` (paths as the loader shows them, under `contentPath`).
    public static func history(contentPath: String, paths: [String]) -> [String: Dates] {
        dates(fromGit: gitDates(contentPath: contentPath), contentPath: contentPath, paths: paths)
    }

    /// `git log` for a content tree, run on a thread of its own from the moment it is made, so that it overlaps
    /// reading and checking the files; `history(paths:)` waits for it.
    public final class Pending: @unchecked Sendable {
        private let contentPath: String
        // On a thread of its own: waiting on git must not hold one of the workers that read the files.
        private let fromGit: Background<[String: (first: Int64, last: Int64)]>

        /// Starts `git log` for `contentPath`.
        public init(contentPath: String) {
            self.contentPath = contentPath
            fromGit = Background { ChangeHistory.gitDates(contentPath: contentPath) }
        }

        /// The dates of each path, once `git log` has finished; `modified` holds the modification times the loader
        /// saw (`RawDocument.modified`), so only a path without one is asked of the file system.
        public func history(paths: [String], modified: [String: Int64] = [:]) -> [String: Dates] {
            ChangeHistory.dates(fromGit: fromGit.value, contentPath: contentPath, paths: paths, modified: modified)
        }
    }

    /// Each path's dates: from git when it knows the file, else the file's modification time.
    static func dates(fromGit: [String: (first: Int64, last: Int64)], contentPath: String, paths: [String],
                      modified: [String: Int64] = [:]) -> [String: Dates] {
        let prefix = contentPath.hasSuffix("/") ? contentPath : contentPath + "/"
        // A commit's date is whatever its author's clock (or `git commit --date`) said, and a file time
        // whatever `touch` set: both are brought into years 0001–9999, which every output can write.
        let found = Parallel.map(paths) { path -> Dates? in
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            if let known = fromGit[relative] {
                return Dates(added: YearRange.clamp(known.first), changed: YearRange.clamp(known.last))
            }
            return (modified[path] ?? modificationTime(path)).map { Dates(added: nil, changed: YearRange.clamp($0)) }
        }
        var dates: [String: Dates] = [:]
        dates.reserveCapacity(paths.count)
        for (path, date) in zip(paths, found) where date != nil { dates[path] = date }
        return dates
    }

    /// First and last commit times of every file under the content directory, keyed by path relative to it.
    static func gitDates(contentPath: String) -> [String: (first: Int64, last: Int64)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", contentPath, "log", "--relative", "--no-renames", "--format=%x00%ct", "--name-only", "--", "."]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return [:]
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        var dates: [String: (first: Int64, last: Int64)] = [:]
        var current: Int64 = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("\u{0}") {
                current = Int64(line.dropFirst()) ?? 0
            } else if let known = dates[String(line)] {
                // Newest commits come first: each older one moves the file's first commit back.
                dates[String(line)] = (current, known.last)
            } else {
                dates[String(line)] = (current, current)
            }
        }
        return dates
    }

    /// The file's modification time, from `stat` (Foundation's attribute dictionary costs far more per file).
    static func modificationTime(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return Int64(info.st_mtimespec.tv_sec)
        #else
        return Int64(info.st_mtim.tv_sec)
        #endif
    }
}
