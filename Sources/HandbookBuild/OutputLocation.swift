import HandbookLoad
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output directory split into its parent folder and name, and the names the writer keeps beside it.
///
/// Paths are split on "/" here rather than with `NSString`'s path methods, which trap on a one-character
/// path (`--output o`) in swift-corelibs-foundation on Linux.
struct OutputLocation: Sendable, Hashable {
    /// The output directory's path, without a trailing slash.
    let output: String
    /// The folder that holds it: staging, journal and lock live here, on the same file system, so renames are atomic.
    let parent: String
    /// The output directory's own name.
    let name: String
    /// The folder where changed files wait until the build commits (`.<name>.staging`); made once, as every folder
    /// and file a build stages is named from it. Inside an output that is a mount point (a container's volume) it is
    /// `.handbook-output-staging` in the output itself: a staged file is renamed into place, and a rename cannot
    /// cross from the parent's file system into the mounted one.
    let staging: String

    /// Splits `path`, and refuses one whose parent folder does not exist (naming the path as the user gave it:
    /// the staging and lock files that would have failed first are the tool's business), or that names no
    /// folder at all (`missing/.`).
    init(checking path: String) throws(BuildError) {
        self.init(path)
        let name = Self.split(output).name
        if name == "." || name == ".." || name.isEmpty || FileSystem.targetKind(parent) != .directory {
            throw BuildError(reason: .parentMissing(parent), path: path)
        }
    }

    /// Splits `path`. A symbolic link, `.` or `..` is resolved first, so that the staging folder sits beside the
    /// real directory (renames cannot cross file systems) and the name is a real name.
    init(_ path: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let split = Self.split(trimmed)
        if split.name == "." || split.name == ".." || FileSystem.kind(trimmed) == .symbolicLink,
           let real = FileSystem.realPath(trimmed) {
            trimmed = real
        }
        output = trimmed
        (parent, name) = Self.split(trimmed)
        staging = Self.onOneDevice(output, parent) ? Self.sibling("staging", parent: parent, name: name) : output + "/" + OutputWriter.innerStagingName
    }

    /// True when `output` is on the same device as `parent` (a missing output counts as being there).
    private static func onOneDevice(_ output: String, _ parent: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(output, &first) == 0 else { return true }
        return stat(parent, &second) == 0 && first.st_dev == second.st_dev
    }

    /// The parent folder and the last component of a path without a trailing slash.
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    /// A hidden name beside the output: `.<name>.<suffix>`.
    func sibling(_ suffix: String) -> String {
        Self.sibling(suffix, parent: parent, name: name)
    }

    /// `.<name>.<suffix>` in `parent`.
    private static func sibling(_ suffix: String, parent: String, name: String) -> String {
        (parent == "/" ? "/" : parent + "/") + "." + name + "." + suffix
    }

    /// The copy of the current site a rebuild starts from (`.<name>.standby`, see `Standby`).
    var standby: String { sibling("standby") }
    /// The records of the content files the last build checked (`.<name>.checked`, see `CheckedFolder`).
    var checked: String { sibling("checked") }
    /// The journal inside the staging folder: present exactly when a build has committed and not finished. Its
    /// name starts with the marker's, which no file of the site may have, so it never meets a staged file.
    var journal: String { staging + "/" + OutputWriter.journalName }
    /// The journal while it is being written, before the rename that commits it.
    var partialJournal: String { journal + ".partial" }
    /// Where earlier versions, which staged files under numbers, kept a committed journal.
    var legacyJournal: String { staging + "/journal" }
    /// The file two builds lock to take turns (`.<name>.handbook-lock`).
    var lock: String { sibling("handbook-lock") }

    /// True when the output is on the same device as its parent folder (a missing output counts as being
    /// there): one that is a mount point, or on another file system, cannot be exchanged with a folder beside
    /// it, nor its files linked there.
    var outputIsBesideItsParent: Bool { Self.onOneDevice(output, parent) }

    /// Gives the staging folder the output's permissions, which the exchange would otherwise change.
    func giveStagingTheOutputsPermissions() {
        var info = stat()
        if stat(output, &info) == 0 { chmod(staging, info.st_mode & 0o7777) }
    }

    /// Puts the output's marker in the staging folder in place of the new one, so that it too keeps its inode
    /// and time across an exchange (only a marker with this tool's text).
    func keepMarker() {
        guard FileWriter.holds(output + "/" + OutputWriter.marker, OutputWriter.markerText) else { return }
        _ = Standby.linkMarker(from: output, into: staging)
    }
}
