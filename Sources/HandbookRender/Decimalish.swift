/// Exact sums of amounts written in decimal, without floating-point rounding or overflow.
///
/// The digits are kept as an array (least significant first) rather than in a fixed-width integer: `check`
/// limits one amount to 15 digits before the point and 4 after, but a total adds any number of them, and a
/// fixed width would trap (or round) where content that passed `check` is summed.
struct Decimalish {
    /// The magnitude's digits, least significant first, `scale` of them after the point.
    private var digits: [UInt8] = []
    /// How many of `digits` are after the decimal point: the most any added amount had.
    private var scale = 0
    private var negative = false

    /// Adds an amount written as `NUMBER` rules allow (`1250.50`, `-3`); text that is not digits counts as 0.
    mutating func add(_ text: String) {
        var body = Substring(text)
        let sign = body.hasPrefix("-")
        if sign || body.hasPrefix("+") { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first.map(Self.decimalDigits) ?? []
        let fraction = parts.count == 2 ? Self.decimalDigits(parts[1]) : []
        var other = Array((whole + fraction).reversed())
        let otherScale = fraction.count
        // Align both to the longer fraction by appending zeros after the point.
        if otherScale < scale { other.insert(contentsOf: repeatElement(0, count: scale - otherScale), at: 0) }
        if scale < otherScale {
            digits.insert(contentsOf: repeatElement(0, count: otherScale - scale), at: 0)
            scale = otherScale
        }
        if sign == negative {
            digits = Self.sum(digits, other)
        } else if Self.isLess(digits, other) {
            digits = Self.difference(other, digits)
            negative = sign
        } else {
            digits = Self.difference(digits, other)
        }
    }

    /// The total, with as many decimals as the most precise amount: `1002.80`.
    var text: String {
        var magnitude = digits
        while magnitude.count > scale + 1 && magnitude.last == 0 { magnitude.removeLast() }
        while magnitude.count < scale + 1 { magnitude.append(0) }
        let isZero = magnitude.allSatisfy { $0 == 0 }
        var out = negative && !isZero ? "-" : ""
        for (position, digit) in magnitude.enumerated().reversed() {
            out.append(Character(Unicode.Scalar(0x30 + digit)))
            if position == scale && scale > 0 { out.append(".") }
        }
        return out
    }

    /// The values of the ASCII digits of `text`, most significant first; anything else is skipped.
    private static func decimalDigits(_ text: Substring) -> [UInt8] {
        text.utf8.compactMap { $0 >= 0x30 && $0 <= 0x39 ? $0 - 0x30 : nil }
    }

    /// `a + b`, both least significant first.
    private static func sum(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt8 = 0
        for index in 0..<max(a.count, b.count) {
            let total = (index < a.count ? a[index] : 0) + (index < b.count ? b[index] : 0) + carry
            out.append(total % 10)
            carry = total / 10
        }
        if carry > 0 { out.append(carry) }
        return out
    }

    /// `a - b` for `a ≥ b`, both least significant first.
    private static func difference(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(a.count)
        var borrow: Int = 0
        for index in 0..<a.count {
            var value = Int(a[index]) - (index < b.count ? Int(b[index]) : 0) - borrow
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += 10 }
            out.append(UInt8(value))
        }
        return out
    }

    /// True when the magnitude `a` is less than `b`, both least significant first (leading zeros allowed).
    private static func isLess(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for index in stride(from: max(a.count, b.count) - 1, through: 0, by: -1) {
            let x = index < a.count ? a[index] : 0, y = index < b.count ? b[index] : 0
            if x != y { return x < y }
        }
        return false
    }
}
