/// Where and which round an article's first sentence says its event was: the frame a news
/// article sets before its details (the inverted pyramid), which tells two rounds of the
/// same talks apart when the sentences compared do not.
///
/// "اختتمت في العاصمة الإيطالية روما، السبت، جولة ثانية" frames the second round, in
/// Rome; "بعد الجولة الأولى من المناقشات، يوم الجمعة 6 شباط/فبراير في عمان" the first.
/// Two claims from articles whose frames name different cities or different rounds
/// report different events, however alike their words.
public struct EventFrame: Sendable, Equatable {
    public var places: Set<String> = []
    /// Ordinals of rounds (الجولة الثانية is 2).
    public var rounds: Set<Int> = []

    public init(places: Set<String> = [], rounds: Set<Int> = []) {
        self.places = places
        self.rounds = rounds
    }

    /// The frame of an article: its first sentence's cities and round ordinals.
    public init(article: String) {
        let first = SentenceSegmenter.sentences(in: String(article.prefix(1_000))).first?.text ?? ""
        places = FactFeatures(text: first).places
        let stems = LightStemmer.terms(first)
        for (index, stem) in stems.enumerated() where Self.roundWords.contains(stem) {
            for neighbour in [index - 1, index + 1, index + 2] where stems.indices.contains(neighbour) {
                if let ordinal = Self.ordinals[stems[neighbour]] { rounds.insert(ordinal) }
            }
        }
    }

    /// Why two frames are different events, or nil when nothing in them disagrees.
    public func conflict(with other: EventFrame) -> String? {
        if !places.isEmpty, !other.places.isEmpty, places.isDisjoint(with: other.places) {
            return "articles about events in different places"
        }
        if !rounds.isEmpty, !other.rounds.isEmpty, rounds.isDisjoint(with: other.rounds) {
            return "articles about different rounds"
        }
        return nil
    }

    private static let roundWords: Set<String> = Set(["جولة", "الجولة", "جولتنا"].flatMap(LightStemmer.terms))
    private static let ordinals: [String: Int] = {
        var map: [String: Int] = [:]
        for (words, value) in [(["الأولى", "أولى", "الأول", "أول"], 1), (["الثانية", "ثانية", "الثاني", "ثاني"], 2),
                               (["الثالثة", "ثالثة", "الثالث", "ثالث"], 3), (["الرابعة", "رابعة"], 4), (["الخامسة", "خامسة"], 5)] {
            for word in words { for stem in LightStemmer.terms(word) { map[stem] = value } }
        }
        return map
    }()
}
