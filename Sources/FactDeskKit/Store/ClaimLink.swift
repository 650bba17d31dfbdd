import Foundation

/// A reviewer's word on two claims of different sources: the same fact, a contradiction,
/// or unrelated (which keeps an automatic match from coming back).
public struct ClaimLink: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case same
        case contradicts
        case unrelated
    }

    /// The lower of the two claim ids.
    public var claimA: Int64
    /// The higher of the two claim ids.
    public var claimB: Int64
    public var kind: Kind
    public var linkedBy: String
    public var linkedAt: Date

    enum CodingKeys: String, CodingKey {
        case claimA = "claim_a"
        case claimB = "claim_b"
        case kind
        case linkedBy = "linked_by"
        case linkedAt = "linked_at"
    }

    /// The other claim of the link, seen from one of them.
    public func other(than id: Int64) -> Int64 {
        id == claimA ? claimB : claimA
    }
}

/// A confirmed spelling of a person or body.
public struct Alias: Codable, Sendable, Equatable {
    public var id: Int64?
    public var entity: String
    public var variant: String
    public var addedBy: String
    public var addedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, entity, variant
        case addedBy = "added_by"
        case addedAt = "added_at"
    }
}
