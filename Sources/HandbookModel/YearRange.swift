/// The years every date the tool reads or writes lies in: 0001 to 9999.
///
/// Every output writes years with four digits (iCalendar's `date-fullyear`, RFC 3339 in the feeds and
/// sitemap, `YYYY-MM-DD` in JSON), and year 0000 exists in none of the calendars that read them, so `check`
/// refuses dates outside these years and times from elsewhere (git, file times, `SOURCE_DATE_EPOCH`) are
/// brought inside them.
public enum YearRange {
    /// The first year: 0001.
    public static let first = 1
    /// The last year: 9999.
    public static let last = 9999
    /// 0001-01-01T00:00:00Z as a Unix time.
    public static let firstSecond: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z as a Unix time.
    public static let lastSecond: Int64 = 253_402_300_799

    /// `seconds`, or the nearest Unix time inside the range.
    public static func clamp(_ seconds: Int64) -> Int64 {
        min(max(seconds, firstSecond), lastSecond)
    }
}
