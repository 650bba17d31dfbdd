/// Reads an event's details, the canonical JSON object the desk stores (see
/// ``EventPayload/canonicalJSON``), straight from its bytes into the body its action
/// names, through that body's field table: `audit verify` reads a million of them, where a
/// general decoder would be most of its time.
///
/// It reads any JSON object of strings, integers, arrays of strings and nulls; keys the body
/// does not hold are passed over.
enum DetailsReader {
    /// What the reader made of a details object.
    enum Outcome<Body> {
        case body(Body)
        /// JSON, but without a field the body requires.
        case incomplete
        /// Not a JSON object of the values details hold.
        case unreadable
    }

    static func read<Body: EventBody>(_ type: Body.Type, _ bytes: UnsafeRawBufferPointer) -> Outcome<Body> {
        var reader = Cursor(bytes: bytes)
        return reader.object(type)
    }

    /// A JSON array of strings, as a claim's stored reasons are; nil for anything else.
    static func strings(_ bytes: UnsafeRawBufferPointer) -> [String]? {
        var reader = Cursor(bytes: bytes)
        guard case .texts(let items)? = reader.value() else { return nil }
        reader.skipSpace()
        return reader.index == bytes.count ? items : nil
    }

    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func object<Body: EventBody>(_ type: Body.Type) -> Outcome<Body> {
            var body = Body()
            var found: UInt64 = 0
            guard take(UInt8(ascii: "{")) else { return .unreadable }
            if !take(UInt8(ascii: "}")) {
                repeat {
                    guard let key = string(), take(UInt8(ascii: ":")), let value = value() else { return .unreadable }
                    if let place = body.set(key, value) { found |= 1 << UInt64(place) }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return .unreadable }
            }
            skipSpace()
            guard index == bytes.count else { return .unreadable }
            return found == Body.requiredMask ? .body(body) : .incomplete
        }

        mutating func value() -> DetailsValue? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map(DetailsValue.text)
            case UInt8(ascii: "["):
                index += 1
                var items: [String] = []
                if take(UInt8(ascii: "]")) { return .texts(items) }
                repeat {
                    guard let item = string() else { return nil }
                    items.append(item)
                } while take(UInt8(ascii: ","))
                return take(UInt8(ascii: "]")) ? .texts(items) : nil
            case UInt8(ascii: "n"):
                guard index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
                      bytes[index + 3] == UInt8(ascii: "l") else { return nil }
                index += 4
                return .null
            default: return number().map(DetailsValue.number)
            }
        }

        mutating func number() -> Int64? {
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            var value: Int64 = 0
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
                guard !overflow, !overflow2 else { return nil }
                value = sum
                index += 1
            }
            return index > start ? (negative ? -value : value) : nil
        }

        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            var out: [UInt8] = []
            var start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if out.isEmpty { // the usual case: no escape, one copy
                        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                        index += 1
                        return text
                    }
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
                    index += 1
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar), take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")),
                           let low = hex4(), (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { return nil }
                        out.append(contentsOf: String(Character(unicode)).utf8)
                    default: return nil
                    }
                    start = index
                    continue
                }
                index += 1
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}

/// One value of a details object.
public enum DetailsValue: Sendable, Equatable {
    case text(String), number(Int64), texts([String]), null
}
