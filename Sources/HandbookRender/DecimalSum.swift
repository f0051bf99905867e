/// An exact sum of amounts written in decimal (`350000`, `1250.50`, `0.0000000000000000001`).
///
/// Amounts are kept as decimal digits with a scale, not as `Int` or `Double`: `check` accepts a whole part
/// of 15 digits and a fraction of any length, which a fixed-width integer scaled to the longest fraction
/// would overflow and a double would round. The sum keeps as many decimal places as its longest term.
public struct DecimalSum: Sendable, Hashable, CustomStringConvertible {
    /// The magnitude's digits, least significant first, with no most-significant zeros (zero is `[]`).
    private var digits: [UInt8] = []
    /// How many of the digits (counted from the least significant) are after the decimal point.
    private var scale = 0
    /// True for a negative sum; zero is never negative.
    private var negative = false

    /// Zero.
    public init() {}

    /// The amount written as `text` (an optional sign, digits, and an optional `.` and digits), or nil
    /// when it is not written that way.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard let whole = parts.first, whole.allSatisfy(isDigit), parts.count == 1 || parts[1].allSatisfy(isDigit),
              parts.contains(where: { !$0.isEmpty }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : []
        scale = fraction.count
        digits = (whole + fraction).reversed().map { $0 - UInt8(ascii: "0") }
        normalise()
    }

    /// Adds the amount written as `text`; returns false, leaving the sum as it was, when `text` is not a
    /// decimal amount.
    @discardableResult
    public mutating func add(_ text: String) -> Bool {
        guard let term = DecimalSum(text) else { return false }
        add(term)
        return true
    }

    /// Adds another sum.
    public mutating func add(_ other: DecimalSum) {
        // The usual case, two amounts of the same sign, is added in place, digit by digit.
        if negative == other.negative || digits.isEmpty {
            if digits.isEmpty { negative = other.negative }
            rescale(to: other.scale)
            let shift = scale - other.scale
            if digits.count < other.digits.count + shift {
                digits.append(contentsOf: repeatElement(0, count: other.digits.count + shift - digits.count))
            }
            var carry: UInt8 = 0
            var position = shift
            for digit in other.digits {
                let total = digits[position] + digit + carry
                digits[position] = total % 10
                carry = total / 10
                position += 1
            }
            while carry > 0 {
                if position == digits.count { digits.append(0) }
                let total = digits[position] + carry
                digits[position] = total % 10
                carry = total / 10
                position += 1
            }
            normalise()
            return
        }
        // Signs differ: the smaller magnitude is taken from the larger, which gives the sign.
        var left = self
        var right = other
        let scale = max(left.scale, right.scale)
        left.rescale(to: scale)
        right.rescale(to: scale)
        if Self.compare(left.digits, right.digits) >= 0 {
            digits = Self.difference(left.digits, right.digits)
            negative = left.negative
        } else {
            digits = Self.difference(right.digits, left.digits)
            negative = right.negative
        }
        self.scale = scale
        normalise()
    }

    /// The sum written in decimal with as many places as its longest term: `1350.50`, `0.0000000000000000001`.
    public var text: String {
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        // Pad so there is at least one digit before the point.
        let padded = digits + [UInt8](repeating: 0, count: max(0, scale + 1 - digits.count))
        for (position, digit) in padded.enumerated().reversed() {
            out.append(digit + UInt8(ascii: "0"))
            if position == scale && scale > 0 { out.append(UInt8(ascii: ".")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same as `text`.
    public var description: String { text }

    /// Appends zeros after the last decimal place until there are `places`.
    private mutating func rescale(to places: Int) {
        guard places > scale else { return }
        if !digits.isEmpty { digits.insert(contentsOf: repeatElement(0, count: places - scale), at: 0) }
        scale = places
    }

    /// Drops most-significant zeros; a zero sum is not negative.
    private mutating func normalise() {
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { negative = false }
    }

    /// The digits of `a - b`, for `a` at least `b`.
    private static func difference(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(a.count)
        var borrow: UInt8 = 0
        for position in 0..<a.count {
            let subtrahend = (position < b.count ? b[position] : 0) + borrow
            if a[position] >= subtrahend {
                result.append(a[position] - subtrahend)
                borrow = 0
            } else {
                result.append(a[position] + 10 - subtrahend)
                borrow = 1
            }
        }
        return result
    }

    /// -1, 0 or 1 as the magnitude `a` is less than, equal to or greater than `b` (both normalised).
    private static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for position in a.indices.reversed() where a[position] != b[position] {
            return a[position] < b[position] ? -1 : 1
        }
        return 0
    }
}
