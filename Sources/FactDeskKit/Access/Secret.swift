import Crypto
import Foundation

/// A random secret handed out once (a session's cookie, an API token, a form's CSRF token)
/// of which the desk keeps only a digest: the SHA-256, or for a session the MAC under the
/// server's session key.
public struct Secret: Sendable, Equatable {
    /// The text given to the person: 256 random bits, base64url without padding.
    public let text: String

    /// A new secret, with an optional prefix that says what it is (`fdt_` for API tokens).
    public static func random(prefix: String = "") -> Secret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Secret(text: prefix + base64URL(bytes))
    }

    public init(text: String) {
        self.text = text
    }

    /// What the desk stores and looks the secret up by.
    public var digest: String { sha256Hex(text) }

    /// What the desk stores for a session: the HMAC-SHA256 of the secret under the server's
    /// session key, in hexadecimal, which nobody without that key can make for a secret.
    public func mac(_ key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two texts in time that does not depend on where they first differ.
    public static func constantTimeEqual(_ first: String, _ second: String) -> Bool {
        let a = Array(first.utf8), b = Array(second.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
