import Foundation
import Testing
@testable import FactDeskKit

// MARK: - Plural categories

/// The CLDR plural rule for Arabic, written apart from the source: the last two decimal digits
/// are read from the number's text, and the rule's ranges are spelt out as sets.
///
/// CLDR `ar`: zero `n = 0`; one `n = 1`; two `n = 2`; few `n % 100 = 3..10`;
/// many `n % 100 = 11..99`; other everything else.
enum CLDRArabicRule {
    static let fewEndings: Set<Int> = [3, 4, 5, 6, 7, 8, 9, 10]
    static let manyEndings: Set<Int> = Set(Array(11...99))

    /// The category CLDR gives a whole number of 0 or more.
    static func category(of number: Int) -> PluralCategory {
        if number == 0 { return .zero }
        if number == 1 { return .one }
        if number == 2 { return .two }
        let ending = Int(String(String(number).suffix(2))) ?? -1
        if fewEndings.contains(ending) { return .few }
        if manyEndings.contains(ending) { return .many }
        return .other
    }
}

@Suite struct PluralCategoryTests {
    static let numbers = Array(0...200) + [1000, 1001, 1002, 1003, 1011, 1100, 100_000, 1_000_000]

    @Test(arguments: numbers)
    func anArabicNumberTakesTheCategoryTheCLDRRuleGivesIt(number: Int) {
        #expect(PluralCategory.of(number, in: .ar) == CLDRArabicRule.category(of: number))
    }

    @Test(arguments: [
        (0, PluralCategory.zero), (1, .one), (2, .two),
        (3, .few), (10, .few), (103, .few), (110, .few), (1003, .few),
        (11, .many), (26, .many), (99, .many), (111, .many), (1011, .many),
        (100, .other), (101, .other), (102, .other), (200, .other), (1000, .other), (1001, .other),
        (1002, .other), (100_000, .other),
    ])
    func theCLDRExamplesForArabicFallInTheirNamedCategories(number: Int, category: PluralCategory) {
        #expect(PluralCategory.of(number, in: .ar) == category)
    }

    @Test(arguments: [(1, PluralCategory.one), (0, .other), (2, .other), (11, .other)])
    func englishHasOneForOneAndOtherForTheRest(number: Int, category: PluralCategory) {
        #expect(PluralCategory.of(number, in: .en) == category)
    }
}

// MARK: - Counted strings

@Suite struct CountedTimeStringTests {
    /// How Arabic counts a unit after قبل or بعد: one and two are words of their own, 3–10
    /// take the plural, 11–99 the singular (accusative where it shows), 100 and 0 the singular.
    struct ArabicUnit: Sendable, CustomTestStringConvertible {
        var key: String
        var preposition: String
        var one: String
        var two: String
        var plural: String
        var tamyiz: String
        var singular: String

        var testDescription: String { key }

        /// The text a count must give, by Arabic grammar.
        func expected(_ n: Int) -> String {
            switch n {
            case 1: "\(preposition) \(one)"
            case 2: "\(preposition) \(two)"
            case 3...10: "\(preposition) \(n) \(plural)"
            case 11...99: "\(preposition) \(n) \(tamyiz)"
            default: "\(preposition) \(n) \(singular)"
            }
        }
    }

    static let units: [ArabicUnit] = [
        ArabicUnit(key: "time_minutes_ago", preposition: "قبل", one: "دقيقة", two: "دقيقتين", plural: "دقائق",
                   tamyiz: "دقيقة", singular: "دقيقة"),
        ArabicUnit(key: "time_hours_ago", preposition: "قبل", one: "ساعة", two: "ساعتين", plural: "ساعات",
                   tamyiz: "ساعة", singular: "ساعة"),
        ArabicUnit(key: "time_days_ago", preposition: "قبل", one: "يوم", two: "يومين", plural: "أيام",
                   tamyiz: "يومًا", singular: "يوم"),
        ArabicUnit(key: "time_in_minutes", preposition: "بعد", one: "دقيقة", two: "دقيقتين", plural: "دقائق",
                   tamyiz: "دقيقة", singular: "دقيقة"),
        ArabicUnit(key: "time_in_hours", preposition: "بعد", one: "ساعة", two: "ساعتين", plural: "ساعات",
                   tamyiz: "ساعة", singular: "ساعة"),
        ArabicUnit(key: "time_in_days", preposition: "بعد", one: "يوم", two: "يومين", plural: "أيام",
                   tamyiz: "يومًا", singular: "يوم"),
    ]

