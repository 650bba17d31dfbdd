extension EnglishCatalog {
    /// The English strings of the time part: dates, times of day, and how long ago or how soon.
    ///
    /// English has one set of month names; it stands under both of the desk's month styles,
    /// so that every key of the Arabic part is here too.
    static let time: [String: String] = [
        "date_format": "{day} {month} {year}",
        "date_time_format": "{date}, {time} UTC",

        "time_just_now": "just now",
        "time_in_a_moment": "in a moment",
        "time_minutes_ago#one": "{n} minute ago",
        "time_minutes_ago#other": "{n} minutes ago",
        "time_hours_ago#one": "{n} hour ago",
        "time_hours_ago#other": "{n} hours ago",
        "time_days_ago#one": "{n} day ago",
        "time_days_ago#other": "{n} days ago",
        "time_in_minutes#one": "in {n} minute",
        "time_in_minutes#other": "in {n} minutes",
        "time_in_hours#one": "in {n} hour",
        "time_in_hours#other": "in {n} hours",
        "time_in_days#one": "in {n} day",
        "time_in_days#other": "in {n} days",

        "month_levantine_1": "January",
        "month_levantine_2": "February",
        "month_levantine_3": "March",
        "month_levantine_4": "April",
        "month_levantine_5": "May",
        "month_levantine_6": "June",
        "month_levantine_7": "July",
        "month_levantine_8": "August",
        "month_levantine_9": "September",
        "month_levantine_10": "October",
        "month_levantine_11": "November",
        "month_levantine_12": "December",

        "month_egyptian_1": "January",
        "month_egyptian_2": "February",
        "month_egyptian_3": "March",
        "month_egyptian_4": "April",
        "month_egyptian_5": "May",
        "month_egyptian_6": "June",
        "month_egyptian_7": "July",
        "month_egyptian_8": "August",
        "month_egyptian_9": "September",
        "month_egyptian_10": "October",
        "month_egyptian_11": "November",
        "month_egyptian_12": "December",
    ]
}
