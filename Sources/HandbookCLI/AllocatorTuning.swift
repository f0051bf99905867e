#if canImport(Glibc)
import Glibc
#endif

/// The C library's allocator settings the tool runs with. A build makes and frees a few hundred megabytes in small
/// pieces, and on Linux the kernel then spends about a seventh of a one-edit rebuild's processor time on a fault for
/// every 4 KiB page the allocator touches for the first time (about 60,000 in a cold build of 10,000 entries), and
/// the processor misses its address translations. glibc can ask for transparent huge pages (2 MiB) for its heaps,
/// make each thread's heap whole at once, and keep large blocks in the heaps instead of separate mappings: a build
/// then takes about a thousand faults, a cold build runs about a tenth faster and a one-edit rebuild about a fifth
/// (`docs/performance.md`, "Fifteenth round").
///
/// glibc reads these settings (its tunables) only from the environment a program starts with, so the tool sets
/// them and starts itself again, in place, before doing anything else. A `GLIBC_TUNABLES` already in the
/// environment is left as it is (set it, even empty, to run with glibc's defaults); elsewhere than glibc on Linux
/// nothing is done.
public enum AllocatorTuning {
    /// The variable glibc reads its tunables from.
    public static let variable = "GLIBC_TUNABLES"

    /// Huge pages for the heaps (`hugetlb=1`: `madvise` on what the allocator maps); each heap made whole when made
    /// (`top_pad`, 64 MiB, the most a thread's heap holds), so huge pages can back it; blocks up to 32 MiB kept in
    /// the heaps (`mmap_threshold`) rather than mapped, touched and unmapped one by one.
    public static let tunables = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864:glibc.malloc.mmap_threshold=33554432"

    /// The value to start again with, given the current value of `GLIBC_TUNABLES`: the tool's settings when the
    /// variable is not set, nil (run as is) when it is.
    public static func restartValue(current: String?) -> String? {
        current == nil ? tunables : nil
    }

    /// Where glibc runs on Linux and the settings are not in the environment yet: sets them and starts the same
    /// program again with the same arguments, and does not return. Returns when there is nothing to do, or when
    /// starting again failed (the tool then runs with the allocator's defaults, as before).
    public static func restartIfNeeded() {
        #if os(Linux) && canImport(Glibc)
        // A program run with raised privileges (setuid) has glibc drop these settings from its environment: started
        // again, it would find them missing again, so it runs as it is.
        guard getuid() == geteuid() && getgid() == getegid() else { return }
        let current = getenv(variable).map { String(cString: $0) }
        guard let value = restartValue(current: current), setenv(variable, value, 1) == 0 else { return }
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Not started again: run without the settings, and leave none behind for programs this one starts.
        unsetenv(variable)
        #endif
    }
}
