import HandbookLoad
import HandbookModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The changes a build has committed to make to an existing output: what to remove, which folders to make,
/// and which staged file goes where. It is written into the staging folder, and renaming it into place is
/// the build's commit point (see `OutputWriter`).
///
/// Applying it is idempotent, so a build killed half-way through is finished by the next one: every step
/// accepts finding its work already done (a file already gone, a folder already made, a staged file
/// already moved).
struct Journal: Hashable {
    /// One change, in the order applied.
    enum Step: Hashable {
        /// Remove a file (or link) the new site does not have.
        case remove(String)
        /// Remove a folder the new site does not have; its files are removed by earlier steps.
        case removeFolder(String)
        /// Make a folder the new site needs.
        case makeFolder(String)
        /// Rename the staged file at `source` (relative to the staging folder) over `path`; each such rename is
        /// atomic. This version stages each file at its own path; earlier ones numbered them (`source` "12").
        case place(source: String, path: String)
    }

    /// The steps: removals, then folders removed deepest first, then folders made shallowest first, then placements.
    var steps: [Step]

    private static let header = "handbook-journal 1"
    private static let trailer = "end"

    /// The file's bytes: fields separated by NUL, which no path can contain.
    func encoded() -> [UInt8] {
        var bytes = Array(Self.header.utf8) + [0]
        for step in steps {
            switch step {
            case .remove(let path): bytes += Array(("u" + path).utf8)
            case .removeFolder(let path): bytes += Array(("d" + path).utf8)
            case .makeFolder(let path): bytes += Array(("m" + path).utf8)
            case .place(let source, let path) where source == path: bytes += Array(("P" + path).utf8)
            case .place(let source, let path): bytes += Array("p\(source)\t\(path)".utf8)
            }
            bytes.append(0)
        }
        return bytes + Array(Self.trailer.utf8) + [0]
    }

    /// Reads a journal; nil unless it is complete (header, steps, trailer).
    init?(decoding bytes: [UInt8]) {
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count >= 3, fields[0] == Self.header, fields[fields.count - 2] == Self.trailer, fields.last == "" else { return nil }
        var steps: [Step] = []
        for field in fields[1..<(fields.count - 2)] {
            guard let tag = field.first else { return nil }
            let rest = String(field.dropFirst())
            switch tag {
            case "u": steps.append(.remove(rest))
            case "d": steps.append(.removeFolder(rest))
            case "m": steps.append(.makeFolder(rest))
            case "P":
                steps.append(.place(source: rest, path: rest))
            case "p":
                // An earlier version's numbered file: the number, a tab, the path (which may hold tabs).
                guard let tab = rest.firstIndex(of: "\t"), Int(rest[..<tab]) != nil else { return nil }
                steps.append(.place(source: String(rest[..<tab]), path: String(rest[rest.index(after: tab)...])))
            default: return nil
            }
        }
        self.steps = steps
    }

    /// Creates a journal.
    init(steps: [Step]) {
        self.steps = steps
    }

    /// Makes every change in `output`, taking staged files from `staging`. Independent steps of one kind run in
    /// parallel; the kinds run in order. Throws the first failure; the journal stays, so the next build retries.
    func apply(output: String, staging: String) throws(BuildError) {
        var removals: [String] = []
        var placements: [(String, String)] = []
        for step in steps {
            switch step {
            case .remove(let path): removals.append(path)
            case .removeFolder, .makeFolder: break
            case .place(let source, let path): placements.append((source, path))
            }
        }
        let failed = Parallel.map(removals) { path -> BuildError? in
            let full = output + "/" + path
            // Gone already; on a second run a folder holding it may also have become a file (ENOTDIR).
            let code = FileWriter.removeMakingRoom(full)
            if code == 0 || code == ENOENT || code == ENOTDIR { return nil }
            // On a second run a file removed here may already have become a folder of the new site.
            if FileSystem.kind(full) == .directory { return nil }
            return BuildError(reason: .system(path: full, code: code), path: full)
        }
        if let failure = failed.lazy.compactMap({ $0 }).first { throw failure }
        for step in steps {
            switch step {
            case .removeFolder(let path):
                let full = output + "/" + path
                // Gone, already a file of the new site (second run), or holding something the build did not
                // make: in each case the folder is left as it is.
                if rmdir(full) != 0 && ![ENOENT, ENOTDIR, ENOTEMPTY, EEXIST].contains(errno) && !FileWriter.removeTree(full) {
                    throw BuildError(reason: .system(path: full, code: errno), path: full)
                }
            case .makeFolder(let path):
                let full = output + "/" + path
                if mkdir(full, 0o755) != 0 && errno != EEXIST { throw BuildError(reason: .system(path: full, code: errno), path: full) }
            case .remove, .place:
                break
            }
        }
        OutputTestHook.reached(.applying)
        let misplaced = Parallel.map(placements) { staged, path -> BuildError? in
            let source = staging + "/" + staged
            let target = output + "/" + path
            if rename(source, target) == 0 { return nil }
            let code = errno
            // Already moved by an earlier, interrupted run of this journal.
            if code == ENOENT && FileSystem.kind(source) == .missing && FileSystem.kind(target) != .missing { return nil }
            return BuildError(reason: .system(path: target, code: code), path: target)
        }
        if let failure = misplaced.lazy.compactMap({ $0 }).first { throw failure }
    }
}
