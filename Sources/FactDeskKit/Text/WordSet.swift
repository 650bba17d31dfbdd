/// A word held as its UTF-8 bytes: hashed and compared byte for byte.
///
/// Swift compares and hashes non-ASCII strings by their canonical (NFC) form, which costs
/// a normalization pass on every lookup. The word lists of extraction and matching are
/// looked up for every word of every sentence, always with words that
/// ``ArabicNormalizer`` has already folded (harakat and tatweel dropped, letter forms
/// unified), where equal bytes and equal words are the same thing; so they are keyed by
/// bytes, several times faster.
public struct WordKey: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let text: String

    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    public static func == (lhs: WordKey, rhs: WordKey) -> Bool {
        lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    /// Byte order: a fixed order, without Unicode-aware comparisons' cost.
    public static func < (lhs: WordKey, rhs: WordKey) -> Bool {
        lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
    }

    public var description: String { text }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
    }
}

/// A set of normalized words, looked up by bytes (see ``WordKey``).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var keys: Set<WordKey>

    init<Words: Sequence<String>>(_ words: Words) {
        keys = Set(words.map { WordKey($0) })
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    func contains(_ word: String) -> Bool {
        keys.contains(WordKey(word))
    }

    /// The words it holds, in no particular order.
    var words: [String] {
        keys.map(\.text)
    }

    func union<Words: Sequence<String>>(_ words: Words) -> WordSet {
        var union = self
        union.keys.formUnion(words.map { WordKey($0) })
        return union
    }
}

/// A dictionary from normalized words, looked up by bytes (see ``WordKey``).
struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private var values: [WordKey: Value]

    init(_ dictionary: [String: Value]) {
        values = Dictionary(uniqueKeysWithValues: dictionary.map { (WordKey($0.key), $0.value) })
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        values = Dictionary(elements.map { (WordKey($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(word: String) -> Value? {
        values[WordKey(word)]
    }

    /// The words it holds, in no particular order.
    var words: [String] {
        values.keys.map(\.text)
    }
}
