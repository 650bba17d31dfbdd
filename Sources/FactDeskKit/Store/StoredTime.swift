import Foundation

/// Times as the desk stores them: `yyyy-MM-dd HH:mm:ss.SSS` in UTC, the text GRDB reads
/// back as a `Date`.
///
/// Written with integer arithmetic rather than a `DateFormatter`, whose cost showed on
/// every claim and event of a large import. Tests hold it equal to GRDB's own text.
enum StoredTime {
    /// The stored text of a time, to the nearest millisecond.
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.toNearestOrAwayFromZero))
        var days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let inDay = milliseconds - days * 86_400_000
        // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        var out = [UInt8]()
        out.reserveCapacity(23)
        func digits(_ value: Int64, _ count: Int) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(year, 4); out.append(UInt8(ascii: "-"))
        digits(month, 2); out.append(UInt8(ascii: "-"))
        digits(day, 2); out.append(UInt8(ascii: " "))
        digits(inDay / 3_600_000, 2); out.append(UInt8(ascii: ":"))
        digits(inDay / 60_000 % 60, 2); out.append(UInt8(ascii: ":"))
        digits(inDay / 1_000 % 60, 2); out.append(UInt8(ascii: "."))
        digits(inDay % 1_000, 3)
        return String(decoding: out, as: UTF8.self)
    }
}
