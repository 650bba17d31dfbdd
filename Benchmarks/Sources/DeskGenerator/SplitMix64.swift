import Foundation

/// A small, fast pseudo-random generator whose sequence depends only on its seed, so a
/// generated desk is the same on every machine and every run.
///
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// 2014): a 64-bit counter stepped by the golden-ratio constant and mixed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }

    /// An index into `count` items, skewed so that low indexes are far more common than
    /// high ones (log-uniform): a few favourites are drawn often and a long tail only a
    /// handful of times, as names are in a real archive.
    public mutating func skewedIndex(_ count: Int) -> Int {
        let value = pow(Double(count), Double.random(in: 0..<1, using: &self))
        return min(count - 1, max(0, Int(value) - 1))
    }

    /// One of the elements, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }
}
