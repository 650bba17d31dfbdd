import Foundation
import FactDeskKit

/// Writes Arabic news articles in the words of the sample articles, as many as asked.
///
/// The sample articles' sentences are read into a chain of which word follows which
/// (a first-order Markov chain over their whitespace tokens), and new sentences are walked
/// along it: the vocabulary, the verbs of attribution, the speakers, the punctuation and
/// the sentence lengths are those of real reporting, while the sentences themselves are
/// new. Numbers are redrawn, and places drawn from a large pool of made-up names with a
/// long tail, so that a desk has common words and rare ones like an archive does.
public struct ArticleComposer: Sendable {
    private var vocabulary: [String] = []
    /// For each token, the tokens that follow it in the samples; `-1` ends a sentence.
    private var followers: [[Int32]] = []
    private var starts: [Int32] = []

    static let outlets = [
        "CNN بالعربية", "الجزيرة نت", "بي بي سي عربي", "سكاي نيوز عربية", "العربية نت", "الشرق الأوسط",
        "فرانس 24", "روسيا اليوم", "الأناضول", "إرم نيوز", "الشرق", "النهار",
    ]
    static let syllables = ["كا", "را", "سي", "مو", "دا", "لي", "نو", "بر", "تا", "ها", "زي", "فا", "قو", "شا",
                            "جو", "ما", "ني", "عا", "رو", "سو", "خا", "طي", "غو", "ثا"]
    static let endings = ["ي", "ا", "ان", "ستان", "ية", "ون", "يل", "اد"]
    /// How many made-up place names there are to draw from.
    static let placeCount = 40_000

    /// A composer over the sample articles' texts.
    public init(samples: [String]) {
        var index: [String: Int32] = [:]
        func id(_ token: String) -> Int32 {
            if let known = index[token] { return known }
            let new = Int32(vocabulary.count)
            index[token] = new
            vocabulary.append(token)
            followers.append([])
            return new
        }
        for sample in samples {
            for sentence in SentenceSegmenter.sentences(in: sample) {
                let tokens = sentence.text.split(whereSeparator: \.isWhitespace).map { id(String($0)) }
                guard tokens.count >= 6, let first = tokens.first, let last = tokens.last else { continue }
                starts.append(first)
                for (token, next) in zip(tokens, tokens.dropFirst()) {
                    followers[Int(token)].append(next)
                }
                followers[Int(last)].append(-1)
            }
        }
    }

    /// Whether the samples gave anything to compose with.
    public var isEmpty: Bool { starts.isEmpty }

    /// A made-up place name; the same index always gives the same name.
    static func place(_ index: Int) -> String {
        var name = ""
        var rest = index
        for _ in 0..<3 {
            name += syllables[rest % syllables.count]
            rest /= syllables.count
        }
        return name + endings[rest % endings.count]
    }

    /// One new sentence, 8 to 45 tokens, ending as the samples' sentences end.
    public func sentence(_ rng: inout SplitMix64) -> String {
        while true {
            var tokens: [String] = []
            var current = rng.pick(starts)
            while tokens.count < 45 {
                tokens.append(redraw(vocabulary[Int(current)], &rng))
                let next = rng.pick(followers[Int(current)])
                if next < 0 { break }
                current = next
            }
            guard tokens.count >= 8 else { continue }
            if rng.chance(0.3) {
                tokens.insert(contentsOf: ["في", Self.place(rng.skewedIndex(Self.placeCount))], at: tokens.count - 1)
            }
            if let last = tokens.last, let end = last.unicodeScalars.last, !SentenceSegmenter.terminators.contains(end),
               !SentenceSegmenter.closers.contains(end) {
                tokens[tokens.count - 1] = last + "."
            }
            return tokens.joined(separator: " ")
        }
    }

    /// A token with its digits redrawn half of the time, so numbers vary like reporting's.
    private func redraw(_ token: String, _ rng: inout SplitMix64) -> String {
        guard token.unicodeScalars.contains(where: { ("0"..."9").contains($0) }), rng.chance(0.5) else { return token }
        let digits = token.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        let number = String(rng.skewedIndex(digits >= 4 ? 3_000 : 500) + 1)
        var replaced = ""
        var done = false
        for scalar in token.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                if !done { replaced += number; done = true }
            } else {
                replaced.unicodeScalars.append(scalar)
            }
        }
        return replaced
    }

    /// The article numbered `index`: a heading, then paragraphs of one to three sentences.
    public func article(_ index: Int, _ rng: inout SplitMix64) -> NewSource {
        let heading = sentence(&rng).split(separator: " ").prefix(Int.random(in: 5...9, using: &rng))
            .joined(separator: " ").trimmingCharacters(in: .punctuationCharacters)
        var paragraphs: [String] = [heading]
        var sentences = Int.random(in: 10...26, using: &rng)
        while sentences > 0 {
            let count = min(sentences, Int.random(in: 1...3, using: &rng))
            paragraphs.append((0..<count).map { _ in sentence(&rng) }.joined(separator: " "))
            sentences -= count
        }
        let outlet = rng.pick(Self.outlets)
        let day = index / 40
        return NewSource(
            body: paragraphs.joined(separator: "\n\n") + "\n", outlet: outlet,
            url: "https://news.example/\(Self.outlets.firstIndex(of: outlet) ?? 0)/\(index)", language: "ar",
            publishedOn: Self.date(daysAfter2024: day))
    }

    /// YYYY-MM-DD of the day `days` after 2024-01-01.
    static func date(daysAfter2024 days: Int) -> String {
        var year = 2024, rest = days
        while true {
            let length = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 366 : 365
            if rest < length { break }
            rest -= length
            year += 1
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let months = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var month = 0
        while rest >= months[month] { rest -= months[month]; month += 1 }
        return "\(year)-\(month < 9 ? "0" : "")\(month + 1)-\(rest < 9 ? "0" : "")\(rest + 1)"
    }
}
