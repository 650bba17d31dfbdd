/// The JSON the history hashes and stores, written byte by byte.
///
/// The bytes are exactly those Foundation's `JSONEncoder` writes with sorted keys and
/// unescaped slashes (so desks written before this writer verify unchanged): strings keep
/// every character above U+001F as it is, except `"` and `\`, which are escaped; `\b`,
/// `\t`, `\n`, `\f` and `\r` take their short escapes and the other control characters
/// `\u00XX` in lowercase hex. No white space is written. Tests hold the two writers equal.
///
/// It exists because the history is hashed on every write and on every `audit verify`,
/// a million times for a large desk, where a general encoder's cost dominates.
enum CanonicalJSON {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a JSON string literal of these UTF-8 bytes.
    static func appendString<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in bytes { appendEscaped(byte, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends one byte of a string's UTF-8, escaped as the encoder escapes it.
    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
        case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
        case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
        case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
        case 0x0C: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
        case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
        case 0..<0x20:
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        default: out.append(byte)
        }
    }

    /// Appends a JSON string literal of these UTF-8 bytes, copying runs that need no
    /// escape in one go: the history's texts are long and rarely hold one.
    static func appendString(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var start = 0
        var index = 0
        let count = bytes.count
        out.append(UInt8(ascii: "\""))
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if start < index { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<index])) }
            appendEscaped(byte, to: &out)
            index += 1
            start = index
        }
        if start < count { out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<count])) }
        out.append(UInt8(ascii: "\""))
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendString(UnsafeRawBufferPointer($0), to: &out) }
        if done == nil { appendString(text.utf8, to: &out) }
    }

    /// An array of optional strings: `["a",null,"b"]`.
    static func array(_ fields: [String?]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(fields.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 3 })
        out.append(UInt8(ascii: "["))
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let field { appendString(field, to: &out) } else { out.append(contentsOf: "null".utf8) }
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// An object's members in the order given (the caller sorts the keys); nil values are left out.
    struct Object {
        private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]

        private mutating func key(_ name: String) {
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }

        mutating func add(_ name: String, _ value: String?) {
            guard let value else { return }
            key(name)
            CanonicalJSON.appendString(value, to: &bytes)
        }

        mutating func add(_ name: String, _ value: Int64?) {
            guard let value else { return }
            key(name)
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func add(_ name: String, _ values: [String]?) {
            guard let values else { return }
            key(name)
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                CanonicalJSON.appendString(value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        var text: String {
            String(decoding: bytes + [UInt8(ascii: "}")], as: UTF8.self)
        }
    }
}
