import Foundation
import HummingbirdOTP

/// Time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) and the
/// authenticator URI (the Key Uri Format) that hands their secret to a phone.
///
/// The codes come from HummingbirdOTP; this type only says which steps a login accepts.
public struct OneTimeCodes: Sendable, Equatable {
    /// The shared secret: the bytes of this ASCII text are the HMAC key, and its Base32
    /// is what the URI carries.
    public let secret: String

    public static let digits = 6
    public static let period = 30
    /// The steps either side of the current one a code may come from: clocks drift.
    public static let tolerance: Int64 = 1

    public init(secret: String) {
        self.secret = secret
    }

    /// A fresh secret: 32 characters of [A-Za-z0-9], about 190 random bits.
    public static func random() -> OneTimeCodes {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return OneTimeCodes(secret: String((0..<32).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }))
    }

    /// The number of the 30-second step a moment falls in (RFC 6238's T).
    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// The code of one step, as the six digits a person types.
    public func code(step: Int64) -> String {
        Self.padded(HOTP(secret: secret, length: Self.digits, hashFunction: .sha1).compute(counter: UInt64(max(0, step))))
    }

    /// The code of the step a moment falls in, through HummingbirdOTP's own clock reading.
    public func code(at date: Date) -> String {
        Self.padded(TOTP(secret: secret, length: Self.digits, timeStep: Self.period, hashFunction: .sha1).compute(date: date))
    }

    /// A code's number as the digits a person types, with its leading zeros.
    private static func padded(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, Self.digits - digits.count)) + digits
    }

    /// The step a typed code belongs to: the current one or one either side, and later
    /// than `lastUsed`, so that a code once used cannot open a second login. Nil otherwise.
    public func matchingStep(_ typed: String, at date: Date, after lastUsed: Int64) -> Int64? {
        guard Self.looksLikeCode(typed) else { return nil }
        let now = Self.step(at: date)
        var found: Int64?
        for step in (now - Self.tolerance)...(now + Self.tolerance) where step > lastUsed {
            // Every candidate is compared, in constant time, whichever matches.
            if Secret.constantTimeEqual(code(step: step), typed), found == nil { found = step }
        }
        return found
    }

    /// Whether a typed text has the shape of a code (six digits), not of a recovery code.
    public static func looksLikeCode(_ typed: String) -> Bool {
        typed.utf8.count == digits && typed.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The `otpauth://totp/...` URI an authenticator app reads (typed in, or from a QR code):
    /// issuer FactDesk, labelled `FactDesk:handle@desk`, SHA1, 6 digits, 30 seconds.
    public func uri(desk: String, handle: String) -> String {
        let account = "\(handle)@\(desk)"
        let base = TOTP(secret: secret, length: Self.digits, timeStep: Self.period, hashFunction: .sha1)
            .createAuthenticatorURL(label: "FactDesk:" + account, issuer: "FactDesk")
        return base + "&algorithm=SHA1&digits=\(Self.digits)&period=\(Self.period)"
    }
}

/// Single-use recovery codes: ten random codes, shown once, stored only as digests.
public enum RecoveryCodes {
    public static let count = 10
    /// 32 letters and digits without the easily confused l, o, 0 and 1: 5 bits each.
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    /// Ten new codes, each 16 characters (80 random bits) in four groups: `abcd-efgh-jkmn-pqrs`.
    public static func random() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let letters = (0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            return stride(from: 0, to: 16, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
        }
    }

    /// What the desk stores of a code of a reviewer: the SHA-256 of the handle and the
    /// code as typed without case, spaces or dashes. 80 random bits make guessing from
    /// the digest as hard as guessing the code.
    public static func digest(_ typed: String, handle: String) -> String {
        let plain = typed.lowercased().unicodeScalars.filter { $0 != "-" && $0 != " " }
        return sha256Hex("factdesk-recovery:\(handle):" + String(String.UnicodeScalarView(plain)))
    }
}
