import HandbookModel

/// A file of the built site: its path relative to the output directory and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// The path relative to the output root, such as `organisations/g1000/index.html`.
    public var path: String
    /// The file's content.
    public var bytes: [UInt8]

    /// Creates a file. Its bytes are kept until the whole site is written, so a buffer that grew with room to
    /// spare (renderers double their buffers as they write) is copied to its exact size first.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes.capacity > bytes.count + bytes.count / 8 + 64 ? Self.exactCopy(bytes) : bytes
    }

    /// A copy in a buffer of exactly its size (`Array(bytes[...])` may keep the original buffer).
    static func exactCopy(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            _ = buffer.initialize(from: bytes)
            count = bytes.count
        }
    }

    /// Creates a text file.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Creates a JSON file: the compact encoding, keys sorted, ending in a line break.
    public init(path: String, json: JSONValue) {
        var bytes = json.bytes
        bytes.append(0x0A)
        self.init(path: path, bytes: bytes)
    }
}
