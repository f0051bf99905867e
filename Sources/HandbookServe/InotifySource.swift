#if os(Linux)
import Glibc
import HandbookLoad

/// Changes reported by Linux's inotify: a watch on every folder under the roots, added as folders appear
/// (a folder moved in is walked, so files already in it count), so a save is seen at once, with no scan.
final class InotifySource: ChangeSource {
    private let fd: Int32
    /// Each watch's folder, and the folder's inode when the watch was added: a watch follows its folder when it is
    /// moved, so the inode tells whether the path still names the folder watched.
    private var folders: [Int32: String] = [:]
    private var inodes: [Int32: UInt64] = [:]
    private let roots: [String]
    /// A pipe whose write end wakes a waiting `changes` call.
    private var wake: [Int32] = [-1, -1]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// What a watch reports: a file written, made, moved or removed, a folder made or removed.
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches the roots, or nil when inotify is not available.
    init?(roots: [String]) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.roots = roots
        guard pipe(&wake) == 0 else {
            _ = Glibc.close(fd)
            return nil
        }
        for root in roots { watchTree(root) }
    }

    func changes(timeout: Double) -> Set<String> {
        // A root that was removed (its watch went with it) is watched again once it is back, and counts as changed.
        let watched = Set(folders.values)
        let returned = roots.filter { !watched.contains($0) && FileSystem.targetKind($0) == .directory }
        for root in returned { watchTree(root) }
        if !returned.isEmpty { return Set(returned) }
        var descriptors = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
        let ready = poll(&descriptors, 2, Int32(max(0, timeout) * 1000))
        guard ready > 0, descriptors[1].revents == 0, descriptors[0].revents != 0 else { return [] }
        var changed: Set<String> = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 16 <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Events were lost: say everything changed.
                        changed.formUnion(roots)
                        continue
                    }
                    guard let folder = folders[watch] else { continue }
                    if mask & UInt32(IN_IGNORED) != 0 {
                        folders[watch] = nil
                        inodes[watch] = nil
                        continue
                    }
                    if mask & UInt32(IN_MOVE_SELF) != 0 {
                        // The folder was moved (`mv content old`): its watches would go on reporting what happens in it
                        // under the old names, and a folder made again there would not be watched. They are dropped; a
                        // root is watched again once it is back.
                        if Self.inode(folder) != inodes[watch] {
                            unwatch(under: folder)
                            changed.insert(folder)
                        }
                        continue
                    }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    // Hidden files (editors' swap files among them) are not content: the loader skips them too.
                    if name.hasPrefix(".") { continue }
                    let path = name.isEmpty ? folder : folder + "/" + name
                    changed.insert(path)
                    if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        // Files may already be inside a folder moved in, or made before its watch was added.
                        watchTree(path)
                        changed.formUnion(PollingSource.scan([path]).keys)
                    }
                }
            }
        }
        return changed
    }

    func close() {
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
    }

    deinit {
        _ = Glibc.close(fd)
        _ = Glibc.close(wake[0])
        _ = Glibc.close(wake[1])
    }

    /// Removes the watches of `folder` and of the folders under it whose paths no longer name the folders watched.
    private func unwatch(under folder: String) {
        for (watch, path) in folders where (path == folder || path.hasPrefix(folder + "/")) && Self.inode(path) != inodes[watch] {
            inotify_rm_watch(fd, watch)
            folders[watch] = nil
            inodes[watch] = nil
        }
    }

    /// The inode of the folder at `path`, or nil when there is none.
    private static func inode(_ path: String) -> UInt64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    /// Adds a watch on `folder` and every folder under it (hidden ones left out).
    private func watchTree(_ folder: String) {
        var pending = [folder]
        while let next = pending.popLast() {
            let watch = inotify_add_watch(fd, next, Self.mask)
            guard watch >= 0 else { continue }
            folders[watch] = next
            inodes[watch] = Self.inode(next)
            guard let names = try? FileSystem.list(next) else { continue }
            for name in names where !name.hasPrefix(".") && FileSystem.targetKind(next + "/" + name) == .directory {
                pending.append(next + "/" + name)
            }
        }
    }
}
#endif
