import Crypto
import Foundation

/// The SHA-256 of text, as 64 lowercase hexadecimal digits.
///
/// Used for an article's identity (the same text imported twice is the same source)
/// and for the fingerprint of an installed workflow.
public func sha256Hex(_ text: String) -> String {
    sha256Hex(bytes: Array(text.utf8))
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// The SHA-256 of bytes, as 64 lowercase hexadecimal digits.
func sha256Hex(bytes: [UInt8]) -> String {
    let digest = SHA256.hash(data: bytes)
    return String(unsafeUninitializedCapacity: 64) { buffer in
        var index = 0
        for byte in digest {
            buffer[index] = hexDigits[Int(byte >> 4)]
            buffer[index + 1] = hexDigits[Int(byte & 0xF)]
            index += 2
        }
        return 64
    }
}
