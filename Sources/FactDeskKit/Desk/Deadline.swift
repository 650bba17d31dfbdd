import Foundation

/// Dates as a calendar writes them (YYYY-MM-DD), counted in days, in UTC.
enum CivilDate {
    /// Days since 1970-01-01 for a real YYYY-MM-DD date, or nil.
    static func dayNumber(_ date: String) -> Int? {
        guard NewSource.isCalendarDate(date) else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        let month = parts[1], day = parts[2]
        let year = parts[0] - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// When a review is due: `2h`, `3d`, `1w` from now, a day (`2025-04-20`, due by its end,
/// UTC), or a moment (`2025-04-20T18:30`, UTC).
public enum Deadline {
    public static func parse(_ text: String, now: Date) throws(DeskError) -> Date {
        let due = try moment(text, now: now)
        guard due < latest else {
            throw .invalidValue("the deadline \(text) is after the year 9999; give a nearer one")
        }
        return due
    }

    /// Times are stored and shown with a four-digit year: a deadline must come before 10000-01-01
    /// (`3000000d` once was stored as the year 0240, and `20000000000w` stopped the program).
    static let latest = Date(timeIntervalSince1970: 253_402_300_800)

    private static func moment(_ text: String, now: Date) throws(DeskError) -> Date {
        let units: [Character: Double] = ["m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        if let unit = text.last, let seconds = units[unit], let count = Int(text.dropLast()), count > 0 {
            return now.addingTimeInterval(Double(count) * seconds)
        }
        let parts = text.split(separator: "T", maxSplits: 1).map(String.init)
        guard let day = parts.first.flatMap(CivilDate.dayNumber) else { throw invalid(text) }
        var seconds = 86_400 - 60
        if parts.count == 2 {
            let clock = parts[1].split(separator: ":").compactMap { Int($0) }
            guard parts[1].count == 5, clock.count == 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else {
                throw invalid(text)
            }
            seconds = clock[0] * 3_600 + clock[1] * 60
        }
        let due = Date(timeIntervalSince1970: Double(day * 86_400 + seconds))
        guard due > now else {
            throw .invalidValue("the deadline \(text) has passed; give a later one")
        }
        return due
    }

    private static func invalid(_ text: String) -> DeskError {
        .invalidDeadline(text)
    }
}
