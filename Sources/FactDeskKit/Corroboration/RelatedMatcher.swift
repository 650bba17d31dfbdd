/// How strongly two claims report the same fact, and why.
public struct Relatedness: Sendable, Equatable {
    /// From 0 (nothing in common) to 1 (the same fact).
    public var score: Double
    public var reasons: [String]

    /// The score from which a match counts as strong: shown by `claim show`, used by `clusters`.
    public static let strong = 0.4
    /// The lowest score `related` lists: a paraphrase sharing a few rare words scores about
    /// this, and a list that leaves it out misses most reports of the same fact in other words.
    public static let shown = 0.1
}

/// Scores two claims from different sources as reports of the same fact.
///
/// The heart of the score is how much of their content the two claims share, each term
/// weighted by how rare it is on the desk (a search engine's inverse document frequency:
/// a name or a rare word says more than إيران). Terms are compared after ``WordPairs``
/// (تخصيب = إثراء), and names that differ only in transliteration (ستيف / ستيفن,
/// عراقجي / أراغتشي) count nearly as the same name. What they share precisely raises it
/// further: the same quantity (4 ساعات = أربع ساعات), the same numbers, the same people
/// and places. What sets them apart lowers it, so that the same words about a different
/// event do not match strongly: different months, weekdays or cities, and publication
/// dates weeks apart.
public enum RelatedMatcher {
    /// How much a term says, from 0: the same for every term unless the desk's frequencies are known.
    public typealias Weight = (WordKey) -> Double

    public static func compare(_ a: FactFeatures, _ b: FactFeatures,
                               publishedA: String? = nil, publishedB: String? = nil,
                               frames: (EventFrame, EventFrame)? = nil,
                               weight: Weight = { _ in 1 }) -> Relatedness {
        compare(a, b, days: (publishedA.flatMap(CivilDate.dayNumber), publishedB.flatMap(CivilDate.dayNumber)),
                frames: frames, weight: weight)
    }

    /// ``compare(_:_:publishedA:publishedB:frames:weight:)`` with the publication dates as
    /// day numbers, for callers that compare the claims of a few sources many times.
    static func compare(_ a: FactFeatures, _ b: FactFeatures, days: (Int?, Int?),
                        frames: (EventFrame, EventFrame)?, weight: Weight) -> Relatedness {
        var score = 0.0
        var reasons: [String] = []
        let quantities = a.quantities.intersection(b.quantities)
        if !quantities.isEmpty {
            score += 0.3
            reasons.append("same quantity: " + quantities.sorted().joined(separator: ", "))
        }
        let counted = Set(quantities.compactMap { $0.split(separator: " ").first.map(String.init) })
        let numbers = a.numbers.intersection(b.numbers).subtracting(counted)
        if !numbers.isEmpty {
            score += min(0.3, 0.15 * Double(numbers.count))
            reasons.append("shared numbers: " + numbers.sorted().joined(separator: ", "))
        }
        let entities = a.entities.intersection(b.entities)
        if !entities.isEmpty {
            score += min(0.3, 0.15 * Double(entities.count))
            reasons.append("shared entities: " + entities.sorted().joined(separator: ", "))
        }
        let places = a.places.intersection(b.places)
        if !places.isEmpty {
            score += min(0.1, 0.05 * Double(places.count))
            reasons.append("same place: " + places.sorted().joined(separator: ", "))
        }
        // The same person quoted, however each outlet spells the name: who said it is part of
        // the fact. An alias that names them both has counted them already, as a shared entity.
        if entities.isEmpty, let same = a.speakers.first(where: { form in b.speakers.contains { NameSpelling.alike(form, $0) { true } } }) {
            score += 0.1
            reasons.append("same speaker: " + same.term.text)
        }
        let content = sharedContent(a.terms, b.terms, names: (a.names, b.names), weight: weight)
        score += 0.8 * content.share
        if !content.shared.isEmpty {
            reasons.append("shared terms: " + content.shared.prefix(6).joined(separator: "، "))
        }
        if !content.alike.isEmpty {
            reasons.append("names alike: " + content.alike.prefix(3).joined(separator: "، "))
        }
        // A month says more than a weekday, which every week repeats.
        if !a.months.isDisjoint(with: b.months) { score += 0.1 }
        if !a.weekdays.isDisjoint(with: b.weekdays) { score += 0.03 }
        score = min(1, score)
        for (factor, reason) in conflicts(a, b, days) {
            score *= factor
            reasons.append(reason)
        }
        if let frames, let reason = frames.0.conflict(with: frames.1) {
            score *= 0.25
            reasons.append(reason)
        }
        return Relatedness(score: (score * 100).rounded() / 100, reasons: reasons)
    }

