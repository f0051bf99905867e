import Foundation

/// Turns text into search tokens. The browser's `search-core.js` follows the same rules, and both run
/// against the shared table in `Tests/search/cases.json`, so they cannot drift:
///
/// 1. Fold: decompose (NFD), drop combining marks, lower-case, and spell out letters that do not
///    decompose (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ and ð → d, þ → th, ı → i).
/// 2. Split on anything but `a`–`z` and `0`–`9`, except that an `&` between two letters or digits joins
///    them ("R&D" → "rd", "AT&T" → "att"); keep tokens of two to `longestToken` (64) characters: no word
///    is longer, and a longer run of letters (a pasted hash, a hostile body) would make index files
///    named after its prefixes too long for the file system, and splitting them by one letter at a time.
/// 3. Drop common English words (`the`, `and`, `of`…).
/// 4. Spell British forms the American way, so either finds both: a short word list (colour, centre,
///    programme, defence…), then endings: -isation → -ization, -ise/-ised/-ising/-iser → -ize…, and
///    -our → -or in words of six letters or more.
/// 5. (Index only, `indexTokens`) A compound of words joined by single hyphens that has a letter also
///    gives its parts joined, after them: "mini-public" → "mini", "public", "minipublic", so a reader
///    who types "minipublic" finds it. A query keeps only the parts, which find the compound too.
/// 6. (Index and query, not `tokens`) `singular`: a plural also counts as its singular, so
///    "jury" finds "juries" and "citizen" finds "citizens"; the index holds both forms, so typing
///    "juri" still finds "juries" by prefix.
///
/// The index tokenizes megabytes of body text, so the work is on UTF-8 bytes: ASCII is lower-cased byte
/// by byte, other scalars fold through `SearchFoldTable` (generated from Unicode data and tested against
/// `foldWithFoundation`, which only scalars outside the table still go through), and the word lists are
/// looked up on the bytes, with no String made for a token.
public enum SearchTokenizer {
    /// The longest token kept, in bytes (folded tokens are ASCII, so also in letters), as read before respelling.
    public static let longestToken = 64

    /// Tokens of `text` as a query reads them, in order, repeats kept.
    public static func tokens(_ text: String) -> [String] {
        strings(text, joiningCompounds: false)
    }

    /// Tokens of `text` as the index reads them: `tokens(_:)` and the joined form of each hyphenated compound.
    public static func indexTokens(_ text: String) -> [String] {
        strings(text, joiningCompounds: true)
    }

    private static func strings(_ text: String, joiningCompounds: Bool) -> [String] {
        var strings = Strings()
        var text = text
        text.withUTF8 { forEachToken(in: $0, joiningCompounds: joiningCompounds, into: &strings) }
        return strings.tokens
    }

    /// What receives the tokens of `forEachToken`.
    protocol Sink {
        /// One token: its bytes, valid only during the call, and their `SearchTokenTable` hash.
        mutating func take(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64)
        /// A hyphenated compound's joined form, after its parts; `parts` is how many of its parts were
        /// given to `take` (a part of one letter, or a stopword, is not).
        mutating func takeJoined(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64, parts: Int)
    }

    /// Collects tokens as Strings, for `tokens(_:)` and `indexTokens(_:)`.
    private struct Strings: Sink {
        var tokens: [String] = []

        mutating func take(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            tokens.append(String(decoding: token, as: UTF8.self))
        }
    }

    /// Gives `sink` each token of the UTF-8 `text`, in order, repeats kept: what `tokens` gives (with
    /// `joiningCompounds`, `indexTokens`), without a String per token, and with each token's hash,
    /// computed as its bytes are read.
    static func forEachToken<S: Sink>(in text: UnsafeBufferPointer<UInt8>, joiningCompounds: Bool = false, into sink: inout S) {
        let table = SearchFoldTable.shared
        var reader = Reader(lexicon: Lexicon.shared, joiningCompounds: joiningCompounds)
        defer { reader.deallocate() }
        var index = 0
        let count = text.count
        let folds = asciiFolds
        while index < count {
            let byte = text[index]
            // A run of letters and digits, A–Z lower-cased, each from one table read (most bytes of running text).
            if folds[Int(byte)] != 0 {
                index = reader.append(run: text, from: index, folds: folds)
                continue
            }
            if byte < 0x80 {
                // Any other ASCII byte ends a token, or links it.
                index += 1
                reader.separate(byte, &sink)
                continue
            }
            let (scalar, length) = decode(text, at: index)
            index += length
            let slot = scalar.map { table.slot($0) } ?? SearchFoldTable.itself
            if slot == SearchFoldTable.itself {
                // A non-ASCII scalar (or a byte that is not UTF-8) folds to no letters: it ends a token.
                reader.separate(0x80, &sink)
            } else if slot == SearchFoldTable.absent {
                for folded in foldWithFoundation(String(Unicode.Scalar(scalar!)!)).utf8 { reader.take(folded, &sink) }
            } else {
                let start = Int(slot >> 8)
                for offset in start..<(start + Int(slot & 0xFF)) { reader.take(table.bytes[offset], &sink) }
            }
        }
        reader.separate(0x80, &sink)
    }

