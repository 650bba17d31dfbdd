import Foundation

/// A logged-in person's session, as the server sees it on each request.
public struct LoginSession: Sendable, Equatable {
    public var reviewer: Reviewer
    /// The token every form of this session carries, checked on each POST.
    public var csrf: String
    public var createdAt: Date
    public var lastSeenAt: Date
}

/// A session just opened: the cookie's secret is given out once and never stored.
public struct NewLogin: Sendable {
    public var secret: Secret
    public var session: LoginSession
}

/// An API token for scripts, as listed: the secret itself is shown only when created.
public struct APIToken: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var handle: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?

    /// Whether the token still lets a script in.
    public func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
