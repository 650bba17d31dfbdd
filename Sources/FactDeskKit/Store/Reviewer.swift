import Foundation

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
    /// The public key that signs what the reviewer does (`ed25519:...`); nil only on a
    /// desk made before its history was signed, until one is registered.
    public var publicKey: String?

    enum CodingKeys: String, CodingKey {
        case id, handle
        case displayName = "display_name"
        case role, active
        case createdAt = "created_at"
        case publicKey = "public_key"
    }

    public init(id: Int64? = nil, handle: String, displayName: String, role: Role,
                active: Bool = true, createdAt: Date, publicKey: String? = nil) {
        self.publicKey = publicKey
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

/// A program registered to sign events for the reviewers it acts for, such as the web
/// desk (`factdesk serve`): its name and public key.
public struct Service: Sendable, Equatable {
    public var name: String
    public var publicKey: String
    public var active: Bool
    public var addedBy: String
    public var addedAt: Date

    public init(name: String, publicKey: String, active: Bool = true, addedBy: String, addedAt: Date) {
        self.name = name
        self.publicKey = publicKey
        self.active = active
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}
