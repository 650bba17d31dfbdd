/// Finds who said or reported a sentence, from the attribution verbs and phrases of
/// Arabic news: قال، صرح، أكد، أشار، أضاف، أوضح، أعلن، كشف، نفى، ذكر ... and
/// وفقا لـ، بحسب، نقلا عن.
///
/// The speaker is the phrase that follows the verb, up to the word that opens what was
/// said (إن، أن، بأن، :), a comma, or a preposition that starts a circumstance (لشبكة،
/// للصحفيين، خلال، في منشور). `وقال:` with no subject says the quotation belongs to the
/// speaker of the previous sentence.
public enum Attribution {
    /// What a sentence says about its source.
    public enum Finding: Sendable, Equatable {
        /// No attribution verb or phrase.
        case none
        /// A verb or phrase with its speaker, as the article words it.
        case speaker(String)
        /// A verb with no subject (`وقال:`): the previous sentence's speaker is speaking.
        case previousSpeaker

        /// The speaker named in the sentence itself, if any.
        public var name: String? {
            if case .speaker(let name) = self { return name }
            return nil
        }
    }

    /// Verbs of saying and reporting, normalized, in their masculine, feminine and plural forms.
    static let verbs: WordSet = {
        let stems = ["قال", "صرح", "اكد", "اشار", "اضاف", "اوضح", "اعلن", "كشف", "ذكر", "تابع",
                     "اعرب", "حذر", "زعم", "افاد", "اعتبر", "شدد", "لفت", "نقل", "المح", "حث", "رحب", "طالب", "اكد"]
        var forms = Set<String>()
        for stem in stems {
            forms.formUnion([stem, stem + "ت", stem + "وا"])
        }
        forms.formUnion(["نفي", "نفت", "نفوا", "قالت", "اضافت", "دعا", "دعت", "دعوا"])
        return WordSet(forms)
    }()

    /// Phrases that put the source after them: وفقا لـ، بحسب، حسب، نقلا عن.
    static let phrases: [[String]] = [["وفقا"], ["وفق"], ["بحسب"], ["حسب"], ["نقلا", "عن"]]

    /// Words that end the speaker's phrase and begin what was said or the circumstances.
    static let stops: WordSet = [
        "ان", "بان", "انه", "انها", "بانه", "بانها", "اننا", "انهم", "الي", "خلال", "يوم", "على", "عن",
        "ايضا", "اليوم", "امس", "ردا", "قائلا", "مضيفا", "مشيرا", "موضحا", "واصفا", "حيث", "بعد", "قبل", "عقب",
        "لقد", "ما", "لما", "هذا", "هذه", "الذي", "التي", "عبر", "امام", "مع", "من", "بعد",
        "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "صباح", "مساء",
    ]

    /// Words that may open a sentence before its subject: لكن أراغتشي قال ...
    static let particles: WordSet = ["لكن", "ولكن", "كما", "ثم", "بينما", "فيما", "اما", "ومع", "مع", "ذلك"]

    static let honorifics: WordSet = ["السيد", "السيده"]

    /// The source a sentence names, if any.
    public static func find(in sentence: String) -> Finding {
        find(in: TokenizedSentence(sentence))
    }

    /// The source a sentence already cut into tokens names, if any.
    static func find(in sentence: TokenizedSentence) -> Finding {
        let tokens = sentence.tokens, keys = sentence.keys
        // The verb opens the sentence, or follows the quotation it attributes (“...” قال).
        for (index, word) in keys.enumerated() where index < 12 || follows(quoteAt: index, tokens) {
            if verbs.contains(word) || verbs.contains(String(word.dropFirst())) && (word.hasPrefix("و") || word.hasPrefix("ف")) {
                if index > 0 && keys[index - 1] == "لما" { continue }
                let after = speaker(after: index + 1, tokens, keys, colon: tokens[index].hasSuffix(":"))
                if after == .previousSpeaker, let before = subject(before: index, tokens, keys) {
                    return .speaker(before)
                }
                return after
            }
            for phrase in phrases where matches(phrase, keys, at: index) {
                var next = index + phrase.count
                if next < keys.count, keys[next] == "ما" || keys[next] == "لما" { next += 2 }
                return speaker(after: next, tokens, keys, colon: false, strippingPreposition: true)
            }
        }
        // كما وصف المحادثات بأنها ...، مضيفًا أن ...: a sentence that goes on (كما) with a
        // verb and no subject, adding what was said, continues the previous speaker.
        if keys.first == "كما", keys.dropFirst(2).contains(where: participles.contains) {
            return .previousSpeaker
        }
        return .none
    }

    /// Participles of saying that add what the subject said: مضيفًا، مشيرًا، قائلًا ...
    static let participles: WordSet = ["مضيفا", "مشيرا", "قائلا", "موضحا", "مؤكدا", "واصفا", "معتبرا", "مشددا", "محذرا", "لافتا"]

    private static func follows(quoteAt index: Int, _ tokens: [String]) -> Bool {
        guard index > 0 else { return false }
        return tokens[index - 1].unicodeScalars.last.map(quoteMarks.contains) == true
            || tokens[index].unicodeScalars.first.map(quoteMarks.contains) == true
    }

