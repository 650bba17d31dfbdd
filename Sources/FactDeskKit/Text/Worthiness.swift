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
        assess(sentence, words: ArabicNormalizer.words(sentence), speaker: speaker)
    }

    /// The worthiness of a sentence whose normalized words are already known.
    static func assess(_ sentence: String, words: [String], speaker: String?) -> Worthiness {
        var result = Worthiness()
        if let number = words.first(where: { $0.first?.isNumber == true })
            ?? words.lazy.compactMap({ form(of: $0, in: numberWords) }).first {
            result.add(3, "number: \(number)")
        } else if sentence.unicodeScalars.contains(where: { $0 == "%" || $0 == "\u{066A}" }) {
            result.add(3, "number: a percentage")
        }
        if let date = words.lazy.compactMap(DateNames.dateName).first
            ?? words.first(where: { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) && Int($0) != nil }) {
            result.add(2, "date: \(date)")
        }
        if sentence.unicodeScalars.contains(where: quotationMarks.contains) {
            result.add(1, "quotation")
        }
        if let speaker {
            result.add(2, "attribution: \(speaker)")
        }
        if let index = words.firstIndex(where: { form(of: $0, in: officialWords) != nil }) {
            let phrase = words[index..<min(words.count, index + 3)].joined(separator: " ")
            result.add(2, "official or body: \(phrase)")
        }
        return result
    }

    static let quotationMarks = ScalarSet(["\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "\u{201E}"])

    private mutating func add(_ points: Int, _ reason: String) {
        score += points
        reasons.append(reason)
    }

    /// A normalized word as written and without each leading conjunction (و ف), article
    /// or fused preposition (ال بال لل ب ل) it may carry, longest first. A lookup tries each,
    /// so فبراير stays فبراير while والمفاوضات also reads as مفاوضات.
    static func forms(_ word: String) -> [String] {
        let scalars = word.unicodeScalars
        let count = scalars.count
        var forms = [word]
        // Without an array of the word's scalars: this runs for every word of every claim.
        func strip(from start: String.UnicodeScalarView.Index, remaining: Int) {
            let rest = scalars[start...]
            for prefix in articles where remaining > prefix.count + 2 && rest.starts(with: prefix) {
                forms.append(String(rest.dropFirst(prefix.count)))
            }
        }
        strip(from: scalars.startIndex, remaining: count)
        if count > 3, let first = scalars.first, first == "و" || first == "ف" {
            let second = scalars.index(after: scalars.startIndex)
            forms.append(String(scalars[second...]))
            strip(from: second, remaining: count - 1)
        }
        return forms
    }

    private static let articles: [[Unicode.Scalar]] = ["بال", "وال", "لل", "ال", "ب", "ل"].map { Array($0.unicodeScalars) }

    /// The first form of a word that a set holds.
    static func form(of word: String, in set: WordSet) -> String? {
        forms(word).first(where: set.contains)
    }

    /// Number words, normalized and without the article: those with a value (أربع, مليون),
    /// plus plurals and fractions that also make a sentence quantitative.
    static let numberWords: WordSet = WordSet(NumberWords.values.words).union([
        "اثنين", "مئات", "الاف", "ملايين", "مليارات", "نصف", "ربع", "ثلث", "ضعف", "اضعاف",
    ])

    /// Titles of officials and names of bodies, normalized and without the article.
    static let officialWords: WordSet = [
        "وزير", "وزيره", "وزاره", "رئيس", "رئيسه", "رئاسه", "متحدث", "متحدثه", "مسؤول", "مسؤولون", "مسؤولين",
        "مبعوث", "سفير", "حكومه", "وكاله", "امم", "بيت", "كونغرس", "برلمان", "جيش", "مجلس", "منظمه",
        "استخبارات", "اداره", "دبلوماسيه", "دبلوماسي", "مفاوض", "مفاوضين", "منسق", "مدير", "ملك", "امير",
        "تلفزيون", "موقع", "وكالات", "خارجيه",
    ]
}
