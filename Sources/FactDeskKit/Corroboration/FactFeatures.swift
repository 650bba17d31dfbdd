/// What a claim says that can be compared across outlets: its numbers (digits or words),
/// the quantities they count, its dates, places and named people, and its content words.
///
/// Everything is normalized so that the same fact written differently compares equal:
/// أربع, 4 and ٤ are the number 4; أبريل and نيسان are month 4; عراقجي and أراغتشي are one
/// person once an alias says so.
public struct FactFeatures: Sendable, Equatable {
    /// Content word stems, without function words (a ``WordPairs`` group's word as its group).
    public var terms: Set<WordKey> = []
    /// Numbers, as canonical decimal strings ("4", "2.5", "2015").
    public var numbers: Set<String> = []
    /// A number with the word it counts: "4 ساع".
    public var quantities: Set<String> = []
    /// Months, 1 to 12.
    public var months: Set<Int> = []
    /// Weekdays, 0 (Sunday) to 6 (Saturday).
    public var weekdays: Set<Int> = []
    /// Cities, normalized.
    public var places: Set<String> = []
    /// Named people and bodies, as the desk's alias table names them.
    public var entities: Set<String> = []
    /// The terms that may be names, with their consonant skeletons.
    var names: [NameSpelling.Form] = []
    /// The name words of whoever the claim quotes, with their skeletons.
    var speakers: [NameSpelling.Form] = []

    /// The features of a claim's text, with names resolved through the desk's aliases.
    public init(text: String, aliases: AliasTable = AliasTable()) {
        self.init(parsing: text, aliases: aliases)
        names = NameSpelling.forms(terms)
    }

    /// Everything but ``names``, which depend on all the terms.
    private init(parsing text: String, aliases: AliasTable) {
        let words = ArabicNormalizer.words(text)
        let stems = words.map(LightStemmer.stem)
        var skipNext = false
        for (index, word) in words.enumerated() {
            if skipNext { skipNext = false; continue }
            // Each lookup below tries the word without its article and clitics: work them out once.
            let forms = Worthiness.forms(word)
            let next = index + 1 < words.count ? words[index + 1] : nil
            // Most words are none of the below: one lookup per form says so.
            if !Self.isNumber(word), !forms.contains(where: Self.special.contains), DateNames.weekday(word) == nil {
                if let term = Self.term(stems[index]) { terms.insert(term) }
            } else if let month = DateNames.month(forms: forms, next: next,
                                                  previousIsNumber: index > 0 && Self.isNumber(words[index - 1])) {
                months.insert(month.value)
                skipNext = month.usedNext
            } else if let weekday = DateNames.weekday(word) {
                weekdays.insert(weekday)
            } else if let number = Self.number(word, forms: forms) {
                numbers.insert(number)
                if let next, Self.number(next) == nil { quantities.insert(number + " " + stems[index + 1]) }
            } else if let city = forms.first(where: Gazetteer.cities.contains) {
                places.insert(city)
            } else if let term = Self.term(stems[index]) {
                terms.insert(term)
            }
        }
        entities = aliases.entities(in: stems)
    }

    /// A stem as a content term: its word group's, or nil for a function word or a single letter.
    private static func term(_ stem: String) -> WordKey? {
        stem.unicodeScalars.count > 1 && !Stopwords.stems.contains(stem) ? WordKey(WordPairs.concept(stem)) : nil
    }

    /// Every form of a word that names a month, a number or a city: the words that are not plain terms.
    static let special: WordSet = WordSet(DateNames.months.words + DateNames.paired.words + ["اب", "اثنين"]
                                          + NumberWords.values.words + Gazetteer.cities.words)

    /// The features of a claim: its text's, and the names of those it quotes. Who said it is
    /// part of the fact ("وقال: هناك تقدم" is Araghchi's progress when the article says so).
    public init(claim: Claim, aliases: AliasTable = AliasTable()) {
        self.init(parsing: claim.text, aliases: aliases)
        defer { names = NameSpelling.forms(terms) }
        guard let speaker = claim.speaker, !speaker.isEmpty else { return }
        let speakers = speaker.split(separator: "؛").map { SpeakerIndex.split(String($0)).name }
        let named = FactFeatures(parsing: speakers.joined(separator: " "), aliases: aliases)
        self.speakers = NameSpelling.forms(named.terms)
        terms.formUnion(named.terms)
        entities.formUnion(named.entities)
    }

    /// A canonical number for digits or a number word, or nil.
    static func number(_ word: String) -> String? {
        number(word, forms: nil)
    }

    /// ``number(_:)`` for a word whose ``Worthiness/forms(_:)`` are known.
    static func number(_ word: String, forms: [String]?) -> String? {
        if isNumber(word) {
            var digits = Substring(word)
            while digits.utf8.count > 1, digits.utf8.first == UInt8(ascii: "0"), digits.utf8.dropFirst().first != UInt8(ascii: ".") {
                digits = digits.dropFirst()
            }
            return String(digits)
        }
        return (forms ?? Worthiness.forms(word)).lazy.compactMap(NumberWords.value).first.map(String.init)
    }

