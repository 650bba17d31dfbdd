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

    /// The entities whose variants all appear among these stems.
    public func entities(in stems: Set<String>) -> Set<String> {
        Set(variants.filter { $0.stems.allSatisfy(stems.contains) }.map(\.entity))
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
        var text = ArabicNormalizer.normalize(word)
        for (from, to) in [("تش", "ج"), ("چ", "ج"), ("غ", "ق"), ("گ", "ق"), ("ك", "ق"), ("ث", "س"), ("ذ", "ز"), ("ظ", "ز")] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        let dropped: Set<Character> = ["ا", "و", "ي", "ى", "ه", "ء", "ئ", "ؤ", "ع"]
        return String(text.filter { !dropped.contains($0) && $0.isLetter })
    }
}
