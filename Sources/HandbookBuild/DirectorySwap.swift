#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exchanges two directories in one step, so that whoever opens the output finds the whole old site or the
/// whole new one, never neither.
///
/// - Linux: `renameat2(…, RENAME_EXCHANGE)` (kernel 3.15; glibc 2.28 has the wrapper). Swift's Glibc module
///   does not declare it, so it is looked up by name at run time; a C library without it counts as no support.
/// - macOS: `renamex_np(…, RENAME_SWAP)` (10.12).
/// - Elsewhere, or where the file system refuses (some network and FUSE file systems answer EINVAL, and a
///   mount point cannot be renamed: EBUSY), there is no equivalent: the caller falls back to changing the
///   output in place under a journal (see `OutputWriter`).
enum DirectorySwap {
    /// Exchanges `a` and `b`, both existing and on one file system. Returns 0, or the errno that says why not
    /// (ENOSYS when the system has no exchange at all).
    static func exchange(_ a: String, _ b: String) -> Int32 {
        #if canImport(Glibc)
        guard let renameat2 = linuxRenameat2 else { return ENOSYS }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 ? 0 : errno
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 ? 0 : errno
        #else
        return ENOSYS
        #endif
    }

    /// True for an errno that means "this system or file system cannot exchange these", so the caller should
    /// change the output in place instead, rather than fail.
    static func isUnsupported(_ code: Int32) -> Bool {
        [ENOSYS, EINVAL, EBUSY, EXDEV, ENOTSUP, EOPNOTSUPP, EPERM].contains(code)
    }

    #if canImport(Glibc)
    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    static let renameExchange: UInt32 = 1 << 1

    typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// glibc's `renameat2`, found in the running process's libraries; nil when the C library has none.
    static let linuxRenameat2: Renameat2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()
    #endif
}
