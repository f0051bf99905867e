import HandbookCLI
import Testing

/// When the tool starts itself again with the allocator's settings.
@Suite struct AllocatorTuningTests {
    /// Without `GLIBC_TUNABLES` it starts again with its settings: huge pages, whole heaps, large blocks in them.
    @Test func withoutTheVariableItStartsAgainWithItsSettings() {
        #expect(AllocatorTuning.restartValue(current: nil) == AllocatorTuning.tunables)
        for setting in ["glibc.malloc.hugetlb=1", "glibc.malloc.top_pad=67108864", "glibc.malloc.mmap_threshold=33554432"] {
            #expect(AllocatorTuning.tunables.split(separator: ":").contains(Substring(setting)))
        }
    }

    /// A value the caller set, even an empty one, is theirs: the tool runs as it is.
    @Test(arguments: ["", "glibc.malloc.arena_max=2", AllocatorTuning.tunables])
    func aValueTheCallerSetIsKept(_ current: String) {
        #expect(AllocatorTuning.restartValue(current: current) == nil)
    }
}
