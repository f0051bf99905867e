import Foundation
import HandbookLoad

/// Changes found by scanning: every `interval` seconds the folders are walked and each file's stamp
/// compared with the last scan's. For systems without inotify; costs a `stat` per file per scan.
final class PollingSource: ChangeSource {
    private let roots: [String]
    private let interval: Double
    private var known: [String: FileStamp]
    private let wake = NSCondition()
    private var closed = false

    init(roots: [String], interval: Double = 0.2) {
        self.roots = roots
        self.interval = interval
        known = Self.scan(roots)
    }

    func changes(timeout: Double) -> Set<String> {
        wake.lock()
        if !closed { _ = wake.wait(until: Date(timeIntervalSinceNow: min(timeout, interval))) }
        let isClosed = closed
        wake.unlock()
        if isClosed { return [] }
        let now = Self.scan(roots)
        var changed: Set<String> = []
        for (path, stamp) in now where known[path] != stamp { changed.insert(path) }
        for path in known.keys where now[path] == nil { changed.insert(path) }
        known = now
        return changed
    }

    func close() {
        wake.lock()
        closed = true
        wake.broadcast()
        wake.unlock()
    }

    /// Every file under the roots (hidden ones left out, as the loader leaves them) with its stamp.
    static func scan(_ roots: [String]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        var folders = roots
        while let folder = folders.popLast() {
            guard let names = try? FileSystem.list(folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = folder + "/" + name
                switch FileSystem.targetKind(path) {
                case .directory: folders.append(path)
                case .file: stamps[path] = FileStamp(path: path)
                default: continue
                }
            }
        }
        return stamps
    }
}
