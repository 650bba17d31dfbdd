/// Locating a claim in its source's text, in offsets of Unicode scalars.
///
/// Offsets count Unicode scalars (code points) so that they are the same in every
/// language that reads the export: `text[start:end]` in Python, the scalar view in Swift.
/// Matching is exact, scalar for scalar: a claim is the reporter's words, harakat and all.
public enum TextSpan {
    /// The first place the words occur in the text, if they do.
    public static func locate(_ words: String, in text: String) -> Range<Int>? {
        let needle = Array(words.unicodeScalars)
        let haystack = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first && haystack[start..<start + needle.count].elementsEqual(needle) {
                return start..<start + needle.count
            }
            start += 1
        }
        return nil
    }

    /// The slice of text at a scalar range.
    public static func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    private static func string(_ part: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: part)
        return String(view)
    }

    /// The paragraph around a span (the text between the line breaks on either side), split
    /// like ``context(of:in:limit:)``, each side trimmed to at most `limit` scalars.
    public static func paragraph(
        of range: Range<Int>, in text: String, limit: Int = 1_500
    ) -> (before: String, span: String, after: String) {
        let scalars = Array(text.unicodeScalars)
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        var start = lower
        while start > 0, lower - start < limit, scalars[start - 1] != "\n" { start -= 1 }
        var end = upper
        while end < scalars.count, end - upper < limit, scalars[end] != "\n" { end += 1 }
        return (string(scalars[start..<lower]), string(scalars[lower..<upper]), string(scalars[upper..<end]))
    }

    /// The sentence around a span, split into what comes before the span, the span
    /// itself, and what follows, each trimmed to at most `limit` scalars of context.
    public static func context(
        of range: Range<Int>, in text: String, limit: Int = 240
    ) -> (before: String, span: String, after: String) {
        let scalars = Array(text.unicodeScalars)
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        var start = lower
        while start > 0, lower - start < limit, !isBoundary(scalars, at: start - 1) {
            start -= 1
        }
        var end = upper
        while end < scalars.count, end - upper < limit, !isBoundary(scalars, at: end) {
            end += 1
        }
        if end < scalars.count, scalars[end] != "\n", end - upper < limit { end += 1 }
        let before = string(scalars[start..<lower])
        let after = string(scalars[upper..<end])
        return (String(before.drop { $0.isWhitespace }), string(scalars[lower..<upper]),
                String(after.reversed().drop { $0.isWhitespace }.reversed()))
    }

    /// Whether a sentence ends at this scalar, by the rules of ``SentenceSegmenter``: a line
    /// break, or `.` `!` `?` `؟` `۔` where they end a sentence (not the point in 2.5 or U.S.).
    static func isBoundary(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        scalars[index] == "\n"
            || SentenceSegmenter.terminators.contains(scalars[index]) && SentenceSegmenter.endsSentence(scalars, at: index)
    }
}

extension String {
    /// The string without leading and trailing white space and line breaks.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
