import Foundation

/// VTIMEZONE blocks made once per time zone and span of years and shared by every calendar of a build:
/// thousands of per-event and per-organiser calendars name the same few zones, and walking a zone's
/// daylight-saving transitions through Foundation is the costly part of a calendar.
final class TimeZoneBlocks: @unchecked Sendable {
    /// The cache every calendar uses.
    static let shared = TimeZoneBlocks()

    private let lock = NSLock()
    private var blocks: [String: [String]] = [:]

    /// The block's lines for `zone` from `firstYear` to `lastYear`, made by `make` the first time.
    func lines(_ zone: String, from firstYear: Int, to lastYear: Int, make: () -> [String]) -> [String] {
        let key = "\(zone) \(firstYear) \(lastYear)"
        lock.lock()
        if let cached = blocks[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = make()
        lock.lock()
        blocks[key] = made
        lock.unlock()
        return made
    }
}
