import HandbookModel

/// The result of reading one YAML document: its root node (nil when the text holds no document) and
/// every key that a mapping repeated.
public struct YAMLDocument: Sendable {
    /// The root node, or nil when the stream is empty or holds only comments.
    public var root: YAMLNode?
    /// Keys that appeared twice in one mapping; the first occurrence is kept in `root`.
    public var duplicateKeys: [YAMLDuplicateKey]
}

/// A key repeated in one mapping.
public struct YAMLDuplicateKey: Hashable, Sendable {
    /// The repeated key.
    public var key: String
    /// Where the repeat is.
    public var position: TextPosition
    /// Where the key was first given.
    public var firstPosition: TextPosition
}

/// A place where the text leaves the YAML subset the handbook reads, or is not YAML at all.
public struct YAMLSyntaxError: Error, Hashable, Sendable {
    /// What is wrong, and where possible how to fix it.
    public var message: String
    /// Where it is, relative to the start of the parsed text.
    public var position: TextPosition
}
