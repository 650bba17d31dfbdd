import Foundation

/// Where the desk hands its mail over, and how it talks to that server.
///
/// Written as `smtp://[user@]host[:port]` (port 587) or `smtps://[user@]host[:port]` (TLS
/// from the first byte, port 465). The password is never part of it: the caller passes it
/// to ``MailTransport/send(_:password:)`` from wherever it keeps secrets.
public struct SMTPRelay: Sendable, Equatable {
    /// How the connection is protected.
    public enum Security: String, Sendable, Equatable, CaseIterable {
        /// No TLS: for a relay on the same machine or network only. No password is sent.
        case plain
        /// A plain connection upgraded with STARTTLS before anything else is said.
        case starttls
        /// TLS from the start (`smtps://`).
        case tls
    }

    public static let defaultTimeout: Double = 30

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    /// A PEM file of certificates to trust instead of the system's, for a relay whose
    /// certificate a private authority signed.
    public var caFile: String?
    /// Seconds allowed for the whole exchange, connecting included.
    public var timeout: Double

    public init(host: String, port: Int? = nil, security: Security = .starttls, username: String? = nil,
                caFile: String? = nil, timeout: Double = SMTPRelay.defaultTimeout) {
        self.host = host
        self.port = port ?? (security == .tls ? 465 : 587)
        self.security = security
        self.username = username
        self.caFile = caFile
        self.timeout = timeout.isFinite ? min(max(timeout, 0.001), 3600) : Self.defaultTimeout
    }

    /// Reads `smtp://[user@]host[:port]` or `smtps://…`; `starttls` upgrades an `smtp://`
    /// connection with STARTTLS.
    public init(url text: String, starttls: Bool = false, caFile: String? = nil,
                timeout: Double = SMTPRelay.defaultTimeout) throws(MailError) {
        func refuse(_ reason: String) -> MailError { .invalidRelay(text, reason: reason) }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw refuse("write it as smtp://host:587 or smtps://host:465")
        }
        let security: Security
        switch scheme {
        case "smtp": security = starttls ? .starttls : .plain
        case "smtps":
            guard !starttls else { throw refuse("smtps:// is TLS from the start; drop STARTTLS, or write smtp:// to use it") }
            security = .tls
        default: throw refuse("it begins with \(scheme)://; write smtp://host:587 or smtps://host:465")
        }
        guard let host = components.host, !host.isEmpty else { throw refuse("it names no host; write smtp://host:587") }
        guard components.password == nil else {
            // The error is shown and logged: it repeats the address without the password.
            var shown = components
            shown.password = nil
            throw .invalidRelay(shown.string ?? "smtp://…", reason: "it holds a password; write smtp://user@host and give the password separately")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil else {
            throw refuse("it has a path, query or fragment; write only smtp://[user@]host[:port]")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw refuse("\(port) is not a port; use a number from 1 to 65535")
        }
        let user = components.user?.removingPercentEncoding
        if let user, user.isEmpty || user.contains(where: { $0.isNewline || $0 == "\0" }) {
            throw refuse("its user name is empty or has a line break")
        }
        self.init(host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: components.port,
                  security: security, username: user, caFile: caFile, timeout: timeout)
    }
}
