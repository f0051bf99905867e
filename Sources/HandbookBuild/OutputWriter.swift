import Foundation
import HandbookLoad
import HandbookModel
import HandbookRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the built site into a temporary directory beside the output and swaps it in only when every
/// file is written, so a failed or interrupted build leaves the previous site as it was.
public enum OutputWriter {
    /// The file that marks a directory as this tool's output; only such directories are ever replaced or deleted.
    public static let marker = ".handbook-output"

    /// Refuses an output that is, contains or sits inside the content or theme, or a non-empty directory the tool did not make.
    public static func checkOutput(_ output: String, content: String, theme: String) throws(BuildError) {
        let outputReal = resolved(output)
        for (what, path) in [("content", content), ("theme", theme)] {
            guard let source = FileSystem.realPath(path) else { continue }
            if outputReal == source { throw BuildError(reason: .outputIsSource(what), path: output) }
            if source.hasPrefix(outputReal + "/") || outputReal.hasPrefix(source + "/") || outputReal == "/" {
                throw BuildError(reason: .outputOverlapsSource(what), path: output)
            }
        }
        switch FileSystem.targetKind(output) {
        case .missing:
            return
        case .directory:
            let names = (try? FileSystem.list(output)) ?? []
            if !names.isEmpty && !names.contains(marker) { throw BuildError(reason: .outputNotOurs, path: output) }
        default:
            throw BuildError(reason: .outputIsFile, path: output)
        }
    }

    /// Writes `files` as the new content of `output`.
    public static func write(_ files: [OutputFile], to output: String) throws(BuildError) {
        let trimmed = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        let parent = (trimmed as NSString).deletingLastPathComponent.isEmpty ? "." : (trimmed as NSString).deletingLastPathComponent
        let name = (trimmed as NSString).lastPathComponent
        let pid = getpid()
        let staging = "\(parent)/.\(name).building-\(pid)"
        let retired = "\(parent)/.\(name).previous-\(pid)"
        removeIfOurs(staging)
        do {
            try makeDirectory(staging)
            try writeFile(staging + "/" + marker, Array("Made by handbook build. This directory is replaced on every build; do not edit it.\n".utf8))
            var directories: Set<String> = []
            for file in files {
                var path = (file.path as NSString).deletingLastPathComponent
                while !path.isEmpty && directories.insert(path).inserted {
                    path = (path as NSString).deletingLastPathComponent
                }
            }
            for directory in directories.sorted(by: { $0.count < $1.count }) {
                try makeDirectory(staging + "/" + directory)
            }
            let failures = Parallel.map(files) { file -> BuildError? in
                do {
                    try writeFile(staging + "/" + file.path, file.bytes)
                    return nil
                } catch let failure as BuildError {
                    return failure
                } catch {
                    return BuildError(reason: .system(path: file.path, code: EIO), path: file.path)
                }
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            if FileSystem.targetKind(trimmed) == .directory {
                guard rename(trimmed, retired) == 0 else { throw BuildError(reason: .system(path: trimmed, code: errno), path: trimmed) }
                guard rename(staging, trimmed) == 0 else {
                    let code = errno
                    _ = rename(retired, trimmed)
                    throw BuildError(reason: .system(path: trimmed, code: code), path: trimmed)
                }
                removeIfOurs(retired)
            } else {
                guard rename(staging, trimmed) == 0 else { throw BuildError(reason: .system(path: trimmed, code: errno), path: trimmed) }
            }
        } catch let failure as BuildError {
            removeIfOurs(staging)
            throw failure
        } catch {
            removeIfOurs(staging)
            throw BuildError(reason: .system(path: staging, code: EIO), path: staging)
        }
    }
}

private extension OutputWriter {
    static func resolved(_ path: String) -> String {
        if let real = FileSystem.realPath(path) { return real }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let parent = (absolute as NSString).deletingLastPathComponent
        return (FileSystem.realPath(parent) ?? parent) + "/" + (absolute as NSString).lastPathComponent
    }

    /// Deletes a directory only when it carries the marker, so nothing the tool did not make is ever removed.
    /// The marker goes last, so an interrupted removal can be finished by the next build.
    static func removeIfOurs(_ path: String) {
        guard FileSystem.kind(path) == .directory, FileSystem.kind(path + "/" + marker) == .file else { return }
        let entries = ((try? FileSystem.list(path)) ?? []).filter { $0 != marker }
        _ = Parallel.map(entries) { name in removeTree(path + "/" + name) }
        _ = unlink(path + "/" + marker)
        _ = rmdir(path)
    }

    /// Removes a file or a directory tree with POSIX calls (FileManager is several times slower here).
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        if FileSystem.kind(path) == .directory {
            for name in (try? FileSystem.list(path)) ?? [] { removeTree(path + "/" + name) }
            return rmdir(path) == 0
        }
        return unlink(path) == 0
    }

    static func makeDirectory(_ path: String) throws(BuildError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw BuildError(reason: .system(path: path, code: errno), path: path)
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(BuildError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BuildError(reason: .system(path: path, code: errno), path: path) }
        defer { close(fd) }
        do {
            try FileWriter.writeAll(fd, bytes, path: path)
        } catch {
            let code: Int32
            if case .system(let systemCode) = error.reason { code = systemCode } else { code = EIO }
            throw BuildError(reason: .system(path: path, code: code), path: path)
        }
    }
}
