import Crypto
import Foundation
import HummingbirdBcrypt

/// What makes a password acceptable, and how it is kept: a bcrypt hash, never the text.
///
/// bcrypt reads at most 72 bytes, so a long passphrase (in Arabic, 36 letters) would be cut
/// without a word; the password is first reduced to its SHA-256, whose base64 form bcrypt
/// reads whole. The stored hash starts `sha256-bcrypt$` so the scheme is never guessed at.
public enum PasswordPolicy {
    /// The fewest characters a password may have.
    public static let minimumLength = 10
    /// The most: a longer text is a paste by mistake.
    public static let maximumLength = 1_000
    /// bcrypt's cost (log2 of its rounds) for new hashes.
    public static let defaultCost: UInt8 = 12
    private static let scheme = "sha256-bcrypt$"

    /// Checks a new password for a reviewer, throwing a sentence that says what to change.
    public static func check(_ password: String, handle: String) throws(AccessError) {
        let length = password.count
        if length < minimumLength {
            throw .weakPassword("the password has \(length) characters; use at least \(minimumLength)")
        }
        if length > maximumLength {
            throw .weakPassword("the password is over \(maximumLength) characters")
        }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .weakPassword("the password holds a control character; type it without one")
        }
        let folded = password.lowercased()
        if CommonPasswords.contains(folded) {
            throw .weakPassword("that password is one of the most common; choose a phrase of your own")
        }
        if folded.contains(handle.lowercased()) {
            throw .weakPassword("the password contains the handle '\(handle)'; choose one that does not")
        }
        if Set(password).count < 4 {
            throw .weakPassword("the password repeats too few characters; choose a phrase of your own")
        }
    }

    /// The stored form of a password.
    public static func hash(_ password: String, cost: UInt8 = defaultCost) -> String {
        scheme + Bcrypt.hash(prehash(password), cost: cost)
    }

    /// Whether a password matches its stored form.
    public static func matches(_ password: String, hash stored: String) -> Bool {
        guard stored.hasPrefix(scheme) else { return false }
        return Bcrypt.verify(prehash(password), hash: String(stored.dropFirst(scheme.count)))
    }

    /// A hash that matches no password, checked when a handle is unknown so that a wrong
    /// handle takes as long to refuse as a wrong password.
    public static let decoy = hash("a password nobody has \(UInt64.random(in: .min ... .max))", cost: defaultCost)

    private static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Array(password.utf8))).base64EncodedString()
    }
}
