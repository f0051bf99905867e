#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX socket calls the server makes, in one place, so the differences between Linux and macOS
/// (socket types, SIGPIPE, the names of read and write) stay here.
enum SocketCalls {
    #if canImport(Glibc)
    static let stream = Int32(SOCK_STREAM.rawValue)
    /// Writing to a socket the client closed must fail, not raise SIGPIPE.
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let stream = SOCK_STREAM
    static let sendFlags: Int32 = 0
    #endif

    /// Sets an integer socket option.
    @discardableResult
    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) -> Bool {
        var value = value
        return setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// Sets a send or receive timeout in seconds.
    static func setTimeout(_ fd: Int32, _ name: Int32, seconds: Double) {
        var time = timeval()
        time.tv_sec = .init(seconds.rounded(.down))
        time.tv_usec = .init(seconds.truncatingRemainder(dividingBy: 1) * 1_000_000)
        setsockopt(fd, SOL_SOCKET, name, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Makes a descriptor blocking or not.
    static func setBlocking(_ fd: Int32, _ blocking: Bool) {
        let flags = fcntl(fd, F_GETFL, 0)
        _ = fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK)
    }

    /// Closes the descriptor when the process runs another program.
    static func setCloseOnExec(_ fd: Int32) {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    /// Prepares an accepted connection: blocking (macOS passes on the listener's flag), no SIGPIPE, no
    /// delay for small writes (a response's head and body go in one write; Nagle would hold a keep-alive
    /// client's next answer for the delayed ACK), a bound on how long a write may wait for a slow reader.
    static func prepareConnection(_ fd: Int32, writeTimeout: Double) {
        setBlocking(fd, true)
        setCloseOnExec(fd)
        #if canImport(Darwin)
        setOption(fd, SOL_SOCKET, SO_NOSIGPIPE, 1)
        #endif
        setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        setTimeout(fd, SO_SNDTIMEO, seconds: writeTimeout)
    }

    /// Receives up to `count` bytes into `buffer` at `offset`.
    static func receive(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        recv(fd, buffer, count, 0)
    }

    /// Writes all of `bytes`; false when the peer went away or the write timed out.
    static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = send(fd, bytes.baseAddress! + sent, bytes.count - sent, sendFlags)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            sent += count
        }
        return true
    }

    /// Waits until `fd` is readable or `milliseconds` pass (-1: no limit): true when readable (or closed).
    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let result = poll(&descriptor, 1, milliseconds)
            if result < 0 && errno == EINTR { continue }
            return result > 0
        }
    }

    /// Stops sending (the client sees the end of the response) or, with `both`, receiving too, which wakes
    /// a thread blocked reading the connection.
    static func shutdown(_ fd: Int32, both: Bool) {
        #if canImport(Glibc)
        _ = Glibc.shutdown(fd, Int32(both ? SHUT_RDWR : SHUT_WR))
        #else
        _ = Darwin.shutdown(fd, both ? SHUT_RDWR : SHUT_WR)
        #endif
    }

    /// Closes a descriptor.
    static func close(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    /// The text of an errno value.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
