import Foundation
import GRDB

/// A person who works on the desk: an editor, who assigns and decides, or a reviewer.
public struct Reviewer: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case editor
        case reviewer
    }

    public var id: Int64?
    public var handle: String
    public var displayName: String
    public var role: Role
    public var active: Bool
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, handle
        case displayName = "display_name"
        case role, active
        case createdAt = "created_at"
    }

    public init(id: Int64? = nil, handle: String, displayName: String, role: Role,
                active: Bool = true, createdAt: Date) {
        self.id = id
        self.handle = handle
        self.displayName = displayName
        self.role = role
        self.active = active
        self.createdAt = createdAt
    }

    /// Checks that a handle is one word a person can type: letters of any script,
    /// digits, `.`, `_` and `-`, at most 64 characters.
    public static func validate(handle: String) throws(DeskError) {
        let allowed = handle.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
        guard !handle.isEmpty, handle.count <= 64, allowed else {
            throw .invalidValue(
                "'\(handle)' is not a valid handle; use one word of letters, digits, '.', '_' or '-'")
        }
    }
}

extension Reviewer: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "reviewer"

    public enum Columns {
        static let handle = Column(CodingKeys.handle)
        static let role = Column(CodingKeys.role)
        static let active = Column(CodingKeys.active)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
