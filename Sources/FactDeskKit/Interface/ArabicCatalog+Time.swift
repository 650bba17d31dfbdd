extension ArabicCatalog {
    /// The Arabic strings of the time part: dates, times of day, and how long ago or how soon.
    ///
    /// Counted strings give all six CLDR forms: one and two are words of their own (قبل دقيقة،
    /// قبل دقيقتين), 3–10 take the plural (دقائق), 11–99 the singular in the accusative (دقيقة،
    /// يومًا), and 100, 200, 1000... the singular (دقيقة، يوم). The zero form is never shown
    /// by a relative time but is given, as every counted string gives it.
    static let time: [String: String] = [
        "date_format": "{day} {month} {year}",
        "date_time_format": "{date}، {time} UTC",

        "time_just_now": "الآن",
        "time_in_a_moment": "بعد لحظات",

        "time_minutes_ago#zero": "قبل {n} دقيقة",
        "time_minutes_ago#one": "قبل دقيقة",
        "time_minutes_ago#two": "قبل دقيقتين",
        "time_minutes_ago#few": "قبل {n} دقائق",
        "time_minutes_ago#many": "قبل {n} دقيقة",
        "time_minutes_ago#other": "قبل {n} دقيقة",

        "time_hours_ago#zero": "قبل {n} ساعة",
        "time_hours_ago#one": "قبل ساعة",
        "time_hours_ago#two": "قبل ساعتين",
        "time_hours_ago#few": "قبل {n} ساعات",
        "time_hours_ago#many": "قبل {n} ساعة",
        "time_hours_ago#other": "قبل {n} ساعة",

        "time_days_ago#zero": "قبل {n} يوم",
        "time_days_ago#one": "قبل يوم",
        "time_days_ago#two": "قبل يومين",
        "time_days_ago#few": "قبل {n} أيام",
        "time_days_ago#many": "قبل {n} يومًا",
        "time_days_ago#other": "قبل {n} يوم",

        "time_in_minutes#zero": "بعد {n} دقيقة",
        "time_in_minutes#one": "بعد دقيقة",
        "time_in_minutes#two": "بعد دقيقتين",
        "time_in_minutes#few": "بعد {n} دقائق",
        "time_in_minutes#many": "بعد {n} دقيقة",
        "time_in_minutes#other": "بعد {n} دقيقة",

        "time_in_hours#zero": "بعد {n} ساعة",
        "time_in_hours#one": "بعد ساعة",
        "time_in_hours#two": "بعد ساعتين",
        "time_in_hours#few": "بعد {n} ساعات",
        "time_in_hours#many": "بعد {n} ساعة",
        "time_in_hours#other": "بعد {n} ساعة",

        "time_in_days#zero": "بعد {n} يوم",
        "time_in_days#one": "بعد يوم",
        "time_in_days#two": "بعد يومين",
        "time_in_days#few": "بعد {n} أيام",
        "time_in_days#many": "بعد {n} يومًا",
        "time_in_days#other": "بعد {n} يوم",

        "month_levantine_1": "كانون الثاني",
        "month_levantine_2": "شباط",
        "month_levantine_3": "آذار",
        "month_levantine_4": "نيسان",
        "month_levantine_5": "أيار",
        "month_levantine_6": "حزيران",
        "month_levantine_7": "تموز",
        "month_levantine_8": "آب",
        "month_levantine_9": "أيلول",
        "month_levantine_10": "تشرين الأول",
        "month_levantine_11": "تشرين الثاني",
        "month_levantine_12": "كانون الأول",

        "month_egyptian_1": "يناير",
        "month_egyptian_2": "فبراير",
        "month_egyptian_3": "مارس",
        "month_egyptian_4": "أبريل",
        "month_egyptian_5": "مايو",
        "month_egyptian_6": "يونيو",
        "month_egyptian_7": "يوليو",
        "month_egyptian_8": "أغسطس",
        "month_egyptian_9": "سبتمبر",
        "month_egyptian_10": "أكتوبر",
        "month_egyptian_11": "نوفمبر",
        "month_egyptian_12": "ديسمبر",
    ]
}
