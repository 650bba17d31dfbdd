import Crypto
import Foundation

/// An event as the desk sends it out, to webhooks and to the event feed (`/api/events`):
/// the event's JSON as `history --json` prints it, with a summary of its claim.
public struct EventMessage: Encodable, Sendable {
    public var event: JSONView.EventView
    public var claim: ClaimSummary?

    /// What a receiver needs of the claim without asking the desk: its state, assignee,
    /// text and the link to it.
    public struct ClaimSummary: Encodable, Sendable {
        public var id: Int64
        public var state: String
        @Nullable public var assignee: String?
        public var text: String
        @Nullable public var link: String?
    }

    /// Actions whose details stay on the desk: an address's digest, a transport, a webhook's secret's digest.
    static let withheld: Set<String> = [AuditAction.reviewerNotify, AuditAction.mailSet, AuditAction.webhookAdd, AuditAction.webhookRemove]

    public init(event: AuditEvent, claim: Claim?, baseURL: String?) {
        self.event = JSONView.EventView(event)
        if Self.withheld.contains(event.action) { self.event.details = .incomplete(action: event.action) }
        self.claim = claim.map {
            ClaimSummary(id: $0.id ?? 0, state: $0.state, assignee: $0.assignee, text: $0.text,
                         link: Self.link(claim: $0.id ?? 0, baseURL: baseURL))
        }
    }

    public static func link(claim: Int64, baseURL: String?) -> String? {
        guard let baseURL, !baseURL.isEmpty else { return nil }
        return (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/claims/\(claim)"
    }

    /// The event's fields at the top, as `history --json` prints them, and `claim` beside them.
    public func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(claim, forKey: .claim)
    }

    enum Key: String, CodingKey { case claim }

    /// The compact JSON posted to a webhook, keys sorted, Arabic as is.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The `{"text": ...}` that Slack, Mattermost and Rocket.Chat incoming webhooks take.
    public func slackJSON() throws -> Data {
        // Every text of the desk is escaped (a claim may come from a reader's tip or a feed, and
        // must not carry a link of its own); only the desk's own link is written as one.
        var line = Self.slackEscaped("\(event.actor) — \(event.action)")
        if let claim {
            var said = " — claim \(claim.id) (\(claim.state)"
            if let assignee = claim.assignee { said += ", \(assignee)" }
            line += Self.slackEscaped(said + "): \(claim.text)")
            if let link = claim.link { line += "\n<\(Self.slackEscaped(link))|claim \(claim.id)>" }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(["text": line])
    }

    /// Slack's three control characters in text, escaped as its message format asks.
    static func slackEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// The Standard Webhooks signature: `v1,` and the base64 HMAC-SHA256, keyed by the secret's
/// bytes (after `whsec_`), of `id.timestamp.body`.
public enum WebhookSignature {
    public static func sign(id: String, timestamp: Int64, body: Data, secret: String) -> String? {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let key = Data(base64Encoded: encoded), !key.isEmpty else { return nil }
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }
}
