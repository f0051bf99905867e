#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `.<name>.handbook-lock` beside the output, held while a build changes the output,
/// so two builds into the same directory cannot interleave their changes.
///
/// The kernel drops the lock when the process dies, so a killed build never leaves the output locked. The file
/// is removed on release, while still locked; a build that opened it just before then finds, once it holds the
/// lock, that the name now leads to another file (or none), and starts again with the current one.
final class OutputLock {
    private let fd: Int32
    private let path: String

    /// Takes the lock, or throws `.busy` at once when another build holds it: waiting could hang a CI job
    /// behind a stuck build, and the message says what to do.
    init(_ location: OutputLocation) throws(BuildError) {
        path = location.lock
        for _ in 0..<100 {
            // Not through a link: what the name leads to is not the tool's to lock, nor to remove.
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                // A missing parent is the user's to fix; naming the lock file would only confuse.
                let code = errno
                if code == ENOENT { throw BuildError(reason: .parentMissing(location.parent), path: location.output) }
                if code == ELOOP || code == EISDIR { throw BuildError(reason: .lockNotOurs(path), path: location.output) }
                throw BuildError(reason: .system(path: path, code: code), path: location.output)
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK { throw BuildError(reason: .busy, path: location.output) }
                throw BuildError(reason: .system(path: path, code: code), path: location.output)
            }
            var held = stat()
            var named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                // The tool's lock file is always empty (one a killed build left is too): a file with something in it,
                // or a folder's worth of anything else, was put here by someone else, and release would remove it.
                guard held.st_mode & S_IFMT == S_IFREG, held.st_size == 0 else {
                    close(fd)
                    throw BuildError(reason: .lockNotOurs(path), path: location.output)
                }
                self.fd = fd
                return
            }
            close(fd)
        }
        throw BuildError(reason: .busy, path: location.output)
    }

    /// Removes the lock file, then lets the lock go.
    func release() {
        unlink(path)
        close(fd)
    }
}