    @Test(arguments: units, [1, 2, 3, 11, 100])
    func anArabicRelativeTimeTakesTheFormItsCountNeeds(unit: ArabicUnit, n: Int) {
        #expect(Localizer(.ar).count(unit.key, n) == unit.expected(n))
    }

    @Test(arguments: units)
    func anArabicCountOfZeroWritesItsDigitBeforeTheSingular(unit: ArabicUnit) {
        let text = Localizer(.ar).count(unit.key, 0)
        #expect(text.hasPrefix(unit.preposition + " 0 ") && text.hasSuffix(unit.singular))
    }

    @Test func anArabicCountIsWrittenInTheReadersDigits() {
        #expect(Localizer(.ar, digits: .eastern).count("time_hours_ago", 3) == "قبل ٣ ساعات")
        #expect(Localizer(.ar, digits: .eastern).count("time_days_ago", 100) == "قبل ١٠٠ يوم")
    }

    @Test func everyKeyOfTheTimePartIsInBothLanguagesWithTheFormsEachNeeds() {
        func counted(_ part: [String: String]) -> [String: Set<String>] {
            part.keys.reduce(into: [:]) { result, key in
                let pieces = key.split(separator: "#", maxSplits: 1).map(String.init)
                result[pieces[0], default: []].formUnion(pieces.count == 2 ? [pieces[1]] : [])
            }
        }
        let english = counted(EnglishCatalog.time), arabic = counted(ArabicCatalog.time)
        #expect(Set(english.keys) == Set(arabic.keys))
        for (key, forms) in english where !forms.isEmpty || !(arabic[key] ?? []).isEmpty {
            #expect(forms == ["one", "other"], "\(key) in English")
            #expect(arabic[key] == ["zero", "one", "two", "few", "many", "other"], "\(key) in Arabic")
        }
        #expect(english["time_minutes_ago"] != nil && english["month_egyptian_12"] != nil)
    }
}

// MARK: - Dates

@Suite struct DeskDateTests {
    static let levantine = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                            "تشرين الأول", "تشرين الثاني", "كانون الأول"]
    static let egyptian = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                           "نوفمبر", "ديسمبر"]
    static let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]

    /// A time from its ISO 8601 text, read by Foundation rather than by the desk.
    static func time(_ iso: String) throws -> Date {
        try Date(iso, strategy: .iso8601)
    }

    @Test(arguments: Array(1...12))
    func everyMonthHasItsNameInEachStyle(month: Int) throws {
        let date = try Self.time(String(format: "2026-%02d-15T12:00:00Z", month))
        let index = month - 1
        #expect(Localizer(.en).date(date) == "15 \(Self.english[index]) 2026")
        #expect(Localizer(.en, months: .egyptian).date(date) == "15 \(Self.english[index]) 2026")
        #expect(Localizer(.ar, months: .levantine).date(date) == "15 \(Self.levantine[index]) 2026")
        #expect(Localizer(.ar, months: .egyptian).date(date) == "15 \(Self.egyptian[index]) 2026")
    }

    @Test(arguments: [
        (InterfaceLanguage.en, MonthNames.levantine, DigitStyle.western, "4 December 2026", "4 December 2026, 14:05 UTC"),
        (.en, .levantine, .eastern, "٤ December ٢٠٢٦", "٤ December ٢٠٢٦, ١٤:٠٥ UTC"),
        (.ar, .levantine, .western, "4 كانون الأول 2026", "4 كانون الأول 2026، 14:05 UTC"),
        (.ar, .egyptian, .western, "4 ديسمبر 2026", "4 ديسمبر 2026، 14:05 UTC"),
        (.ar, .levantine, .eastern, "٤ كانون الأول ٢٠٢٦", "٤ كانون الأول ٢٠٢٦، ١٤:٠٥ UTC"),
        (.ar, .egyptian, .eastern, "٤ ديسمبر ٢٠٢٦", "٤ ديسمبر ٢٠٢٦، ١٤:٠٥ UTC"),
    ])
    func aDateIsWrittenInTheReadersLanguageMonthsAndDigits(
        language: InterfaceLanguage, months: MonthNames, digits: DigitStyle, day: String, withTime: String
    ) throws {
        let localizer = Localizer(language, digits: digits, months: months)
        let date = try Self.time("2026-12-04T14:05:59Z")
        #expect(localizer.date(date) == day)
        #expect(localizer.dateTime(date) == withTime)
    }

    @Test func theHourAndMinuteKeepTheirLeadingZeros() throws {
        let date = try Self.time("2027-01-09T03:07:00Z")
        #expect(Localizer(.en).dateTime(date) == "9 January 2027, 03:07 UTC")
        #expect(Localizer(.ar, digits: .eastern).dateTime(date) == "٩ كانون الثاني ٢٠٢٧، ٠٣:٠٧ UTC")
    }

    @Test func theDayIsTheOneInUTC() throws {
        #expect(Localizer(.en).date(try Self.time("2026-12-31T23:59:59Z")) == "31 December 2026")
        #expect(Localizer(.en).date(try Self.time("2027-01-01T00:00:00Z")) == "1 January 2027")
    }
}

