/// A small set of scalars (punctuation, quotation marks), asked about for every scalar of
/// every sentence: a bitmap below U+2100, where all of the text code's marks lie, rather than
/// a hashed `Set`, whose every lookup seeds and runs a hasher.
struct ScalarSet: Sendable, ExpressibleByStringLiteral {
    private static let limit: UInt32 = 0x2100
    private var bits = [UInt64](repeating: 0, count: Int(limit) / 64)
    private var beyond: Set<Unicode.Scalar> = []

    init<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) {
        for scalar in scalars {
            if scalar.value < Self.limit {
                bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
            } else {
                beyond.insert(scalar)
            }
        }
    }

    init(stringLiteral value: String) {
        self.init(value.unicodeScalars)
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < Self.limit
            ? bits[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0
            : !beyond.isEmpty && beyond.contains(scalar)
    }

    func union(_ other: ScalarSet) -> ScalarSet {
        var result = self
        for index in bits.indices { result.bits[index] |= other.bits[index] }
        result.beyond.formUnion(other.beyond)
        return result
    }
}

/// Unicode's White_Space and Alphabetic properties, looked up in a table for the scalars
/// below U+0800 (Latin, Arabic and their punctuation: nearly every scalar of the articles)
/// and asked of Unicode's own tables only beyond.
enum ScalarClass {
    private static let tableLimit: UInt32 = 0x0800
    private static let whitespace: UInt8 = 1, alphabetic: UInt8 = 2
    private static let table: [UInt8] = (0..<tableLimit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        return (scalar.properties.isWhitespace ? whitespace : 0) | (scalar.properties.isAlphabetic ? alphabetic : 0)
    }

    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < tableLimit ? table[Int(scalar.value)] & whitespace != 0 : scalar.properties.isWhitespace
    }

    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < tableLimit ? table[Int(scalar.value)] & alphabetic != 0 : scalar.properties.isAlphabetic
    }
}
