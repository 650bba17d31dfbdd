import Foundation

// MARK: - Dates and relative times

extension Localizer {
    /// A day as the reader reads it: "4 December 2026", "4 كانون الأول 2026" or "4 ديسمبر 2026".
    ///
    /// The day is the Gregorian one in UTC, the desk's time everywhere; the month's name is the
    /// desk's style (``MonthNames``) and the digits the reader's. The order of the parts is the
    /// catalog's `date_format`, so that a language may put them in its own order.
    public func date(_ date: Date) -> String {
        let parts = DeskClock.parts(of: date)
        return text("date_format", ["day": number(parts.day), "month": monthName(parts.month), "year": number(parts.year)])
    }

    /// A day and its minute in UTC: "4 December 2026, 14:05 UTC", "4 كانون الأول 2026، 14:05 UTC".
    public func dateTime(_ date: Date) -> String {
        let parts = DeskClock.parts(of: date)
        let time = digitsOf(DeskClock.twoDigits(parts.hour) + ":" + DeskClock.twoDigits(parts.minute))
        return text("date_time_format", ["date": self.date(date), "time": time])
    }

    /// How long ago `date` was, or how long until it comes, from `now`: "just now",
    /// "3 hours ago", "in 2 days", "قبل دقيقتين"; the date itself once it is 30 days or more away.
    ///
    /// Whole minutes under an hour, whole hours under a day, whole days under 30, each a
    /// counted string of the catalog so that Arabic takes its six forms and the digits are the reader's.
    public func relative(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let past = seconds >= 0
        let minutes = seconds.isFinite ? Int(min(seconds.magnitude, 1e15) / 60) : Int(1e13)
        if minutes < 1 { return text(past ? "time_just_now" : "time_in_a_moment") }
        if minutes < 60 { return count(past ? "time_minutes_ago" : "time_in_minutes", minutes) }
        let hours = minutes / 60
        if hours < 24 { return count(past ? "time_hours_ago" : "time_in_hours", hours) }
        let days = hours / 24
        if days < 30 { return count(past ? "time_days_ago" : "time_in_days", days) }
        return self.date(date)
    }

    /// A `<time>` element for a page: the relative time as its text, the exact time in UTC
    /// as its title (shown on hover), and the ISO 8601 time in `datetime` for machines.
    public func timeHTML(_ date: Date, now: Date) -> String {
        Self.timeElement(datetime: DeskClock.iso8601(date), title: dateTime(date), text: relative(date, now: now))
    }

    /// A `<time>` element with its title and text escaped: the one place the element is written.
    static func timeElement(datetime: String, title: String, text: String) -> String {
        "<time datetime=\"" + HTMLText.escaped(datetime) + "\" title=\"" + HTMLText.escaped(title) + "\">"
            + HTMLText.escaped(text) + "</time>"
    }

    /// The name of a month (1 for January) in the desk's month style.
    private func monthName(_ month: Int) -> String {
        text("month_\(months.rawValue)_\(month)")
    }
}

/// The desk's clock: the Gregorian calendar in UTC, whatever the machine's zone.
enum DeskClock {
    /// The Gregorian calendar in UTC.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
        return calendar
    }()

    /// The year, month, day, hour, minute and second of a time in UTC.
    static func parts(of date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// A time as `2026-12-04T14:05:00Z`, to the second, in Western digits whatever the reader's.
    static func iso8601(_ date: Date) -> String {
        let parts = parts(of: date)
        let year = String(parts.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + twoDigits(parts.month) + "-"
            + twoDigits(parts.day) + "T" + twoDigits(parts.hour) + ":" + twoDigits(parts.minute) + ":"
            + twoDigits(parts.second) + "Z"
    }

    /// A number from 0 to 99 in two Western digits: `05`.
    static func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0" + String(value) : String(value)
    }
}