// MARK: - Relative times

@Suite struct RelativeTimeTests {
    static let minute = 60.0, hour = 3600.0, day = 86_400.0

    /// Seconds before now, and what English and Arabic readers see.
    static let past: [(seconds: Double, english: String, arabic: String)] = [
        (0, "just now", "الآن"),
        (59, "just now", "الآن"),
        (60, "1 minute ago", "قبل دقيقة"),
        (2 * minute, "2 minutes ago", "قبل دقيقتين"),
        (3 * minute + 30, "3 minutes ago", "قبل 3 دقائق"),
        (59 * minute + 59, "59 minutes ago", "قبل 59 دقيقة"),
        (60 * minute, "1 hour ago", "قبل ساعة"),
        (2 * hour, "2 hours ago", "قبل ساعتين"),
        (3 * hour, "3 hours ago", "قبل 3 ساعات"),
        (23 * hour + 59 * minute, "23 hours ago", "قبل 23 ساعة"),
        (24 * hour, "1 day ago", "قبل يوم"),
        (2 * day, "2 days ago", "قبل يومين"),
        (5 * day, "5 days ago", "قبل 5 أيام"),
        (29 * day + 23 * hour, "29 days ago", "قبل 29 يومًا"),
        (30 * day, "4 November 2026", "4 تشرين الثاني 2026"),
        (400 * day, "30 October 2025", "30 تشرين الأول 2025"),
    ]

    /// Seconds after now (a due date), and what English and Arabic readers see.
    static let future: [(seconds: Double, english: String, arabic: String)] = [
        (59, "in a moment", "بعد لحظات"),
        (60, "in 1 minute", "بعد دقيقة"),
        (2 * minute, "in 2 minutes", "بعد دقيقتين"),
        (59 * minute, "in 59 minutes", "بعد 59 دقيقة"),
        (60 * minute, "in 1 hour", "بعد ساعة"),
        (3 * hour, "in 3 hours", "بعد 3 ساعات"),
        (23 * hour, "in 23 hours", "بعد 23 ساعة"),
        (24 * hour, "in 1 day", "بعد يوم"),
        (2 * day, "in 2 days", "بعد يومين"),
        (29 * day, "in 29 days", "بعد 29 يومًا"),
        (30 * day, "3 January 2027", "3 كانون الثاني 2027"),
    ]

    static func now() throws -> Date { try Date("2026-12-04T14:05:00Z", strategy: .iso8601) }

    @Test(arguments: past.indices)
    func aPastTimeReadsAsHowLongAgoUntilThirtyDaysThenAsItsDate(index: Int) throws {
        let (seconds, english, arabic) = Self.past[index]
        let now = try Self.now()
        let then = now.addingTimeInterval(-seconds)
        #expect(Localizer(.en).relative(then, now: now) == english)
        #expect(Localizer(.ar).relative(then, now: now) == arabic)
    }

