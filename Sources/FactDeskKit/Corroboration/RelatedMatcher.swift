/// How strongly two claims report the same fact, and why.
public struct Relatedness: Sendable, Equatable {
    /// From 0 (nothing in common) to 1 (the same fact).
    public var score: Double
    public var reasons: [String]

    /// The score from which a match counts as strong: shown by `claim show`, used by `clusters`.
    public static let strong = 0.4
    /// The lowest score `related` lists.
    public static let shown = 0.15
}

/// Scores two claims from different sources as reports of the same fact.
///
/// What they share raises the score: the same quantity (4 ساعات = أربع ساعات), the same
/// numbers, the same people and places, the same content words. What sets them apart lowers
/// it, so that the same words about a different event do not match strongly: different
/// months, weekdays or cities, and publication dates weeks apart.
public enum RelatedMatcher {
    public static func compare(_ a: FactFeatures, _ b: FactFeatures,
                               publishedA: String? = nil, publishedB: String? = nil) -> Relatedness {
        var score = 0.0
        var reasons: [String] = []
        let quantities = a.quantities.intersection(b.quantities)
        if !quantities.isEmpty {
            score += 0.45
            reasons.append("same quantity: " + quantities.sorted().joined(separator: ", "))
        }
        let counted = Set(quantities.compactMap { $0.split(separator: " ").first.map(String.init) })
        let numbers = a.numbers.intersection(b.numbers).subtracting(counted)
        if !numbers.isEmpty {
            score += min(0.4, 0.2 * Double(numbers.count))
            reasons.append("shared numbers: " + numbers.sorted().joined(separator: ", "))
        }
        let entities = a.entities.intersection(b.entities)
        if !entities.isEmpty {
            score += min(0.3, 0.15 * Double(entities.count))
            reasons.append("shared entities: " + entities.sorted().joined(separator: ", "))
        }
        let places = a.places.intersection(b.places)
        if !places.isEmpty {
            score += min(0.2, 0.1 * Double(places.count))
            reasons.append("same place: " + places.sorted().joined(separator: ", "))
        }
        let terms = a.terms.intersection(b.terms)
        if !terms.isEmpty, !a.terms.isEmpty || !b.terms.isEmpty {
            score += 0.6 * 2 * Double(terms.count) / Double(a.terms.count + b.terms.count)
            reasons.append("shared terms: " + terms.sorted().prefix(6).joined(separator: "، "))
        }
        if !a.months.isDisjoint(with: b.months) { score += 0.1 }
        if !a.weekdays.isDisjoint(with: b.weekdays) { score += 0.1 }
        score = min(1, score)
        for (conflict, factor, reason) in conflicts(a, b, publishedA, publishedB) where conflict {
            score *= factor
            reasons.append(reason)
        }
        return Relatedness(score: (score * 100).rounded() / 100, reasons: reasons)
    }

    private static func conflicts(_ a: FactFeatures, _ b: FactFeatures, _ publishedA: String?,
                                  _ publishedB: String?) -> [(Bool, Double, String)] {
        let days = daysBetween(publishedA, publishedB)
        return [
            (disjoint(a.months, b.months), 0.3, "different months"),
            (disjoint(a.weekdays, b.weekdays), 0.5, "different weekdays"),
            (disjoint(a.places, b.places), 0.6, "different places"),
            ((days ?? 0) > 14, 0.5, "published \(days ?? 0) days apart"),
        ]
    }

    private static func disjoint<T>(_ a: Set<T>, _ b: Set<T>) -> Bool {
        !a.isEmpty && !b.isEmpty && a.isDisjoint(with: b)
    }

    /// Days between two YYYY-MM-DD dates, or nil when either is unknown.
    static func daysBetween(_ a: String?, _ b: String?) -> Int? {
        guard let a = a.flatMap(CivilDate.dayNumber), let b = b.flatMap(CivilDate.dayNumber) else { return nil }
        return abs(a - b)
    }
}