    /// For each byte value: a letter or digit as a token holds it (A–Z lower-cased), 0 for every other byte (ASCII
    /// separators, and the bytes of other scalars, which are folded by `SearchFoldTable`). Made once, never freed.
    nonisolated(unsafe) static let asciiFolds: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            let value = UInt8(byte)
            let lower = value &- 0x41 < 26 ? value | 0x20 : value
            table[byte] = lower &- 0x61 < 26 || lower &- 0x30 < 10 ? lower : 0
        }
        return UnsafePointer(table)
    }()

    /// The state of `forEachToken`: the token being read, what links it to the next letter, and the
    /// hyphenated compound it is part of.
    private struct Reader {
        let lexicon: Lexicon
        let joiningCompounds: Bool
        var token = TokenBuffer()
        /// What follows the token: `none`, an `&` (a letter next continues the token) or a `-` (a letter
        /// next starts the compound's next part).
        var link = Link.none
        /// The parts of the open compound, unspelt and joined, and how many there are …
        var compound = TokenBuffer()
        var parts = 0
        /// … and how many of them were given to the sink.
        var given = 0

        enum Link { case none, ampersand, hyphen }

        init(lexicon: Lexicon, joiningCompounds: Bool) {
            self.lexicon = lexicon
            self.joiningCompounds = joiningCompounds
        }

        func deallocate() {
            token.deallocate()
            compound.deallocate()
        }

        /// A folded letter or digit.
        @inline(__always)
        mutating func append(_ byte: UInt8) {
            link = .none
            token.append(byte)
        }

        /// A run of letters and digits (see `TokenBuffer.append(run:from:folds:)`); returns where it ends.
        @inline(__always)
        mutating func append(run text: UnsafeBufferPointer<UInt8>, from start: Int, folds: UnsafePointer<UInt8>) -> Int {
            link = .none
            return token.append(run: text, from: start, folds: folds)
        }

        /// A folded byte: a letter or digit continues the token, anything else ends or links it.
        @inline(__always)
        mutating func take<S: Sink>(_ byte: UInt8, _ sink: inout S) {
            if byte &- 0x61 < 26 || byte &- 0x30 < 10 { append(byte) } else { separate(byte, &sink) }
        }

        /// A byte that is not a letter or digit (0x80 for anything not ASCII, and the end of the text).
        @inline(__always)
        mutating func separate<S: Sink>(_ byte: UInt8, _ sink: inout S) {
            // Between tokens (the usual case in running text) a separator changes nothing.
            if token.count > 0 || parts > 0 { end(byte, &sink) }
        }

        /// `separate` after a letter or digit, or inside a compound. Inlined, as the token's hand-over it leads to is:
        /// it runs for every token.
        @inline(__always)
        mutating func end<S: Sink>(_ byte: UInt8, _ sink: inout S) {
            if link == .none && token.count > 0 {
                // Only one `&` or `-` right after a letter or digit links; what follows it decides.
                if byte == UInt8(ascii: "&") {
                    link = .ampersand
                    return
                }
                if byte == UInt8(ascii: "-") && joiningCompounds {
                    endPart(&sink)
                    link = .hyphen
                    return
                }
            }
            link = .none
            if token.count > 0 {
                if parts > 0 { endPart(&sink) } else { SearchTokenizer.finish(&token, lexicon, &sink) }
            }
            if parts > 0 { endCompound(&sink) }
        }

        /// Ends a part of a compound: its unspelt bytes join the compound, and it is given as a token.
        mutating func endPart<S: Sink>(_ sink: inout S) {
            for byte in token.bytes { compound.append(byte) }
            parts += 1
            if SearchTokenizer.finish(&token, lexicon, &sink) { given += 1 }
        }

        /// Gives the joined form of a compound of two parts or more with a letter in it (a range of
        /// numbers, "2020-2021", is not a word), and closes it.
        mutating func endCompound<S: Sink>(_ sink: inout S) {
            if parts > 1 && !compound.isTooLong && compound.bytes.contains(where: { $0 &- 0x61 < 26 }) && compound.count >= 2
                && SearchTokenizer.respell(&compound, lexicon) {
                sink.takeJoined(compound.bytes, hash: compound.hash, parts: given)
            }
            compound.clear()
            parts = 0
            given = 0
        }
    }

    /// Hands a finished token to `sink`, unless it is too short, too long or a stopword, spelt the American
    /// way; clears it. True when it was handed over.
    @inline(__always) @discardableResult
    private static func finish<S: Sink>(_ token: inout TokenBuffer, _ lexicon: Lexicon, _ sink: inout S) -> Bool {
        defer { token.clear() }
        if token.count >= 2 && !token.isTooLong && respell(&token, lexicon) {
            sink.take(token.bytes, hash: token.hash)
            return true
        }
        return false
    }

    /// Spells a token the American way (the word list, then the endings); false for a stopword.
    @inline(__always)
    private static func respell(_ token: inout TokenBuffer, _ lexicon: Lexicon) -> Bool {
        let count = token.count
        let first = token.base[0] &- 0x61, last = token.base[count - 1] &- 0x61
        // Bit masks of the first and last letters of the lexicon's words of each length: most tokens
        // are ruled out without hashing.
        if count <= lexicon.longest && first < 26 && last < 26
            && lexicon.firstLetters[count] & (1 << first) != 0 && lexicon.lastLetters[count] & (1 << last) != 0,
            let id = lexicon.words.id(of: token.bytes, hash: token.hash) {
            guard let american = lexicon.american[id] else { return false }
            token.replace(last: count, with: american)
            return true
        }
        guard count >= 6, last < 26, lexicon.endingLetters & (1 << last) != 0 else { return true }
        for (british, american, minimum) in lexicon.endings where count >= minimum && token.hasSuffix(british) {
            token.replace(last: british.count, with: american)
            return true
        }
        return true
    }

    /// The scalar whose UTF-8 starts at `index` (a lead byte of 0x80 or more) and its length in bytes; a
    /// nil scalar for bytes that are not UTF-8 (a separator, as `String(decoding:as:)` would make it U+FFFD).
    @inline(__always)
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32?, Int) {
        let lead = UInt32(text[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
        guard length > 0, lead < 0xF5, index + length <= text.count else { return (nil, 1) }
        var scalar = lead & (0x7F >> length)
        for offset in 1..<length {
            let next = UInt32(text[index + offset])
            guard next & 0xC0 == 0x80 else { return (nil, 1) }
            scalar = scalar << 6 | (next & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        let smallest: UInt32 = length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x80
        guard scalar >= smallest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return (nil, 1) }
        return (scalar, length)
    }

    /// Text folded for comparison: no accents, lower case, special letters spelt out.
    public static func fold(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            let table = SearchFoldTable.shared
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    out.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                    index += 1
                    continue
                }
                let (scalar, length) = decode(bytes, at: index)
                let slot = scalar.map { table.slot($0) } ?? SearchFoldTable.absent
                // A scalar outside the table: the whole text through Foundation, so the result is exact.
                if slot == SearchFoldTable.absent { return foldWithFoundation(String(decoding: bytes, as: UTF8.self)) }
                if slot == SearchFoldTable.itself {
                    out.append(contentsOf: bytes[index..<(index + length)])
                } else {
                    let start = Int(slot >> 8)
                    out.append(contentsOf: table.bytes[start..<(start + Int(slot & 0xFF))])
                }
                index += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The reference fold, through Foundation's canonical decomposition: slow, so only for scalars outside
    /// `SearchFoldTable`, and the definition the table is generated from and tested against.
    static func foldWithFoundation(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if scalar.isASCII {
                let value = scalar.value
                out.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 32)! : scalar)
                continue
            }
            for lower in String(scalar).lowercased().unicodeScalars {
                if let spelt = special[lower] { out += spelt } else { out.unicodeScalars.append(lower) }
            }
        }
        return out
    }

    /// The American spelling of a token (tokens are folded already).
    public static func spelling(_ token: String) -> String {
        // A token longer than any kept is never read, and the buffer would hold only its beginning.
        guard token.utf8.count <= longestToken else { return token }
        var buffer = TokenBuffer()
        defer { buffer.deallocate() }
        for byte in token.utf8 { buffer.append(byte) }
        // A stopword has no other spelling.
        guard !token.isEmpty, respell(&buffer, Lexicon.shared) else { return token }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// The singular of a plural token, or nil: -ies → -y from five letters, and a final -s dropped from
    /// four letters except after s, u or i ("process", "status", "analysis" stay).
    public static func singular(_ token: String) -> String? {
        let bytes = Array(token.utf8)
        var out: [UInt8] = []
        guard bytes.withUnsafeBufferPointer({ singular($0, into: &out) }) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// `singular(_:)` on bytes: true, with the singular in `out`, when `token` is a plural.
    static func singular(_ token: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        let count = token.count
        guard count >= 4, token[count - 1] == UInt8(ascii: "s") else { return false }
        if count >= 5 && token[count - 3] == UInt8(ascii: "i") && token[count - 2] == UInt8(ascii: "e") {
            out.removeAll(keepingCapacity: true)
            out.append(contentsOf: token[..<(count - 3)])
            out.append(UInt8(ascii: "y"))
            return true
        }
        let before = token[count - 2]
        if before == UInt8(ascii: "s") || before == UInt8(ascii: "u") || before == UInt8(ascii: "i") { return false }
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: token[..<(count - 1)])
        return true
    }

    /// True when two tokens differ by at most one edit (insertion, deletion, substitution or swap of neighbours).
    public static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        while i < x.count && i < y.count && x[i] == y[i] { i += 1 }
        if i == x.count && i == y.count { return true }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
    }
}

extension SearchTokenizer.Sink {
    /// A joined form is one more token, unless the sink places it otherwise.
    mutating func takeJoined(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64, parts: Int) {
        take(token, hash: hash)
    }
}
