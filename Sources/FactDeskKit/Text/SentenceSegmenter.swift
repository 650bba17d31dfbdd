/// A sentence of an article: where it stands (in Unicode scalars) and its words.
public struct Sentence: Sendable, Equatable {
    /// The sentence's span in the article, without surrounding white space.
    public var range: Range<Int>
    public var text: String
    /// The line (paragraph) the sentence stands on, counting from 0.
    public var line: Int
    /// The punctuation that ends it, or nil when the line ends without any.
    public var terminator: Character?
}

/// Splits Arabic (and English) news text into sentences, keeping each one's exact span.
///
/// A sentence ends at `.` `!` `?` `؟` `۔` or a line break. It does not end at `،` or `؛`,
/// at a point inside a number (2.5, while ٢٫٥ uses the Arabic decimal separator), at a
/// point inside an abbreviation (U.S.), or inside a quotation, so a quotation of several
/// sentences stays one. Quotation marks are “…”, «…», „…“ and "…", and the mismatched pairs
/// real articles contain (” … “, “ … »): a curly or straight mark opens a quotation when
/// none is open and closes the open one otherwise, and » also closes one opened by “. A line break always ends the sentence and any quotation,
/// so one unbalanced mark cannot swallow the rest of the article.
public enum SentenceSegmenter {
    public static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "\u{061F}", "\u{06D4}"]
    public static let closers: Set<Unicode.Scalar> = ["\"", "\u{201D}", "\u{00BB}", "\u{2019}", ")", "]"]

    /// The sentences of a text, in order.
    public static func sentences(in text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        var sentences: [Sentence] = []
        var start = 0
        var line = 0
        var quote = QuoteState()
        var index = 0
        func emit(_ end: Int, terminator: Character?) {
            if let sentence = makeSentence(scalars, start..<end, line: line, terminator: terminator) {
                sentences.append(sentence)
            }
            start = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" {
                emit(index, terminator: nil)
                start = index + 1
                if scalar == "\n" || scalar == "\u{2029}" { line += 1 }
                quote = QuoteState()
            } else if quote.take(scalar) {
                // a quotation mark, now counted
            } else if !quote.isOpen, terminators.contains(scalar), endsSentence(scalars, at: index) {
                var end = index + 1
                while end < scalars.count, terminators.contains(scalars[end]) || closers.contains(scalars[end]) {
                    end += 1
                }
                emit(end, terminator: Character(scalar))
                index = end
                continue
            }
            index += 1
        }
        emit(scalars.count, terminator: nil)
        return sentences
    }

    /// Whether the punctuation at this index ends a sentence (a point inside 2.5 or U.S. does not).
    static func endsSentence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard scalars[index] == "." else { return true }
        let before = index > 0 ? scalars[index - 1] : " "
        let after = index + 1 < scalars.count ? scalars[index + 1] : " "
        if before.properties.numericType != nil && after.properties.numericType != nil { return false }
        if before.isASCII && before.properties.isAlphabetic && after.isASCII && after.properties.isAlphabetic { return false }
        // The last point of an abbreviation such as U.S. or U.N.
        if before.isASCII && before.properties.isUppercase && index >= 2 && scalars[index - 2] == "." { return false }
        return true
    }

    private static func makeSentence(_ scalars: [Unicode.Scalar], _ range: Range<Int>, line: Int,
                                     terminator: Character?) -> Sentence? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
        while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
        guard lower < upper else { return nil }
        return Sentence(range: lower..<upper, text: String(scalars: scalars[lower..<upper]), line: line,
                        terminator: terminator)
    }

    /// Which quotations are open.
    struct QuoteState {
        var open: Unicode.Scalar?
        var guillemets = 0

        var isOpen: Bool { open != nil || guillemets > 0 }

        /// Counts a quotation mark; false when the scalar is not one.
        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "\u{00AB}":  // «
                guillemets += 1
            case "\u{00BB}":  // »
                if guillemets > 0 { guillemets -= 1 } else if open != nil { open = nil }
            case "\u{201C}", "\u{201D}", "\u{201E}", "\"":  // “ ” „ "
                open = open == nil ? scalar : nil
            default:
                return false
            }
            return true
        }
    }
}
