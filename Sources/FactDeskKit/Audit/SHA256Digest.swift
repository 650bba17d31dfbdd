import Crypto
import Foundation

/// The SHA-256 of text, as 64 lowercase hexadecimal digits.
///
/// Used for an article's identity (the same text imported twice is the same source)
/// and for the fingerprint of an installed workflow.
public func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { byte in
        let hex = String(byte, radix: 16)
        return byte < 16 ? "0" + hex : hex
    }.joined()
}
