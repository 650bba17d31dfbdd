/// How check-worthy a sentence is, and why.
///
/// A claim is worth checking when it can be checked and matters: it states a number or
/// a date, quotes someone, is attributed to a source, or names an official or a body.
/// Each signal adds to the score and leaves a reason the desk can read.
public struct Worthiness: Sendable, Equatable {
    public var score: Int
    public var reasons: [String]

    public init(score: Int = 0, reasons: [String] = []) {
        self.score = score
        self.reasons = reasons
    }

    /// The worthiness of a sentence, given the speaker attribution found for it.
    public static func assess(_ sentence: String, speaker: String?) -> Worthiness {
        var result = Worthiness()
        let words = ArabicNormalizer.words(sentence)
        let bare = words.map(unprefixed)
        if let number = words.first(where: { $0.first?.isNumber == true }) ?? bare.first(where: numberWords.contains) {
            result.add(3, "number: \(number)")
        } else if sentence.contains("%") || sentence.contains("٪") {
            result.add(3, "number: a percentage")
        }
        if let date = bare.first(where: { dateWords.contains($0) })
            ?? words.first(where: { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) && Int($0) != nil }) {
            result.add(2, "date: \(date)")
        }
        if sentence.contains(where: { "\"“”«»„".contains($0) }) {
            result.add(1, "quotation")
        }
        if let speaker {
            result.add(2, "attribution: \(speaker)")
        }
        if let index = bare.firstIndex(where: { officialWords.contains($0) }) {
            let phrase = words[index..<min(words.count, index + 3)].joined(separator: " ")
            result.add(2, "official or body: \(phrase)")
        }
        return result
    }

    private mutating func add(_ points: Int, _ reason: String) {
        score += points
        reasons.append(reason)
    }

    /// A normalized word without a leading conjunction, preposition or article.
    static func unprefixed(_ word: String) -> String {
        var word = Substring(word)
        for prefix in ["و", "ف"] where word.count > 3 && word.hasPrefix(prefix) { word = word.dropFirst() }
        for prefix in ["بال", "لل", "ال", "ب", "ل"] where word.count > prefix.count + 2 && word.hasPrefix(prefix) {
            word = word.dropFirst(prefix.count)
            break
        }
        return String(word)
    }

    /// Number words, normalized and without the article: أربع، ثلاثة، مليون ...
    static let numberWords: Set<String> = [
        "واحد", "اثنان", "اثنين", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه", "ست", "سته", "سبع", "سبعه",
        "ثماني", "ثمانيه", "تسع", "تسعه", "عشر", "عشره", "عشرون", "عشرين", "ثلاثين", "اربعين", "خمسين",
        "مئه", "مائه", "مئات", "الف", "الاف", "مليون", "ملايين", "مليار", "مليارات", "نصف", "ربع", "ثلث",
        "ضعف", "اضعاف",
    ]

    /// Weekdays and month names in both calendars' spellings, normalized and without the article.
    static let dateWords: Set<String> = [
        "سبت", "احد", "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه",
        "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
        "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
    ]

    /// Titles of officials and names of bodies, normalized and without the article.
    static let officialWords: Set<String> = [
        "وزير", "وزيره", "وزاره", "رئيس", "رئيسه", "رئاسه", "متحدث", "متحدثه", "مسؤول", "مسؤولون", "مسؤولين",
        "مبعوث", "سفير", "حكومه", "وكاله", "امم", "بيت", "كونغرس", "برلمان", "جيش", "مجلس", "منظمه",
        "استخبارات", "اداره", "دبلوماسيه", "دبلوماسي", "مفاوض", "مفاوضين", "منسق", "مدير", "ملك", "امير",
        "تلفزيون", "موقع", "وكالات", "خارجيه",
    ]
}
