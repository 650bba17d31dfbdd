import Foundation
import Testing
@testable import FactDeskKit

/// The QR encoder, checked by a reader written here from the standard: its own map of the
/// function patterns, its own field arithmetic and format-information code, and a decoder
/// that must get the text back from the modules alone.
@Suite struct QRCodeTests {
    static let uri = "otpauth://totp/FactDesk:sara@%D9%85%D8%B1%D8%A7%D9%8A%D8%A7?secret=NN3XIR2UKZQXOQSFOBWHEWDJHFTFMYSEJRKGQNKLGNYHEQTTIMYA"
        + "&issuer=FactDesk&algorithm=SHA1&digits=6&period=30"
    static let texts = ["", "a", "HELLO WORLD", uri, "منصة التحقق " + String(repeating: "x", count: 150),
                        String(repeating: "0123456789", count: 41)]

    @Test(arguments: texts)
    func theModulesDecodeBackToTheTextAndEveryBlockIsAReedSolomonCodeword(text: String) throws {
        let code = try QRCode(text: text)
        let reader = Reader(code)
        #expect(code.size == 17 + 4 * code.version)
        #expect(try reader.decodedText() == text)
    }

    @Test(arguments: texts)
    func theFindersSitInThreeCornersWithLightSeparators(text: String) throws {
        let code = try QRCode(text: text)
        let n = code.size
        let finder = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"]
        for (left, top) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            for row in 0..<7 {
                let drawn = (0..<7).map { code.isDark(x: left + $0, y: top + row) ? "1" : "0" }.joined()
                #expect(drawn == finder[row], "finder at (\(left), \(top)), row \(row)")
            }
        }
        for index in 0..<8 {
            #expect(!code.isDark(x: 7, y: index) && !code.isDark(x: index, y: 7))
            #expect(!code.isDark(x: n - 8, y: index) && !code.isDark(x: n - 8 + index, y: 7))
            #expect(!code.isDark(x: 7, y: n - 1 - index) && !code.isDark(x: index, y: n - 8))
        }
        for index in 8..<(n - 8) {
            #expect(code.isDark(x: index, y: 6) == (index % 2 == 0), "timing row")
            #expect(code.isDark(x: 6, y: index) == (index % 2 == 0), "timing column")
        }
        #expect(code.isDark(x: 8, y: n - 8), "the dark module")
    }

    @Test(arguments: texts)
    func bothCopiesOfTheFormatInformationSayLevelMAndTheMask(text: String) throws {
        let code = try QRCode(text: text)
        let reader = Reader(code)
        let (first, second) = reader.formatWords()
        #expect(first == second)
        #expect(Reader.validFormatWords.contains(first), "not a BCH(15,5) codeword: \(String(first, radix: 2))")
        let plain = first ^ 0b101010000010010
        #expect(plain >> 13 == 0b00, "level M is 00")
        #expect((plain >> 10) & 0b111 == code.mask)
    }

    @Test func fromVersion7BothBlocksOfVersionInformationHoldTheVersion() throws {
        for text in Self.texts {
            let code = try QRCode(text: text)
            guard code.version >= 7 else { continue }
            let (first, second) = Reader(code).versionWords()
            #expect(first == second)
            #expect(first >> 12 == code.version)
            #expect(Reader.remainder(first, generator: 0b1_1111_0010_0101, degree: 12) == 0)
        }
        #expect(try QRCode(text: Self.uri).version >= 7)
    }

    /// The error correction of "HELLO WORLD" at 1-M, as worked through in the well-known
    /// tutorial of the QR standard.
    @Test func reedSolomonGivesThePublishedCodewordsOfHelloWorldAt1M() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.remainder(data, divisor: ReedSolomon.divisor(degree: 10))
            == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
        #expect(Reader.isCodeword(data + [196, 35, 39, 119, 235, 215, 231, 226, 93, 23], eccCount: 10))
    }

    @Test func aTextPastVersion15IsRefused() {
        #expect(throws: QRCodeError.tooLong(bytes: 413)) { try QRCode(text: String(repeating: "z", count: 413)) }
        #expect((try? QRCode(text: String(repeating: "z", count: 412)))?.version == 15)
    }

    @Test func theSVGDrawsEveryDarkModuleInsideAQuietZone() throws {
        let code = try QRCode(text: Self.uri)
        let svg = code.svg(title: "a <title> & more")
        #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>"))
        #expect(svg.contains(#"viewBox="0 0 \#(code.size + 8) \#(code.size + 8)""#))
        #expect(svg.contains("<title>a &lt;title> &amp; more</title>"))
        let runs = svg.matches(of: /M(\d+) (\d+)h(\d+)v1h-\d+z/).map { (Int($0.1) ?? 0, Int($0.2) ?? 0, Int($0.3) ?? 0) }
        var drawn = Set<[Int]>()
        for (x, y, width) in runs { for dx in 0..<width { drawn.insert([x + dx - 4, y - 4]) } }
        let dark = Set((0..<code.size).flatMap { y in (0..<code.size).filter { code.isDark(x: $0, y: y) }.map { [$0, y] } })
        #expect(drawn == dark)
    }
}

