/// The words of Arabic news that tell a speaker's title from their name, and how a phrase
/// of both is written: `دميتري بيسكوف، المتحدث باسم الرئاسة الروسية` (the name, then the
/// role). Two speakers of one verb are kept apart with `؛ `.
enum SpeakerPhrase {
    /// What separates two speakers of one sentence (`المملكة العربية السعودية؛ إيران`).
    static let separator = "؛ "
    /// What separates a speaker's name from their role.
    static let roleSeparator = "، "

    /// Nouns that head a title (normalized): the spokesman, the minister, an official ...
    static let heads: WordSet = [
        "المتحدث", "متحدث", "الناطق", "ناطق", "رئيس", "الرئيس", "وزير", "وزيره", "مسؤول", "المسؤول", "مسؤولون",
        "مسؤولين", "دبلوماسي", "الدبلوماسي", "كبير", "اكبر", "المبعوث", "مبعوث", "منسق", "المنسق", "مستشار",
        "المستشار", "سفير", "السفير", "زعيم", "الزعيم", "المرشد", "الامين", "مدير", "المدير", "نائب", "قائد",
        "المندوب", "مندوب", "عضو", "ممثل", "رئيسه", "المسؤوله", "مسؤوله", "حليف", "الحليف", "وزاره",
    ]

    /// Adjectives that follow a title's head: كبير، رفيع، أمريكي ...
    static let adjectives: WordSet = [
        "كبير", "رفيع", "بارز", "سابق", "رفيعه", "كبيره", "خاص", "امريكي", "ايراني", "اسرائيلي", "روسي", "عماني",
        "سعودي", "اوروبي", "غربي", "عربي", "فرنسي", "بريطاني", "صيني", "مصري", "قطري", "اممي", "اخر",
    ]

    /// Words that belong to a title whatever follows: باسم، في، the word after them.
    static let joiners: WordSet = ["باسم", "في", "لدي"]

    /// Words after which a title goes on through a لل- word (التابعة للأمم المتحدة).
    static let affiliations: WordSet = ["التابعه", "التابع", "الدوليه", "الاعلي", "العليا", "الذريه"]

    /// Countries and capitals that may be a second speaker on their own (وإيران).
    static let countries: WordSet = [
        "ايران", "اسراييل", "روسيا", "الصين", "مصر", "قطر", "عمان", "السعوديه", "تركيا", "فرنسا", "بريطانيا",
        "المانيا", "واشنطن", "طهران", "موسكو", "اوروبا", "الاردن", "لبنان", "سوريا", "العراق", "الامارات",
    ]

    /// A city or a country, where a title may say its holder is (أكبر دبلوماسي في طهران).
    static func isPlace(_ key: String) -> Bool {
        countries.contains(key) || Gazetteer.cities.contains(key)
    }

    /// Whether a key is an adjective of a title: one of the list, or a plural of a nisba (إيرانيون).
    static func isAdjective(_ key: String) -> Bool {
        adjectives.contains(key) || key.hasSuffix("يون") || key.hasSuffix("يين")
    }

    /// Whether a word (its key, after `previous`) can be part of a person's name: no article,
    /// not a title's word, not the word after باسم or في.
    static func isNameWord(_ key: String, after previous: String?) -> Bool {
        if key.hasPrefix("ال") { return continuesName(key, after: previous) }
        return !key.hasPrefix("لل") && !heads.contains(key) && !isAdjective(key) && !joiners.contains(key)
            && !(previous.map(joiners.contains) ?? false) && key.unicodeScalars.count > 1
    }

    /// Parts of names that begin like an article: عبد اللهيان، أبو الغيط, and a family name
    /// after a given name (بدر البوسعيدي).
    static func continuesName(_ key: String, after previous: String?) -> Bool {
        guard let previous, !previous.hasPrefix("ال") || compounds.contains(previous) else { return false }
        if compounds.contains(previous) { return true }
        return key.hasSuffix("ي") && !isAdjective(String(key.dropFirst(2))) && isNameWord(previous, after: nil)
    }

