import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `Date` field's value (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`), made once a second and
/// shared, since every response carries it.
final class HTTPDate: @unchecked Sendable {
    private let lock = NSLock()
    private var second: Int = -1
    private var text = ""

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The current time as the field's value.
    func now() -> String {
        let current = time(nil)
        lock.lock()
        defer { lock.unlock() }
        if current != second {
            second = current
            text = Self.format(current)
        }
        return text
    }

    /// Formats seconds since 1970 in UTC.
    static func format(_ seconds: Int) -> String {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
