import Foundation

/// Strict UTF-8 decoding that says where the first bad byte is.
///
/// Articles and workflow files come from outside. A file that is not valid UTF-8 is
/// refused rather than repaired, and the message names the byte offset so the user
/// can find the damage with a hex editor.
public enum UTF8Text {
    /// Why a byte sequence is not acceptable text.
    public enum Failure: CatalogError, Equatable {
        /// The bytes are not valid UTF-8; the offset is that of the first bad sequence.
        case invalid(offset: Int)
        /// The bytes hold a NUL, which text files never do: it is most likely a binary file.
        case nul(offset: Int)

        public var kind: FailureKind { .invalidInput }

        public var description: String { englishText() }

        public var catalogMessage: CatalogMessage? {
            switch self {
            case .invalid(let offset): CatalogMessage("error_invalid_utf8", ["offset": String(offset)])
            case .nul(let offset): CatalogMessage("error_nul_byte", ["offset": String(offset)])
            }
        }
    }

    /// Decodes the bytes, or says where the first invalid sequence or NUL byte is.
    public static func decode(_ data: Data) -> Result<String, Failure> {
        if let offset = firstInvalidOffset(data) {
            return .failure(.invalid(offset: offset))
        }
        if let nul = data.firstIndex(of: 0) {
            return .failure(.nul(offset: nul - data.startIndex))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// The byte offset of the first sequence that is not well-formed UTF-8, if any.
    static func firstInvalidOffset(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            if index + length > bytes.count { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }
}
