import Foundation

/// An email address, with the name its owner goes by.
///
/// Addresses are checked when they are made, so that nothing later writes a malformed or
/// hostile address into a header or an SMTP command: no spaces, no line breaks, no angle
/// brackets, and nothing that SMTP would need `SMTPUTF8` for.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`.
    public let address: String
    /// The display name, as in `Desk <desk@example.org>`; line breaks in it become spaces.
    public let name: String?

    /// The longest address that SMTP carries (RFC 5321, the path limit less its brackets).
    public static let maximumLength = 254

    public init(_ text: String, name: String? = nil) throws(MailError) {
        try Self.check(text)
        address = text
        let cleaned = name.map(HeaderText.singleLine)?.trimmingCharacters(in: .whitespaces)
        self.name = cleaned?.isEmpty == false ? cleaned : nil
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// The domain, which names the message's Message-ID.
    public var domain: Substring { address[address.index(after: address.lastIndex(of: "@") ?? address.startIndex)...] }

    private static func check(_ text: String) throws(MailError) {
        func refuse(_ reason: String) -> MailError { .invalidAddress(text, reason: reason) }
        guard !text.isEmpty else { throw refuse("it is empty") }
        guard text.utf8.count <= maximumLength else { throw refuse("it is longer than \(maximumLength) characters") }
        for scalar in text.unicodeScalars {
            if scalar == "\r" || scalar == "\n" { throw refuse("it has a line break") }
            if scalar.properties.isWhitespace { throw refuse("it has a space") }
            if !scalar.isASCII { throw refuse("it has a character outside ASCII (write the domain in its xn-- form)") }
            if scalar.value < 0x21 || scalar.value == 0x7F { throw refuse("it has a control character") }
            if "<>()[],;:\"\\".unicodeScalars.contains(scalar) { throw refuse("it has '\(scalar)'") }
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw refuse(parts.count == 1 ? "it has no @" : "it has more than one @") }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty else { throw refuse("nothing comes before the @") }
        guard !domain.isEmpty else { throw refuse("nothing comes after the @") }
        guard local.count <= 64 else { throw refuse("the part before the @ is longer than 64 characters") }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw refuse("the part before the @ begins or ends with a dot, or has two in a row")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-")
            && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }) else {
            throw refuse("'\(domain)' is not a domain name")
        }
    }
}