    /// Words a name goes on from through an article: عبد الله، أبو الغيط، بن سلمان.
    static let compounds: WordSet = ["عبد", "ابو", "ابي", "بن", "ابن", "ال"]

    /// The phrase as a speaker: the trailing name of a title first (`name، title`), or as it is.
    static func written(_ words: [(token: String, key: String)]) -> String {
        guard let first = words.first, heads.contains(first.key), words.count >= 2 else {
            return words.map(\.token).joined(separator: " ")
        }
        var start = words.count
        while start > 1, isNameWord(words[start - 1].key, after: words[start - 2].key) { start -= 1 }
        guard start < words.count, start >= 1 else { return words.map(\.token).joined(separator: " ") }
        let name = words[start...].map(\.token).joined(separator: " ")
        let title = words[..<start].map(\.token).joined(separator: " ")
        return name + roleSeparator + title
    }
}

extension SpeakerPhrase {
    /// The person a title with no name stands for, when it follows them: `وصرح عراقجي ...`
    /// then `وأشار كبير الدبلوماسيين الإيرانيين ...` is عراقجي again, named by a title, as news
    /// varies its words. Only a definite title (كبير الدبلوماسيين، المسؤول الأمريكي) refers
    /// back, only to the previous sentence's speaker, and never across nationalities: an
    /// indefinite one (مسؤول أمريكي كبير) introduces someone else.
    static func backReference(_ speaker: String, after previous: String?) -> String {
        guard let previous, !speaker.contains(roleSeparator), !speaker.contains(separator), !previous.contains(separator) else {
            return speaker
        }
        let keys = speaker.split(separator: " ").map { Attribution.key(String($0)) }
        // Definite: its head has the article (المسؤول) or a definite word follows it (كبير الدبلوماسيين).
        guard let first = keys.first, heads.contains(first), first.hasPrefix("ال") || keys.count > 1 && keys[1].hasPrefix("ال"),
              keys.allSatisfy({ heads.contains($0) || isAdjective($0) || joiners.contains($0) || $0.hasPrefix("ال") })
        else { return speaker }
        let parts = previous.split(separator: roleSeparator, maxSplits: 1).map(String.init)
        guard let name = parts.first else { return speaker }
        let nameKeys = name.split(separator: " ").map { Attribution.key(String($0)) }
        guard let lead = nameKeys.first, !heads.contains(lead), !countries.contains(lead),
              Referents.kinds[String(lead.trimmingPrefix("ال"))] == nil,
              nameKeys.allSatisfy({ isNameWord($0, after: nil) || continuesName($0, after: nil) }) else { return speaker }
        let role = parts.count > 1 ? parts[1] : ""
        let (own, theirs) = (nationalities(speaker), nationalities(role))
        guard own.isEmpty || theirs.isEmpty || !own.isDisjoint(with: theirs) else { return speaker }
        return name + roleSeparator + speaker
    }

    /// The nationalities a title names, as their plain adjective: الإيرانية، الإيرانيين → ايراني.
    static func nationalities(_ title: String) -> Set<String> {
        var found: Set<String> = []
        for word in title.split(separator: " ") {
            var key = String(Attribution.key(String(word)).trimmingPrefix("ال"))
            for ending in ["يين", "يون"] where key.hasSuffix(ending) { key = String(key.dropLast(ending.count)) + "ي" }
            if key.hasSuffix("يه") { key = String(key.dropLast()) }
            // Of a title's adjectives, those of a country or region end in ي (كبير and سابق do not).
            if key.hasSuffix("ي"), adjectives.contains(key) { found.insert(key) }
        }
        return found
    }
}

/// The sites, agencies, newspapers, networks and spokesmen an article has named so far, so
/// that `وقال الموقع` names the site (`موقع أكسيوس الأمريكي`) and `وأضاف المتحدث` the
/// spokesman the article introduced.
struct Referents {
    /// The word that names each kind (normalized, without its article), and how the article refers back.
    static let kinds: [String: String] = [
        "موقع": "الموقع", "وكاله": "الوكاله", "صحيفه": "الصحيفه", "شبكه": "الشبكه", "قناه": "القناه",
        "متحدث": "المتحدث", "مجله": "المجله",
    ]