/// Reads a QR code's modules back, from the standard's layout, without the encoder's code.
struct Reader {
    let code: QRCode
    var n: Int { code.size }

    init(_ code: QRCode) { self.code = code }

    func bit(_ x: Int, _ y: Int) -> Int { code.isDark(x: x, y: y) ? 1 : 0 }

    /// Format information, bit 14 first: beside the top-left finder, then split between
    /// the other two.
    func formatWords() -> (Int, Int) {
        let firstPlaces = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (0...5).reversed().map { ($0, 8) }
        let secondPlaces = (0..<8).map { (n - 1 - $0, 8) } + (8..<15).map { (8, n - 15 + $0) }
        // The first list runs from bit 0 to bit 14; so does the second.
        let first = firstPlaces.enumerated().reduce(0) { $0 | bit($1.element.0, $1.element.1) << $1.offset }
        let second = secondPlaces.enumerated().reduce(0) { $0 | bit($1.element.0, $1.element.1) << $1.offset }
        return (first, second)
    }

    /// Version information: the 6×3 block above the bottom-left finder and its mirror.
    func versionWords() -> (Int, Int) {
        var first = 0, second = 0
        for index in 0..<18 {
            first |= bit(index / 3, n - 11 + index % 3) << index
            second |= bit(n - 11 + index % 3, index / 3) << index
        }
        return (first, second)
    }

    /// The 32 valid format words: 5 data bits, their BCH(15,5) remainder, XOR 101010000010010.
    static let validFormatWords: Set<Int> = Set((0..<32).map { data in
        let shifted = data << 10
        return (shifted | remainder(shifted, generator: 0b101_0011_0111, degree: 10)) ^ 0b101010000010010
    })

    /// The remainder of a polynomial over GF(2) divided by a generator of this degree.
    static func remainder(_ value: Int, generator: Int, degree: Int) -> Int {
        var value = value
        for shift in stride(from: 30, through: degree, by: -1) where value & (1 << shift) != 0 {
            value ^= generator << (shift - degree)
        }
        return value
    }

    /// Whether a module belongs to a function pattern, by the standard's layout.
    func isFunction(_ x: Int, _ y: Int) -> Bool {
        if (x < 9 && y < 9) || (x >= n - 8 && y < 9) || (x < 9 && y >= n - 8) { return true }
        if x == 6 || y == 6 { return true }
        if code.version >= 7 && ((x >= n - 11 && x < n - 8 && y < 6) || (y >= n - 11 && y < n - 8 && x < 6)) { return true }
        let centers = Self.alignment[code.version - 1]
        for cx in centers {
            for cy in centers where !(cx == 6 && cy == 6) && !(cx == 6 && cy == n - 7) && !(cx == n - 7 && cy == 6) {
                if abs(x - cx) <= 2 && abs(y - cy) <= 2 { return true }
            }
        }
        return false
    }