    /// How much of two claims' weighted terms they share, from 0 to 1 (a cosine of their
    /// term sets), with the terms shared (rarest first) and the names alike.
    static func sharedContent(_ a: Set<WordKey>, _ b: Set<WordKey>, weight: Weight)
        -> (share: Double, shared: [String], alike: [String]) {
        sharedContent(a, b, names: (NameSpelling.forms(a), NameSpelling.forms(b)), weight: weight)
    }

    /// ``sharedContent(_:_:weight:)`` with the terms' name forms worked out.
    static func sharedContent(_ a: Set<WordKey>, _ b: Set<WordKey>, names: ([NameSpelling.Form], [NameSpelling.Form]),
                              weight: Weight) -> (share: Double, shared: [String], alike: [String]) {
        guard !a.isEmpty, !b.isEmpty else { return (0, [], []) }
        var totalA = 0.0, totalB = 0.0, heaviest = 0.0
        for term in a { let w = weight(term); totalA += w; heaviest = max(heaviest, w) }
        for term in b { let w = weight(term); totalB += w; heaviest = max(heaviest, w) }
        guard totalA > 0, totalB > 0 else { return (0, [], []) }
        let exact = a.intersection(b)
        var matched = exact.reduce(0) { $0 + weight($1) }
        var alike: [String] = []
        // Names written differently: the same consonants, or one name the other's start (ستيف, ستيفن).
        // A spelling counts as rare when it weighs at least 80% of the rarest term's weight.
        let rare = 0.8 * heaviest
        var unmatched = names.1.filter { !exact.contains($0.term) }
        for form in names.0 where !exact.contains(form.term) {
            let term = form.term
            guard let index = unmatched.firstIndex(where: { other in
                NameSpelling.alike(form, other) { min(weight(term), weight(other.term)) >= rare }
            }) else { continue }
            let other = unmatched.remove(at: index).term
            matched += 0.8 * min(weight(term), weight(other))
            alike.append(term.text + " ~ " + other.text)
        }
        let weighed: [(term: WordKey, weight: Double)] = exact.map { ($0, weight($0)) }
        let shared = weighed.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            .map { WordPairs.isGroup($0.term.text) ? String($0.term.text.dropFirst()) : $0.term.text }
        return (min(1, matched / (totalA * totalB).squareRoot()), shared, alike)
    }

    private static func conflicts(_ a: FactFeatures, _ b: FactFeatures, _ published: (Int?, Int?))
        -> [(factor: Double, reason: String)] {
        var found: [(factor: Double, reason: String)] = []
        if disjoint(a.months, b.months) { found.append((0.3, "different months")) }
        if disjoint(a.weekdays, b.weekdays) { found.append((0.7, "different weekdays")) }
        if disjoint(a.places, b.places) { found.append((0.6, "different places")) }
        if let dayA = published.0, let dayB = published.1, abs(dayA - dayB) > 14 {
            let days = abs(dayA - dayB)
            found.append((0.5, "published \(days) days apart"))
        }
        return found
    }

    private static func disjoint<T>(_ a: Set<T>, _ b: Set<T>) -> Bool {
        !a.isEmpty && !b.isEmpty && a.isDisjoint(with: b)
    }
}