    @Test(arguments: future.indices)
    func aFutureTimeReadsAsHowSoonUntilThirtyDaysThenAsItsDate(index: Int) throws {
        let (seconds, english, arabic) = Self.future[index]
        let now = try Self.now()
        let then = now.addingTimeInterval(seconds)
        #expect(Localizer(.en).relative(then, now: now) == english)
        #expect(Localizer(.ar).relative(then, now: now) == arabic)
    }

    @Test func aRelativeTimeIsInTheReadersDigitsAndMonths() throws {
        let now = try Self.now()
        #expect(Localizer(.ar, digits: .eastern).relative(now.addingTimeInterval(-3 * Self.hour), now: now) == "قبل ٣ ساعات")
        #expect(Localizer(.ar, digits: .eastern).relative(now.addingTimeInterval(11 * Self.day), now: now) == "بعد ١١ يومًا")
        #expect(Localizer(.ar, months: .egyptian).relative(now.addingTimeInterval(-30 * Self.day), now: now) == "4 نوفمبر 2026")
    }

    @Test func aTimeElementCarriesTheISOTimeTheExactTimeAsItsTitleAndTheRelativeTimeAsItsText() throws {
        let now = try Self.now()
        let then = now.addingTimeInterval(-3 * Self.hour)
        #expect(Localizer(.en).timeHTML(then, now: now)
                == #"<time datetime="2026-12-04T11:05:00Z" title="4 December 2026, 11:05 UTC">3 hours ago</time>"#)
        #expect(Localizer(.ar, digits: .eastern).timeHTML(then, now: now)
                == #"<time datetime="2026-12-04T11:05:00Z" title="٤ كانون الأول ٢٠٢٦، ١١:٠٥ UTC">قبل ٣ ساعات</time>"#)
    }

    @Test func theTimeElementEscapesItsTitleAndText() {
        let element = Localizer.timeElement(datetime: "2026-12-04T11:05:00Z", title: #"a "quoted" <b>title</b> & more"#,
                                            text: "<script>alert('x')</script>")
        #expect(element == "<time datetime=\"2026-12-04T11:05:00Z\" title=\"a &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; more\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</time>")
    }
}

// MARK: - Digits and the reader's language

@Suite struct InterfaceLanguageTests {
    @Test func easternDigitsReplaceEveryWesternDigitAndNothingElse() {
        #expect(DigitStyle.eastern.apply("claim 12, 2026") == "claim ١٢, ٢٠٢٦")
        #expect(DigitStyle.eastern.apply("0123456789") == "٠١٢٣٤٥٦٧٨٩")
        #expect(DigitStyle.eastern.apply("ادعاء ٧ و 8") == "ادعاء ٧ و ٨")
    }

    @Test(arguments: ["claim 12, 2026", "ادعاء ٧", ""])
    func westernDigitsLeaveTextAsItIs(text: String) {
        #expect(DigitStyle.western.apply(text) == text)
    }

    @Test(arguments: [
        ("ar-EG,ar;q=0.9,en;q=0.8", InterfaceLanguage.ar),
        ("en-US,en;q=0.9,ar;q=0.8", .en),
        ("fr-FR, ar;q=0.5", .ar),
        ("fr", .en),
        ("", .en),
        ("ar;q=0", .en),
        ("en;q=0.2, ar;q=0.7", .ar),
    ])
    func theReadersLanguageIsTheOneTheirBrowserPrefersMost(header: String, language: InterfaceLanguage) {
        #expect(InterfaceLanguage.preferred(acceptLanguage: header) == language)
    }

    @Test func noHeaderMeansEnglish() {
        #expect(InterfaceLanguage.preferred(acceptLanguage: nil) == .en)
    }

    @Test func anOversizedHeaderMeansEnglish() {
        let header = String(repeating: "ar-EG;q=0.9,", count: 417) + "ar-SA"
        #expect(header.utf8.count > 4_990)
        #expect(InterfaceLanguage.preferred(acceptLanguage: header) == .en)
    }
}
