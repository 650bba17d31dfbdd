import Foundation

/// A QR code (ISO/IEC 18004) of a text: byte mode, error correction level M, versions 1
/// to 15 (up to 412 bytes, room for any `otpauth://` URI the desk makes), drawn as SVG.
///
/// The settings page shows a new second factor's URI with it, so that a phone can scan it.
public struct QRCode: Sendable {
    /// The version: 1 (21×21 modules) to 15 (77×77).
    public let version: Int
    /// The mask pattern chosen, 0 to 7: the one with the lowest penalty.
    public let mask: Int
    /// Modules on a side.
    public var size: Int { 17 + 4 * version }
    /// The modules, row by row; true for dark.
    public let modules: [[Bool]]

    /// Encodes the UTF-8 of a text in the smallest version that holds it.
    public init(text: String) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        guard let version = (1...15).first(where: { Self.fits(bytes.count, version: $0) }) else {
            throw .tooLong(bytes: bytes.count)
        }
        var matrix = QRMatrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.drawCodewords(Self.codewords(bytes, version: version))
        let masked = (0..<8).map { matrix.masked($0) }
        let penalties = masked.map(\.penalty)
        let chosen = penalties.indices.min { penalties[$0] < penalties[$1] } ?? 0
        self.version = version
        self.mask = chosen
        self.modules = masked[chosen].modules
    }

    public func isDark(x: Int, y: Int) -> Bool {
        modules[y][x]
    }

    /// The code as an inline SVG: dark squares on white, with the four-module quiet zone
    /// around it, `pixels` wide, titled for screen readers.
    public func svg(pixels: Int = 264, title: String) -> String {
        let side = size + 8
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard modules[y][x] else { x += 1; continue }
                let start = x
                while x < size && modules[y][x] { x += 1 }
                path += "M\(start + 4) \(y + 4)h\(x - start)v1h-\(x - start)z"
            }
        }
        let escaped = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return #"<svg xmlns="http://www.w3.org/2000/svg" class="qr" role="img" width="\#(pixels)" height="\#(pixels)" "#
            + #"viewBox="0 0 \#(side) \#(side)" shape-rendering="crispEdges"><title>\#(escaped)</title>"#
            + #"<rect width="\#(side)" height="\#(side)" fill="white"/><path fill="black" d="\#(path)"/></svg>"#
    }

    // MARK: - Data

    /// Level M's blocks per version: error correction codewords per block, then the count
    /// and data codewords of the blocks of each of the (at most two) groups.
    static let blocks: [(ecc: Int, groups: [(count: Int, data: Int)])] = [
        (10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]),
        (16, [(4, 27)]), (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]),
        (26, [(4, 43), (1, 44)]), (30, [(1, 50), (4, 51)]), (22, [(6, 36), (2, 37)]),
        (22, [(8, 37), (1, 38)]), (24, [(4, 40), (5, 41)]), (24, [(5, 41), (5, 42)]),
    ]

    static func dataCodewords(version: Int) -> Int {
        blocks[version - 1].groups.reduce(0) { $0 + $1.count * $1.data }
    }

    /// Bits of the character count in byte mode: 8 up to version 9, then 16.
    static func countBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    static func fits(_ count: Int, version: Int) -> Bool {
        count < (1 << countBits(version: version)) && 4 + countBits(version: version) + 8 * count <= 8 * dataCodewords(version: version)
    }

    /// The data codewords: mode 0100, the count, the bytes, the terminator, padding to a
    /// byte, then 0xEC and 0x11 in turn to fill the version's capacity.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        let capacity = 8 * dataCodewords(version: version)
        append(0b0100, 4)
        append(bytes.count, countBits(version: version))
        for byte in bytes { append(Int(byte), 8) }
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var words = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while words.count < capacity / 8 {
            words.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return words
    }

    /// The final sequence: the data split into blocks, each with its Reed-Solomon
    /// codewords, interleaved column by column (data first, then error correction).
    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let data = dataCodewords(bytes, version: version)
        let layout = blocks[version - 1]
        var split: [[UInt8]] = []
        var offset = 0
        for group in layout.groups {
            for _ in 0..<group.count {
                split.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let divisor = ReedSolomon.divisor(degree: layout.ecc)
        let ecc = split.map { ReedSolomon.remainder($0, divisor: divisor) }
        var result: [UInt8] = []
        for column in 0..<(split.map(\.count).max() ?? 0) {
            for block in split where column < block.count { result.append(block[column]) }
        }
        for column in 0..<layout.ecc {
            for block in ecc { result.append(block[column]) }
        }
        return result
    }
}

/// Why a text could not become a QR code.
public enum QRCodeError: CatalogError, Equatable {
    case tooLong(bytes: Int)

    public var kind: FailureKind { .invalidInput }

    public var description: String { englishText() }

    public var catalogMessage: CatalogMessage? {
        switch self {
        case .tooLong(let bytes):
            CatalogMessage("error_qr_code_too_long", ["bytes": String(bytes)])
        }
    }
}

/// Reed-Solomon error correction over GF(256) with the polynomial x⁸+x⁴+x³+x²+1 (0x11D).
enum ReedSolomon {
    /// Antilogarithms (α^i) and logarithms of the field's elements.
    static let tables: (exp: [UInt8], log: [Int]) = {
        var exp = [UInt8](repeating: 0, count: 255), log = [Int](repeating: 0, count: 256)
        var value = 1
        for power in 0..<255 {
            exp[power] = UInt8(value)
            log[value] = power
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return (exp, log)
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0, b != 0 else { return 0 }
        return tables.exp[(tables.log[Int(a)] + tables.log[Int(b)]) % 255]
    }

    /// The generator (x-α⁰)(x-α¹)…(x-α^(degree-1)), highest power first, without its leading 1.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                result[index] = multiply(result[index], root)
                if index + 1 < degree { result[index] ^= result[index + 1] }
            }
            root = multiply(root, 2)
        }
        return result
    }

    /// The remainder of data·x^degree divided by the generator: the error correction codewords.
    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in result.indices { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }
}
