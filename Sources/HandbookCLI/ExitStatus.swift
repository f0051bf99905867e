/// Exit statuses (docs/cli.md, "Exit status").
public enum ExitStatus {
    /// Success; warnings allowed unless --strict.
    public static let success: Int32 = 0
    /// The content has errors.
    public static let contentErrors: Int32 = 1
    /// A usage or I/O error.
    public static let usage: Int32 = 2
}
