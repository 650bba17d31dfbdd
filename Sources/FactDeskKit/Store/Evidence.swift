import Foundation

/// A piece of evidence for or against a claim: a URL or a citation, and which way it points.
public struct Evidence: Codable, Sendable, Equatable {
    /// Which way evidence points. Given with a transition and nobody saying, it is what the
    /// workflow's target state says (``Workflow/evidenceStance(for:)``).
    public enum Stance: String, Codable, Sendable, CaseIterable {
        case supports
        case refutes
        case context
    }

    public var id: Int64?
    public var claimID: Int64
    /// A URL, or a citation such as "Tasnim, 19 April 2025, p. 2".
    public var url: String
    public var stance: Stance
    public var note: String?
    public var addedBy: String
    public var addedAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case claimID = "claim_id"
        case url, stance, note
        case addedBy = "added_by"
        case addedAt = "added_at"
    }
}

/// Evidence given on a command, before it is stored.
public struct NewEvidence: Sendable, Equatable {
    public var url: String
    public var stance: Evidence.Stance
    public var note: String?

    public init(url: String, stance: Evidence.Stance, note: String? = nil) {
        self.url = url
        self.stance = stance
        self.note = note
    }
}
