import Foundation

/// VTIMEZONE blocks made once per time zone and span of years and shared by every calendar of a build:
/// thousands of per-event and per-organiser calendars name the same few zones, and walking a zone's
/// daylight-saving transitions through Foundation is the costly part of a calendar.
final class TimeZoneBlocks: @unchecked Sendable {
    /// The cache every calendar uses.
    static let shared = TimeZoneBlocks()

    private let lock = NSLock()
    private var blocks: [String: [UInt8]] = [:]

    /// The block for `zone` from `firstYear` to `lastYear` as a calendar holds it (lines folded, each ending in
    /// CR LF): its lines made by `make` and folded the first time, then taken as they are.
    func bytes(_ zone: String, from firstYear: Int, to lastYear: Int, make: () -> [String]) -> [UInt8] {
        let key = "\(zone) \(firstYear) \(lastYear)"
        lock.lock()
        if let cached = blocks[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = ICalendar.folded(make())
        lock.lock()
        blocks[key] = made
        lock.unlock()
        return made
    }
}