    /// The subject written before the verb (لكن أراغتشي قال), one or two words after any particle.
    private static func subject(before verb: Int, _ tokens: [String], _ keys: [String]) -> String? {
        var start = 0
        while start < verb, particles.contains(keys[start]) || honorifics.contains(keys[start]) || keys[start].isEmpty {
            start += 1
        }
        guard start < verb, verb - start <= 2, !keys[start..<verb].contains(where: stops.contains) else { return nil }
        let words = tokens[start..<verb].map { $0.trimming(clauseMarks) }.filter { !$0.isEmpty }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static func speaker(after start: Int, _ tokens: [String], _ keys: [String], colon: Bool,
                                strippingPreposition: Bool = false) -> Finding {
        if colon || start >= tokens.count || tokens[start - 1].hasSuffix(":") { return .previousSpeaker }
        let first = keys[start]
        let opensQuote = tokens[start].unicodeScalars.first.map(openingQuotes.contains) ?? false
        if opensQuote || first == "في" || (!strippingPreposition && first.hasPrefix("ل") && !first.hasPrefix("لا")) {
            return .previousSpeaker
        }
        // Each speaker's words, with their keys; a second speaker joined by و starts another.
        var speakers: [[(token: String, key: String)]] = [[]]
        var index = start
        var total = 0
        func taking(_ token: String, _ key: String) {
            speakers[speakers.count - 1].append((cleaned(token), key))
            total += 1
        }
        while index < tokens.count, total < 10 {
            var token = tokens[index]
            var key = keys[index]
            var words: [(token: String, key: String)] { speakers[speakers.count - 1] }
            if words.isEmpty && honorifics.contains(key) { index += 1; continue }
            if stops.contains(key) || key.isEmpty { break }
            let previous = words.last?.key
            let titled = words.first.map { SpeakerPhrase.heads.contains($0.key) } ?? false
            if let previous, key.hasPrefix("ل") && !key.hasPrefix("لا") {
                // The International Atomic Energy Agency, affiliated to the United Nations: a لل- word
                // after التابعة or الدولية goes on with the name; any other opens a circumstance (لشبكة).
                guard key.hasPrefix("لل") && SpeakerPhrase.affiliations.contains(previous) else { break }
            }
            if !words.isEmpty && key == "في" {
                // أكبر دبلوماسي في طهران: a title may say where; elsewhere في opens a circumstance.
                guard index + 1 < keys.count, !stops.contains(keys[index + 1]),
                      nextIsDefinite(keys, index) || titled && SpeakerPhrase.isPlace(keys[index + 1]) else { break }
            }
            if !words.isEmpty, token.unicodeScalars.contains("\u{064B}") || key == "فقط" || key.hasPrefix("بال") {
                // أكد المسؤول الأمريكي اجتماعًا آخر: an accusative, فقط or بال- ends the speaker.
                break
            }
            if let previous, titled, words.count >= 2, SpeakerPhrase.isNameWord(previous, after: words.dropLast().last?.key),
               key.hasPrefix("ال") && !SpeakerPhrase.continuesName(key, after: previous)
                || (key.hasPrefix("بم") || key.hasPrefix("بت")) && key.unicodeScalars.count >= 5 {
                // وزير الخارجية الأمريكي ماركو روبيو الدول الأوروبية: after the name, the object
                // (or a circumstance: رحب ... دونالد ترامب بمضمون المحادثات).
                break
            }
            if !words.isEmpty, key.hasPrefix("و"), key.unicodeScalars.count > 3 {
                let rest = String(key.dropFirst())
                let country = SpeakerPhrase.countries.contains(rest)
                if country || rest.hasPrefix("ال") || SpeakerPhrase.heads.contains(rest) {
                    speakers.append([])
                    token = String(token.unicodeScalars.dropFirst().map(Character.init))
                    key = rest
                    if country {
                        // وإيران إعادة العلاقات: a country on its own, then the object.
                        taking(token, key)
                        break
                    }
                }
            }
            if words.isEmpty && strippingPreposition {
                token = stripPreposition(token)
            }
            let ends = token.unicodeScalars.last.map(clauseEnds.contains) ?? false
            if !cleaned(token).isEmpty { taking(token, key) }
            index += 1
            if ends {
                // المتحدث باسم الرئاسة الروسية، دميتري بيسكوف،: the name in apposition after the title.
                if let name = apposition(at: index, tokens, keys), SpeakerPhrase.heads.contains(speakers[speakers.count - 1].first?.key ?? "") {
                    for (token, key) in name { taking(token, key) }
                }
                break
            }
        }
        let written = speakers.filter { !$0.isEmpty }.map(SpeakerPhrase.written)
        if written.isEmpty { return .previousSpeaker }
        return .speaker(written.joined(separator: SpeakerPhrase.separator))
    }

    /// One to three name words after a title's comma, ending with a comma, a stop word or the
    /// sentence: `، دميتري بيسكوف،`.
    private static func apposition(at start: Int, _ tokens: [String], _ keys: [String]) -> [(String, String)]? {
        var name: [(String, String)] = []
        var index = start
        while index < tokens.count, name.count < 3 {
            let key = keys[index]
            if stops.contains(key) || key == "قائلا" { break }
            guard SpeakerPhrase.isNameWord(key, after: name.last?.1), !key.hasPrefix("ل"), !key.hasPrefix("و") else { return nil }
            name.append((tokens[index], key))
            index += 1
            if tokens[index - 1].unicodeScalars.last.map(clauseEnds.contains) == true { return name }
        }
        return name.isEmpty || (index < tokens.count && !stops.contains(keys[index]) && keys[index] != "قائلا") ? nil : name
    }

    /// A token as a speaker's word: without punctuation or quotation marks around it, Persian
    /// letters folded to Arabic (وکالة as وكالة).
    static func cleaned(_ token: String) -> String {
        String(String.UnicodeScalarView(token.trimming(speakerMarks).unicodeScalars.map(ArabicNormalizer.persianFolded)))
    }

    private static func nextIsDefinite(_ keys: [String], _ index: Int) -> Bool {
        index + 1 < keys.count && keys[index + 1].hasPrefix("ال")
    }

    /// `للمتحدث` becomes `المتحدث`, `لوكالة` becomes `وكالة`, `لـ` is dropped.
    private static func stripPreposition(_ token: String) -> String {
        if token.hasPrefix("لل") { return "ال" + token.dropFirst(2) }
        if token.hasPrefix("لـ") { return String(token.dropFirst(2)) }
        if token.hasPrefix("ل"), token.count > 3 { return String(token.dropFirst()) }
        return token
    }

    private static func matches(_ phrase: [String], _ keys: [String], at index: Int) -> Bool {
        guard index + phrase.count <= keys.count else { return false }
        for (offset, word) in phrase.enumerated() {
            let key = keys[index + offset]
            if key != word && !(key.hasPrefix("و") && String(key.dropFirst()) == word) { return false }
        }
        return true
    }

    /// Punctuation that ends a clause, trimmed from the words of a speaker's name.
    static let clauseMarks: ScalarSet = "،,:؛."
    /// Punctuation after which a speaker's name stops.
    static let clauseEnds: ScalarSet = "،,:؛"
    /// Punctuation and quotation marks trimmed from a token before it is matched.
    static let tokenMarks: ScalarSet = "،,:؛.\"“”«»()!؟?'"
    /// Quotation marks, trimmed from a speaker's words.
    static let quoteMarks: ScalarSet = "\"“”«»„"
    /// What is trimmed from a speaker's words: punctuation and quotation marks.
    static let speakerMarks = clauseMarks.union(quoteMarks)
    /// Marks that close a quoted name.
    static let closingQuotes: ScalarSet = "\"”»"
    /// Marks that open a quotation right after a verb (قال "...").
    static let openingQuotes: ScalarSet = "\"“”«„"

    /// A token reduced for matching: normalized, without punctuation around it.
    static func key(_ token: String) -> String {
        ArabicNormalizer.normalize(token).trimming(tokenMarks)
    }

    /// The sentence's tokens: its runs of non-white-space.
    ///
    /// A quotation mark glued to the next word after a word of its own ends one token and
    /// starts the next: `جدا“وأضاف` is `جدا“` and `وأضاف`, `دفاع”قال.` is `دفاع”` and `قال.`.
    static func tokens(_ sentence: String) -> [String] {
        var tokens: [String] = []
        let scalars = sentence.unicodeScalars
        let end = scalars.endIndex
        var index = scalars.startIndex
        while index < end {
            if ScalarClass.isWhitespace(scalars[index]) {
                index = scalars.index(after: index)
                continue
            }
            var start = index
            var letters = 0
            while index < end {
                let scalar = scalars[index]
                if ScalarClass.isWhitespace(scalar) { break }
                let next = scalars.index(after: index)
                if quoteMarks.contains(scalar), letters >= 2, next < end, ScalarClass.isAlphabetic(scalars[next]) {
                    tokens.append(String(scalars[start..<next]))
                    start = next
                    letters = 0
                } else if ScalarClass.isAlphabetic(scalar) {
                    letters += 1
                }
                index = next
            }
            tokens.append(String(scalars[start..<index]))
        }
        return tokens
    }
}

/// A sentence cut into its tokens and their keys once, for both that read its words: finding
/// its speaker, and learning the names the article introduces.
struct TokenizedSentence {
    let tokens: [String]
    let keys: [String]

    init(_ text: String) {
        tokens = Attribution.tokens(text)
        keys = tokens.map(Attribution.key)
    }
}

extension String {
    /// The string without any of these scalars at either end.
    func trimming(_ marks: ScalarSet) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              marks.contains(first) || marks.contains(last) else { return self }
        var slice = Substring(self).unicodeScalars
        while let first = slice.first, marks.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, marks.contains(last) { slice = slice.dropLast() }
        return String(scalars: slice)
    }
}