    /// Whether a normalized word is a number in digits (4, 2015, 2.5).
    static func isNumber(_ word: String) -> Bool {
        guard let first = word.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return word.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") }
    }
}

/// The values of Arabic number words, normalized and without the article.
enum NumberWords {
    static let values: WordMap<Int> = [
        "واحد": 1, "واحده": 1, "اثنان": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4,
        "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8,
        "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30,
        "اربعون": 40, "اربعين": 40, "خمسون": 50, "خمسين": 50, "مئه": 100, "مائه": 100, "الف": 1000,
        "مليون": 1_000_000, "مليار": 1_000_000_000,
    ]

    /// The value of a number word; "اثنين" counts as 2 only without the article (الاثنين is Monday).
    static func value(of word: String) -> Int? {
        word == "اثنين" ? 2 : values[word]
    }
}

/// Month and weekday names in the spellings of both calendars.
enum DateNames {
    static let months: WordMap<Int> = [
        "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "اغسطس": 8,
        "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
        "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "ايلول": 9,
    ]
    /// Levantine months named with a second word: كانون الثاني is January.
    static let paired: WordMap<WordMap<Int>> = [
        "كانون": ["ثاني": 1, "اول": 12],
        "تشرين": ["اول": 10, "ثاني": 11],
    ]
    static let weekdays: WordMap<Int> = [
        "الاحد": 0, "الاثنين": 1, "الثلاثاء": 2, "الاربعاء": 3, "الخميس": 4, "الجمعه": 5, "السبت": 6,
    ]

    /// The month a normalized word names, in any of its forms; a Levantine month also
    /// reads the next word (كانون الثاني), and آب counts only after a day number.
    static func month(_ word: String, next: String?, previousIsNumber: Bool) -> (value: Int, usedNext: Bool)? {
        month(forms: Worthiness.forms(word), next: next, previousIsNumber: previousIsNumber)
    }

    /// ``month(_:next:previousIsNumber:)`` for a word whose forms are known.
    static func month(forms: [String], next: String?, previousIsNumber: Bool) -> (value: Int, usedNext: Bool)? {
        for form in forms {
            if let month = months[form] { return (month, false) }
            if previousIsNumber, form.utf8.elementsEqual("اب".utf8) { return (8, false) }
            if let pairs = paired[form], let next,
               let month = Worthiness.forms(next).lazy.compactMap({ pairs[$0] }).first {
                return (month, true)
            }
        }
        return nil
    }

    /// The weekday a word names; only with the article (يوم السبت), since bare أحد is "one of".
    static func weekday(_ word: String) -> Int? {
        let scalars = word.unicodeScalars
        if scalars.count > 4, let first = scalars.first, first == "و" || first == "ب" {
            return weekdays[String(scalars: scalars.dropFirst())]
        }
        return weekdays[word]
    }

    /// A month or weekday name in a normalized word, for check-worthiness.
    static func dateName(_ word: String) -> String? {
        if weekday(word) != nil { return word }
        return Worthiness.forms(word).first { months[$0] != nil || paired[$0] != nil }
    }
}

/// Cities that tell one round of talks from another. عمان is left out: in this news it is
/// far more often the country, Oman, than the city, Amman; so are طهران and واشنطن, which
/// mostly stand for the two governments (a word group of ``WordPairs``), not for a venue.
enum Gazetteer {
    static let cities: WordSet = [
        "روما", "مسقط", "باريس", "موسكو", "فيينا", "جنيف", "دوحه", "بغداد", "بيروت",
        "قاهره", "رياض", "لندن", "برلين", "نيويورك", "بكين", "انقره", "اسطنبول", "دمشق",
    ]
}

/// Function words that say nothing about which fact a sentence reports.
enum Stopwords {
    static let stems: WordSet = WordSet([
        "في", "من", "علي", "الي", "عن", "ان", "انه", "انها", "بان", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك",
        "تلك", "مع", "بين", "كان", "كانت", "قد", "لقد", "لم", "لن", "لا", "ما", "او", "ثم", "حيث", "منذ", "خلال",
        "بعد", "قبل", "عند", "كما", "ايضا", "حول", "يوم", "وقد", "فقد", "الا", "اذا", "لكن", "لكنها", "لكنه",
        "هو", "هي", "هم", "نحن", "انا", "كل", "بعض", "غير", "عبر", "لدي", "لدى", "اي", "قال", "صرح", "اكد",
        "اشار", "اضاف", "اعلن", "ذكر", "وفقا", "بحسب", "حسب", "و", "ب", "ل", "ف",
        // More words that report rather than say: the fact is in what follows them.
        "اوضح", "افاد", "تابع", "لفت", "وصف", "واصفا", "مضيفا", "مشيرا", "مشيره", "قائلا", "قائله", "مصرحا",
        "اعرب", "نقل", "قالت", "اكدت", "بشان", "بان", "بانه", "بانها", "الي", "الى", "هناك", "حتي", "الان",
        "فقط", "قرابه", "حوالي", "نحو", "زهاء", "ايضا", "نفس", "جميع", "عده", "لقد",
    ].map { LightStemmer.stem(ArabicNormalizer.normalize($0)) })
}
