/// A claim found in an article by ``ClaimExtractor``, before it is stored.
public struct ExtractedClaim: Sendable, Equatable {
    /// The claim's span in the article, in Unicode scalars.
    public var range: Range<Int>
    public var text: String
    public var speaker: String?
    public var worthiness: Worthiness
}

/// Pulls the check-worthy sentences out of a news article, with their speakers and scores.
///
/// Every sentence is a candidate except those that are not statements: headings (a short
/// line with no final punctuation, like `البحث عن تفاهم`), share and comment boilerplate,
/// bare questions, and fragments too short to check. A fragment that only names a speaker
/// (`وأكد السيد عراقتشي.`) gives that speaker to the quotation before it.
public enum ClaimExtractor {
    /// The fewest words a claim has.
    static let minimumWords = 4
    /// The most words a heading has.
    static let headingWords = 12

    static let boilerplate: WordSet = [
        "شارك", "شاركوا", "مشاركه", "تعليق", "تعليقات", "التعليقات", "اقرا", "للمزيد", "تابعونا", "تابعنا",
        "اشترك", "share", "comments", "comment", "subscribe", "advertisement", "اعلان", "الاعلان", "المزيد",
    ]

    /// The claims of an article, in the order they appear.
    public static func claims(in text: String) -> [ExtractedClaim] {
        let sentences = SentenceSegmenter.sentences(in: text)
        let perLine = Dictionary(grouping: sentences, by: \.line).mapValues(\.count)
        var claims: [ExtractedClaim] = []
        var lastSpeaker: String?
        var referents = Referents()
        for sentence in sentences {
            let words = ArabicNormalizer.words(sentence.text)
            var speaker: String?
            // Only a sentence that names its speaker can be nothing but that name (وأكد السيد عراقتشي.).
            var named = false
            let tokenized = TokenizedSentence(sentence.text)
            let finding = Attribution.find(in: tokenized)
            switch finding {
            case .none: speaker = nil
            case .speaker(let name):
                speaker = SpeakerPhrase.backReference(referents.resolve(name), after: lastSpeaker)
                named = true
            case .previousSpeaker: speaker = lastSpeaker
            }
            referents.learn(tokenized, speaker: speaker)
            // `وقال:` refers to the sentence just before, never further back.
            lastSpeaker = speaker
            if words.count < minimumWords || named && isBareAttribution(sentence.text, words: words, speaker: speaker) {
                if let speaker, let last = claims.indices.last, claims[last].speaker == nil {
                    claims[last].speaker = speaker
                    claims[last].worthiness = Worthiness.assess(claims[last].text, speaker: speaker)
                }
                continue
            }
            if isHeading(sentence, words: words, sentencesOnLine: perLine[sentence.line] ?? 1, finding: finding)
                || isBoilerplate(words) || isQuestion(sentence) {
                continue
            }
            claims.append(ExtractedClaim(
                range: sentence.range, text: sentence.text, speaker: speaker,
                worthiness: Worthiness.assess(sentence.text, words: words, speaker: speaker)))
        }
        return claims
    }

    static func isHeading(_ sentence: Sentence, words: [String], sentencesOnLine: Int, finding: Attribution.Finding) -> Bool {
        sentence.terminator == nil && sentencesOnLine == 1 && words.count <= headingWords
            && !sentence.text.hasSuffix(":") && finding == .none
    }

    static func isBoilerplate(_ words: [String]) -> Bool {
        words.count <= 8 && words.contains { boilerplate.contains($0) }
    }

    static func isQuestion(_ sentence: Sentence) -> Bool {
        sentence.terminator == "?" || sentence.terminator == "؟"
    }

    /// Whether the sentence is nothing but a verb of saying and who said it (وأكد السيد عراقتشي.).
    static func isBareAttribution(_ text: String, words: [String], speaker: String?) -> Bool {
        guard let speaker, words.count <= ArabicNormalizer.words(speaker).count + 2,
              let first = text.split(whereSeparator: \.isWhitespace).first else { return false }
        let key = Attribution.key(String(first))
        return Attribution.verbs.contains(key) || Attribution.verbs.contains(String(key.dropFirst()))
    }
}