    /// The last letters of the kind words.
    private static let lastLetters = ScalarSet(kinds.keys.compactMap(\.unicodeScalars.last))

    private var named: [String: String] = [:]

    /// The speaker a back-reference stands for, or the speaker as found.
    func resolve(_ speaker: String) -> String {
        let key = Attribution.key(speaker)
        return named[key] ?? speaker
    }

    /// Learns the names of a sentence: `موقع “أكسيوس” الأمريكي`, `لشبكة CNN`,
    /// `متحدث باسم مجلس الأمن القومي في البيت الأبيض`, and the speaker found in it.
    mutating func learn(_ sentence: TokenizedSentence, speaker: String?) {
        let tokens = sentence.tokens, keys = sentence.keys
        var index = 0
        while index < keys.count {
            defer { index += 1 }
            guard let (kind, back) = kind(of: keys[index]), index + 1 < keys.count else { continue }
            var words = [Self.kindWord(tokens[index])]
            var next = index + 1
            let spokesman = kind == "متحدث"
            while next < keys.count, words.count < (spokesman ? 9 : 4) {
                let key = keys[next]
                if key.isEmpty || Attribution.stops.contains(key) && !(spokesman && key == "في") { break }
                if let lead = tokens[next].unicodeScalars.first, "-–—".unicodeScalars.contains(lead) { break }
                if words.count > 1, key.hasPrefix("ل") || key.hasPrefix("ب") && key != "باسم" { break }
                if spokesman && words.count == 1 && key != "باسم" { break }
                let ends = tokens[next].unicodeScalars.last.map(Attribution.clauseEnds.contains) ?? false
                words.append(Attribution.cleaned(tokens[next]))
                next += 1
                if ends || tokens[next - 1].unicodeScalars.last.map(Attribution.closingQuotes.contains) == true && !spokesman {
                    // A quoted name ends the phrase, but an adjective may follow it: موقع “أكسيوس” الأمريكي.
                    if !ends, next < keys.count, keys[next].hasPrefix("ال"), !Attribution.stops.contains(keys[next]) {
                        words.append(Attribution.cleaned(tokens[next]))
                    }
                    break
                }
            }
            if words.count > 1 { named[back] = words.joined(separator: " ") }
        }
        if let speaker, let first = speaker.split(separator: " ").first,
           let (_, back) = kind(of: Attribution.key(String(first))), speaker.split(separator: " ").count > 1 {
            named[back] = speaker
        }
    }

    /// A word's kind and its back-reference when it names a site, an agency, ...: with a
    /// preposition or و before it, or its article (المتحدث باسم ...).
    private func kind(of key: String) -> (String, String)? {
        // Every kind word ends in ع, ه or ث, as does each form tried below: most words are
        // turned away here, without making the three forms.
        guard let last = key.unicodeScalars.last, Self.lastLetters.contains(last) else { return nil }
        for candidate in [key, String(key.dropFirst()), String(key.dropFirst(2))] {
            let bare = candidate.hasPrefix("ال") ? String(candidate.dropFirst(2)) : candidate
            if let back = Self.kinds[bare], candidate == bare || bare == "متحدث" { return (bare, back) }
        }
        return nil
    }

    /// The kind word as it reads in a name: `لشبكة` as `شبكة`, `وكالة` kept.
    private static func kindWord(_ token: String) -> String {
        let cleaned = Attribution.cleaned(token)
        let key = Attribution.key(cleaned)
        for prefix in ["لل", "ل", "ب", "و"] where key.hasPrefix(prefix) && Referents.kinds[String(key.dropFirst(prefix.count))] != nil {
            return String(cleaned.unicodeScalars.dropFirst(prefix.count).map(Character.init))
        }
        return cleaned
    }
}
