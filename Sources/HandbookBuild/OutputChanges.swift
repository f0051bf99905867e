/// What writing a site changed in its output directory.
public struct OutputChanges: Sendable, Hashable {
    /// The files created or rewritten, relative to the output directory, sorted.
    public var written: [String]
    /// How many files already held the same bytes and were left untouched.
    public var unchangedCount: Int
    /// The files of the previous output that the build no longer makes, now removed, sorted.
    public var removed: [String]

    /// Creates a summary; the default is a build that changed nothing.
    public init(written: [String] = [], unchangedCount: Int = 0, removed: [String] = []) {
        self.written = written
        self.unchangedCount = unchangedCount
        self.removed = removed
    }

    /// How many files were created or rewritten.
    public var writtenCount: Int { written.count }
    /// How many files were removed.
    public var removedCount: Int { removed.count }
}
