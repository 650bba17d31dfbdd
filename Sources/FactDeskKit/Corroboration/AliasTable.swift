import Foundation

/// The desk's confirmed name variants: which spellings name the same person or body.
///
/// عراقجي, أراغتشي, عراقتشي and Araghchi are one person only once an editor says so with
/// `factdesk alias add`; ``ConsonantSkeleton`` proposes such groups but never merges them.
public struct AliasTable: Sendable, Equatable {
    /// Each variant's stems, with the entity it names.
    public private(set) var variants: [(stems: [String], entity: String)] = []

    public init() {}

    public init(_ pairs: [(entity: String, variant: String)]) {
        for pair in pairs {
            add(entity: pair.entity, variant: pair.variant)
        }
    }

    public static func == (lhs: AliasTable, rhs: AliasTable) -> Bool {
        lhs.variants.elementsEqual(rhs.variants) { $0.stems == $1.stems && $0.entity == $1.entity }
    }

    public mutating func add(entity: String, variant: String) {
        let stems = LightStemmer.terms(variant)
        guard !stems.isEmpty else { return }
        variants.append((stems, entity))
    }

    /// The entities whose variants all appear among these stems (looked up by bytes, and
    /// not at all when the desk has no aliases: every claim's features ask).
    public func entities<Stems: Sequence<String>>(in stems: Stems) -> Set<String> {
        guard !variants.isEmpty else { return [] }
        let held = WordSet(stems)
        return Set(variants.filter { $0.stems.allSatisfy(held.contains) }.map(\.entity))
    }

    /// Every stem that names one of these entities, for finding claims that name them.
    public func stems(naming entities: Set<String>) -> Set<String> {
        Set(variants.filter { entities.contains($0.entity) }.flatMap(\.stems))
    }
}

/// The consonants a name keeps however it is transliterated, for proposing aliases.
///
/// Long vowels, hamza forms and ع are dropped (transliterations often lose them); the
/// sounds that Arabic writes several ways fold together: تش, چ and ج (ch, j); غ, گ, ك and
/// ق (g). So عراقجي, أراغتشي and عراقتشي all become رقج.
public enum ConsonantSkeleton {
    public static func of(_ word: String) -> String {
        of(normalized: ArabicNormalizer.normalize(word))
    }

    /// The skeleton of a word ``ArabicNormalizer`` has already folded.
    static func of(normalized word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var skeleton = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "ت", index < scalars.count, scalars[index] == "ش" {
                skeleton.append("ج")
                index += 1
                continue
            }
            if let folded = folds[scalar] {
                skeleton.append(folded)
            } else if !dropped.contains(scalar), isLetter(scalar) {
                skeleton.append(scalar)
            }
        }
        return String(skeleton)
    }

    /// Arabic letters and ASCII ones without a look at Unicode's tables; others from them.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0621...0x064A, 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F, 0x064B...0x0660: false
        default: scalar.properties.isAlphabetic
        }
    }

    private static let folds: [Unicode.Scalar: Unicode.Scalar] = [
        "چ": "ج", "غ": "ق", "گ": "ق", "ك": "ق", "ث": "س", "ذ": "ز", "ظ": "ز",
    ]
    private static let dropped: Set<Unicode.Scalar> = ["ا", "و", "ي", "ى", "ه", "ء", "ئ", "ؤ", "ع"]
}

/// Names that one transliteration writes differently from another: ستيف and ستيفن,
/// غروسي and غروستي, البوسعيدي and ألبوسيدي, عراقجي and أراغتشي.
///
/// Two terms are alike when their ``ConsonantSkeleton``s are equal, or, for rare words,
/// when one skeleton is the other with one consonant more at its end; both need three
/// consonants or more, since a shorter skeleton is shared by too many unrelated words.
enum NameSpelling {
    /// A term that may be a name, with its skeleton: worked out once per claim, since a
    /// claim is compared with many.
    struct Form: Sendable, Equatable {
        var term: WordKey
        var skeleton: WordKey
        /// The skeleton's letters.
        var length: Int
    }

    /// The terms of a set that may be names (one stem of four letters or more, not a group
    /// of words), with their skeletons, in byte order.
    static func forms(_ terms: Set<WordKey>) -> [Form] {
        // The terms of ``FactFeatures`` hold no numbers: a group, a short word and the words
        // of titles (كبير and أكبر share their consonants, but name no one) are left out.
        terms.filter { !WordPairs.isGroup($0.text) && hasFourLetters($0.text) && !titleWords.contains($0) }.sorted().map { term in
            let skeleton = skeleton(term.text)
            return Form(term: term, skeleton: WordKey(skeleton), length: skeleton.unicodeScalars.count)
        }
    }

    /// The words of titles, which name no one.
    private static let titleWords: Set<WordKey> = {
        let words: [String] = SpeakerPhrase.heads.words + SpeakerPhrase.adjectives.words
        return Set(words.map { WordKey($0) })
    }()

    /// Whether a word has four letters or more, counting its bytes first (a letter is one to four).
    private static func hasFourLetters(_ word: String) -> Bool {
        let bytes = word.utf8.count
        return bytes >= 16 || bytes >= 4 && word.unicodeScalars.count >= 4
    }

    /// Equal skeletons are alike; one consonant more at the end (ستيفن) only for two rare
    /// spellings, since common words often differ so (متحد, متحدث). `rare` is asked only
    /// when the skeletons differ.
    static func alike(_ a: Form, _ b: Form, rare: () -> Bool) -> Bool {
        guard a.length >= 3, b.length >= 3 else { return false }
        if a.skeleton == b.skeleton { return true }
        let (short, long) = a.length < b.length ? (a, b) : (b, a)
        return long.length == short.length + 1 && long.skeleton.text.utf8.starts(with: short.skeleton.text.utf8) && rare()
    }

    static func skeleton(_ term: String) -> String {
        var skeleton = ConsonantSkeleton.of(normalized: term)
        // The article is not part of a name: البوسعيدي and ألبوسيدي are بوسعيدي.
        if skeleton.hasPrefix("ل"), term.hasPrefix("ال") { skeleton.removeFirst() }
        return skeleton
    }
}