    /// Alignment pattern centres, versions 1 to 15 (ISO/IEC 18004, annex E).
    static let alignment: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
        [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70],
    ]

    /// Level M per version: error correction codewords per block, then (blocks, data codewords) groups.
    static let levelM: [(Int, [(Int, Int)])] = [
        (10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]), (16, [(4, 27)]),
        (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]), (26, [(4, 43), (1, 44)]),
        (30, [(1, 50), (4, 51)]), (22, [(6, 36), (2, 37)]), (22, [(8, 37), (1, 38)]), (24, [(4, 40), (5, 41)]),
        (24, [(5, 41), (5, 42)]),
    ]

    /// The codewords, read up and down two columns at a time from the right, unmasked.
    func codewords() -> [UInt8] {
        let plain = (formatWords().0 ^ 0b101010000010010) >> 10 & 0b111
        var bits: [Int] = []
        var column = n - 1
        var upward = true
        while column > 0 {
            if column == 6 { column -= 1 }
            let rows = upward ? Array((0..<n).reversed()) : Array(0..<n)
            for y in rows {
                for x in [column, column - 1] where !isFunction(x, y) {
                    let flip: Bool
                    switch plain {
                    case 0: flip = (y + x) % 2 == 0
                    case 1: flip = y % 2 == 0
                    case 2: flip = x % 3 == 0
                    case 3: flip = (y + x) % 3 == 0
                    case 4: flip = (y / 2 + x / 3) % 2 == 0
                    case 5: flip = (y * x) % 2 + (y * x) % 3 == 0
                    case 6: flip = ((y * x) % 2 + (y * x) % 3) % 2 == 0
                    default: flip = ((y + x) % 2 + (y * x) % 3) % 2 == 0
                    }
                    bits.append(bit(x, y) ^ (flip ? 1 : 0))
                }
            }
            upward.toggle()
            column -= 2
        }
        return stride(from: 0, through: bits.count - 8, by: 8).map { start in
            UInt8(bits[start..<start + 8].reduce(0) { $0 << 1 | $1 })
        }
    }

    /// The text: the blocks de-interleaved and each checked, then byte mode parsed.
    func decodedText() throws -> String {
        let words = codewords()
        let (ecc, groups) = Self.levelM[code.version - 1]
        let sizes = groups.flatMap { group in Array(repeating: group.1, count: group.0) }
        var blocks = sizes.map { _ in [UInt8]() }
        var index = 0
        for column in 0..<(sizes.max() ?? 0) {
            for block in blocks.indices where column < sizes[block] { blocks[block].append(words[index]); index += 1 }
        }
        for _ in 0..<ecc {
            for block in blocks.indices { blocks[block].append(words[index]); index += 1 }
        }
        for block in blocks { #expect(Self.isCodeword(block, eccCount: ecc)) }
        let data = zip(blocks, sizes).flatMap { $0.0.prefix($0.1) }
        let bits = data.flatMap { byte in (0..<8).reversed().map { Int(byte >> $0) & 1 } }
        func read(_ start: Int, _ count: Int) -> Int { bits[start..<start + count].reduce(0) { $0 << 1 | $1 } }
        #expect(read(0, 4) == 0b0100, "byte mode")
        let countBits = code.version <= 9 ? 8 : 16
        let count = read(4, countBits)
        let bytes = (0..<count).map { UInt8(read(4 + countBits + 8 * $0, 8)) }
        return try #require(String(validating: bytes, as: UTF8.self))
    }

    /// Whether a block (data then error correction, highest power first) is a codeword:
    /// it vanishes at α⁰ … α^(ecc-1), computed with multiplication by shifts, not tables.
    static func isCodeword(_ block: [UInt8], eccCount: Int) -> Bool {
        func times(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var a = Int(a), b = Int(b), product = 0
            while b > 0 {
                if b & 1 == 1 { product ^= a }
                a <<= 1
                if a & 0x100 != 0 { a ^= 0x11D }
                b >>= 1
            }
            return UInt8(product)
        }
        var root: UInt8 = 1
        for _ in 0..<eccCount {
            let value = block.reduce(UInt8(0)) { times($0, root) ^ $1 }
            if value != 0 { return false }
            root = times(root, 2)
        }
        return true
    }
}
