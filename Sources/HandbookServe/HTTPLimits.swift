/// What the server accepts from a client and how long it waits for one: every bound a hostile or broken
/// client could otherwise push (memory, threads, time) has a value here.
public struct HTTPLimits: Sendable {
    /// The longest request line in bytes; longer gets 414.
    public var requestLine = 8 * 1024
    /// The most header fields; more gets 431.
    public var headerCount = 100
    /// The most bytes of header fields, all together; more gets 431.
    public var headerBytes = 16 * 1024
    /// The largest request body (the server takes none, but reads and drops a small one so the connection
    /// can be kept); larger gets 413.
    public var bodyBytes = 64 * 1024
    /// The most connections open at once; one more is answered 503 and closed.
    public var connections = 128
    /// Seconds a client has to send a whole request (head and body) once it has started; longer gets 408.
    public var requestTimeout = 10.0
    /// Seconds a kept-alive connection may wait for its next request before it is closed.
    public var idleTimeout = 30.0
    /// Seconds a write may wait for a client that does not read.
    public var writeTimeout = 10.0

    /// The defaults.
    public init() {}
}
