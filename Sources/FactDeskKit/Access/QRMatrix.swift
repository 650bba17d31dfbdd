/// The modules of a QR code being drawn: the function patterns (finders, timing,
/// alignment, format and version information), the codewords in their zigzag, the mask.
///
/// Coordinates are (x, y): x the column from the left, y the row from the top.
struct QRMatrix {
    let version: Int
    let size: Int
    private(set) var modules: [[Bool]]
    /// Which modules belong to a function pattern, and so take no data and no mask.
    private var function: [[Bool]]

    init(version: Int) {
        self.version = version
        size = 17 + 4 * version
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        function = modules
    }

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        function[y][x] = true
    }

    // MARK: - Function patterns

    mutating func drawFunctionPatterns() {
        for index in 0..<size {
            set(6, index, index % 2 == 0)
            set(index, 6, index % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] { drawFinder(centerX: x, centerY: y) }
        let centers = Self.alignmentCenters(version: version)
        for x in centers {
            for y in centers where !(x == 6 && y == 6) && !(x == 6 && y == size - 7) && !(x == size - 7 && y == 6) {
                drawAlignment(centerX: x, centerY: y)
            }
        }
        drawFormatBits(mask: 0)
        drawVersionBits()
    }

    /// A finder: a 7×7 ring around a 3×3 square, with its light separator.
    private mutating func drawFinder(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx, y = centerY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let distance = max(abs(dx), abs(dy))
                set(x, y, distance != 2 && distance != 4)
            }
        }
    }

    /// An alignment pattern: a 5×5 ring around one dark module.
    private mutating func drawAlignment(centerX: Int, centerY: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(centerX + dx, centerY + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// The rows and columns of alignment patterns' centres: 6, then evenly up to size-7.
    static func alignmentCenters(version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        let last = 17 + 4 * version - 7
        return [6] + (0..<(count - 1)).map { last - $0 * step }.reversed()
    }

    /// The 15 format bits (level M is 00, then the mask; BCH(15,5), XOR 0x5412), twice,
    /// and the dark module beside the bottom-left finder.
    mutating func drawFormatBits(mask: Int) {
        let data = 0b00 << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { set(8, index, bit(index)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for index in 9..<15 { set(14 - index, 8, bit(index)) }
        for index in 0..<8 { set(size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { set(8, size - 15 + index, bit(index)) }
        set(8, size - 8, true)
    }

    /// From version 7: the version in 18 bits (BCH(18,6)), in two 6×3 blocks.
    private mutating func drawVersionBits() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version << 12 | remainder
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let a = size - 11 + index % 3, b = index / 3
            set(a, b, dark)
            set(b, a, dark)
        }
    }

    // MARK: - Data and mask

    /// Places the codewords' bits, most significant first, in the zigzag: two columns at a
    /// time from the right, up then down, skipping the vertical timing column.
    mutating func drawCodewords(_ codewords: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for offset in 0..<2 {
                    let x = right - offset
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    guard !function[y][x], index < codewords.count * 8 else { continue }
                    modules[y][x] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// Whether mask pattern `mask` flips the module at (x, y).
    static func flips(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// This matrix with a mask applied to its data modules and its format bits written.
    func masked(_ mask: Int) -> QRMatrix {
        var copy = self
        for y in 0..<size {
            for x in 0..<size where !function[y][x] && Self.flips(mask, x: x, y: y) { copy.modules[y][x].toggle() }
        }
        copy.drawFormatBits(mask: mask)
        return copy
    }

    // MARK: - Penalty

    /// The standard's penalty: runs of five or more, 2×2 blocks, finder-like patterns, and
    /// imbalance of dark and light. The mask with the lowest is used.
    var penalty: Int {
        var score = 0
        let columns = (0..<size).map { x in (0..<size).map { modules[$0][x] } }
        for line in modules + columns {
            var run = 1
            for index in 1..<size {
                if line[index] == line[index - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { score += run - 2 }
            score += 40 * Self.finderLike(in: line)
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let color = modules[y][x]
                if modules[y][x + 1] == color && modules[y + 1][x] == color && modules[y + 1][x + 1] == color { score += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        score += 10 * (abs(dark * 20 - total * 10) / total)
        return score
    }

    /// How many times 1:1:3:1:1 with four light modules on one side occurs in a line.
    private static func finderLike(in line: [Bool]) -> Int {
        let core: [Bool] = [true, false, true, true, true, false, true]
        let light = [Bool](repeating: false, count: 4)
        let patterns = [core + light, light + core]
        var found = 0
        for start in 0...(line.count - 11) {
            let window = Array(line[start..<start + 11])
            found += patterns.filter { $0 == window }.count
        }
        return found
    }
}
