import Foundation

/// A reviewer's note on a claim. Notes are never edited: a correction is a new note.
public struct Note: Codable, Sendable, Equatable {
    public var id: Int64?
    public var claimID: Int64
    public var author: String
    public var body: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case claimID = "claim_id"
        case author, body
        case createdAt = "created_at"
    }
}
