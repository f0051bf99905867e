import HandbookModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a build's output was made from, kept in the standby (`Standby`) so that the next build can tell which
/// outputs it may take as they are instead of making them again.
///
/// - `site`: a digest of everything the outputs read except entries' bodies and exact change times — the
///   tool itself, the options, the theme, `handbook.yml`, every file's path and front matter, and the day each
///   entry last changed (`BuildInputs`).
/// - `entries`: for each content file, a digest of its body and exact change times.
/// - `outputs`: the paths each output generator made.
///
/// When `site` is unchanged, an output that reads nothing else (`OutputInputs.structure`) is the same as before,
/// and so is each entry page whose entry (and whose roles) kept its body and times (`OutputInputs.entryPages`).
struct BuildState: Equatable {
    /// The digest of everything but bodies and exact change times.
    var site: ByteDigest
    /// Each content file's body and change times, by path.
    var entries: [String: Entry] {
        didSet { encodedEntries = nil }
    }
    /// The entries' part of the file, when `prepareEntries()` made it ahead of the commit (sorting ten thousand
    /// paths is then not on its path).
    private var encodedEntries: [UInt8]?

    /// A content file's digests.
    struct Entry: Equatable {
        /// Its body.
        var body: ByteDigest
        /// The exact times it was added and last changed.
        var dates: ByteDigest
    }
    /// The paths each output generator made, by its name.
    var outputs: [String: [String]]
    /// How many files the outputs made, all told.
    var fileCount: Int { outputs.values.reduce(0) { $0 + $1.count } }
    /// When the standby was complete (nanoseconds since 1970, the clock file times use): a file of the output
    /// whose status changed later was written since, in place if its inode is the same.
    var sealed: Int64 = 0

    /// The file's name inside the standby; it starts with the marker's, which no file of the site may have.
    static let fileName = OutputWriter.marker + "-state"

    private static let header = "handbook-state 4"
    private static let trailer = "end"

    /// The file's bytes: fields separated by NUL, which no path can contain; digests in hexadecimal.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (entries.count + outputs.count) + outputs.values.reduce(0) { $0 + 24 * $1.count })
        func field(_ text: String, tag: UInt8? = nil) {
            if let tag { bytes.append(tag) }
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0)
        }
        func digest(_ value: ByteDigest) {
            Self.hex(value.high, into: &bytes)
            Self.hex(value.low, into: &bytes)
        }
        field(Self.header)
        digest(site)
        field(String(sealed))
        bytes += encodedEntries ?? Self.encode(entries)
        for (name, paths) in outputs.sorted(by: { $0.key < $1.key }) {
            field(name, tag: UInt8(ascii: "g"))
            for path in paths { field(path, tag: UInt8(ascii: "p")) }
        }
        field(Self.trailer)
        return bytes
    }

    /// Encodes the entries now, for `encoded()` to take as they are.
    mutating func prepareEntries() {
        encodedEntries = Self.encode(entries)
    }

    /// The entries' part of the file, by path.
    private static func encode(_ entries: [String: Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(80 * entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            bytes.append(UInt8(ascii: "e"))
            var path = path
            path.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0)
            for value in [entry.body.high, entry.body.low, entry.dates.high, entry.dates.low] { hex(value, into: &bytes) }
        }
        return bytes
    }

    /// The bytes, sealed now: called once every file of the copy is in place. Returns only once the clock file
    /// times are taken from has passed the seal.
    func sealedNow() -> [UInt8] {
        var state = self
        state.sealed = Self.nanoseconds(CLOCK_REALTIME) ?? 0
        // A file's times come from the kernel's coarse clock, which runs up to a tick (1 to 10 ms) behind the fine one:
        // a folder made by hand just after the build would otherwise be stamped before the seal, and pass for the
        // build's own. Once the coarse clock is past the seal, every later change is stamped after it. At most 50 ms
        // (a clock set back meanwhile would otherwise hold the build for as long as it was set back).
        #if os(Linux)
        let started = Self.nanoseconds(CLOCK_MONOTONIC) ?? 0
        while let coarse = Self.nanoseconds(CLOCK_REALTIME_COARSE), coarse <= state.sealed,
              let now = Self.nanoseconds(CLOCK_MONOTONIC), now - started < 50_000_000 {
            usleep(500)
        }
        #endif
        return state.encoded()
    }

    /// The clock's time in nanoseconds, or nil when it cannot be read.
    private static func nanoseconds(_ clock: clockid_t) -> Int64? {
        var now = timespec()
        guard clock_gettime(clock, &now) == 0 else { return nil }
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Reads a state; nil unless it is complete and of this version.
    init?(decoding bytes: [UInt8]) {
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false)
        guard fields.count >= 5, String(decoding: fields[0], as: UTF8.self) == Self.header,
              String(decoding: fields[fields.count - 2], as: UTF8.self) == Self.trailer, fields.last!.isEmpty else { return nil }
        func digest(_ index: Int) -> ByteDigest? {
            guard index + 1 < fields.count, let high = Self.hex(fields[index]), let low = Self.hex(fields[index + 1]) else { return nil }
            return ByteDigest(high: high, low: low)
        }
        guard let site = digest(1), fields.count > 4, let sealed = Int64(String(decoding: fields[3], as: UTF8.self)) else { return nil }
        self.sealed = sealed
        var entries: [String: Entry] = [:]
        var outputs: [String: [String]] = [:]
        var generator: String?
        var index = 4
        let end = fields.count - 2
        while index < end {
            let field = fields[index]
            guard let tag = field.first else { return nil }
            let rest = String(decoding: field.dropFirst(), as: UTF8.self)
            switch tag {
            case UInt8(ascii: "e"):
                guard index + 4 < end, let body = digest(index + 1), let dates = digest(index + 3) else { return nil }
                entries[rest] = Entry(body: body, dates: dates)
                index += 5
            case UInt8(ascii: "g"):
                generator = rest
                outputs[rest, default: []] = []
                index += 1
            case UInt8(ascii: "p"):
                guard let generator else { return nil }
                outputs[generator]!.append(rest)
                index += 1
            default:
                return nil
            }
        }
        self.site = site
        self.entries = entries
        self.outputs = outputs
    }

    /// Appends `value` in lower-case hexadecimal without leading zeros, as `String(_:radix: 16)` writes it, and a NUL.
    private static func hex(_ value: UInt64, into bytes: inout [UInt8]) {
        var shift = 60
        while shift > 0 && (value >> UInt64(shift)) & 0xF == 0 { shift -= 4 }
        while shift >= 0 {
            let digit = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            shift -= 4
        }
        bytes.append(0)
    }

    /// A number written by `encoded()` in lower-case hexadecimal (one to sixteen digits), read from its bytes; nil
    /// for anything else.
    static func hex(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }

    /// Equal when they say the same, however far their encoding was prepared.
    static func == (left: BuildState, right: BuildState) -> Bool {
        left.site == right.site && left.entries == right.entries && left.outputs == right.outputs && left.sealed == right.sealed
    }

    /// Creates a state.
    init(site: ByteDigest, entries: [String: Entry], outputs: [String: [String]], sealed: Int64 = 0) {
        self.site = site
        self.sealed = sealed
        self.entries = entries
        self.outputs = outputs
    }
}
