/// Folds the many ways Arabic news spells the same word into one, for indexing and search.
///
/// The same normalizer runs on the text that is indexed and on every query, so a query
/// matches however the reporter (or the keyboard) wrote the word:
///
/// - alef forms أ إ آ ٱ become ا; ى becomes ي; ة becomes ه;
/// - tatweel (ـ) and harakat (fatha, damma, kasra, tanween, shadda, sukun, dagger alef) go;
/// - Persian letters fold to Arabic (ی to ي, ک to ك);
/// - Arabic-Indic (٠-٩) and Persian (۰-۹) digits become 0-9, and ٫ (the Arabic decimal
///   separator) becomes `.`;
/// - Latin letters are lowercased.
///
/// It never changes stored text: claims and articles keep the reporter's exact words.
public enum ArabicNormalizer {
    /// The text with every rule above applied.
    public static func normalize(_ text: String) -> String {
        // Folding never lengthens a scalar's UTF-8, so the text's length is room enough.
        String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            for scalar in text.unicodeScalars {
                guard let folded = fold(scalar) else { continue }
                UTF8.encode(folded) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// A Persian letter as the Arabic one it is written for (ی ې -> ي, ک -> ك); any other
    /// scalar as it is. Names keep their spelling otherwise (a speaker's `وکالة` is `وكالة`).
    static func persianFolded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x06CC, 0x06D0: "\u{064A}"
        case 0x06A9: "\u{0643}"
        default: scalar
        }
    }

    /// One scalar folded, or nil when it is dropped.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0623, 0x0625, 0x0622, 0x0671: return "\u{0627}"          // أ إ آ ٱ -> ا
        case 0x0649: return "\u{064A}"                                   // ى -> ي
        case 0x0629: return "\u{0647}"                                   // ة -> ه
        case 0x06CC, 0x06D0, 0x06A9: return persianFolded(scalar)
        case 0x0640: return nil                                          // tatweel
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED: return nil        // harakat, Quranic marks
        case 0x0660...0x0669: return Unicode.Scalar(scalar.value - 0x0660 + 0x30)
        case 0x06F0...0x06F9: return Unicode.Scalar(scalar.value - 0x06F0 + 0x30)
        case 0x066B: return "."                                          // ٫ decimal separator
        case 0x0041...0x005A: return Unicode.Scalar(scalar.value + 0x20)
        default: return scalar
        }
    }

    /// The words of a text, normalized: runs of letters and digits, everything else a break.
    /// A decimal point between digits stays inside the number (2.5).
    public static func words(_ text: String) -> [String] {
        let scalars = Array(normalize(text).unicodeScalars)
        var words: [String] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() {
            let isPoint = scalar == "." && start < index && isDigit(scalars[index - 1])
                && index + 1 < scalars.count && isDigit(scalars[index + 1])
            if isWordScalar(scalar) || isPoint { continue }
            if start < index { words.append(String(scalars: scalars[start..<index])) }
            start = index + 1
        }
        if start < scalars.count { words.append(String(scalars: scalars[start...])) }
        return words
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0621...0x063A, 0x0641...0x064A: return true
        case 0...0x7F, 0x060C, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4, 0x2000...0x206F: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}

/// A light stemmer for Arabic: strips the conjunction, the article and its fused
/// prepositions, and common suffixes, so that والمفاوضات, المفاوضات and مفاوضات meet.
///
/// It follows the published light-stemming rules (Larkey, Ballesteros and Connell's
/// "light10"): remove a leading و when at least three letters remain; remove one of the
/// prefixes ال وال بال كال فال لل when at least two remain; then remove, in order, each of
/// the suffixes ها ان ات ون ين يه ه ي that the word still ends with, while at least two
/// letters remain. Words are normalized first (so ة has become ه and ية is يه).
public enum LightStemmer {
    static let prefixes: [[Unicode.Scalar]] = ["وال", "بال", "كال", "فال", "لل", "ال"].map { Array($0.unicodeScalars) }
    static let suffixes: [[Unicode.Scalar]] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"].map { Array($0.unicodeScalars) }

    /// The stem of one normalized word. Words with no Arabic letters are returned as they are.
    public static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.contains(where: { (0x0621...0x064A).contains($0.value) }) else { return word }
        var lower = 0, upper = scalars.count
        if upper > 3, scalars[0] == "و" {
            lower = 1
        }
        for prefix in prefixes where upper - lower - prefix.count >= 2
            && scalars[lower..<lower + prefix.count].elementsEqual(prefix) {
            lower += prefix.count
            break
        }
        for suffix in suffixes where upper - lower - suffix.count >= 2
            && scalars[upper - suffix.count..<upper].elementsEqual(suffix) {
            upper -= suffix.count
        }
        if lower == 0 && upper == scalars.count { return word }
        return String(scalars: scalars[lower..<upper])
    }

    /// The stems of a text's words, for the search index and for queries.
    public static func terms(_ text: String) -> [String] {
        ArabicNormalizer.words(text).map(stem)
    }
}
