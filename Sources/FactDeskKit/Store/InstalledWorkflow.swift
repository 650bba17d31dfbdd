import Foundation

/// A workflow as installed in a desk: its YAML text verbatim, the SHA-256 of that text, and
/// the checked definition it loaded to.
///
/// The desk runs on its own copy, so editing a file in `Workflows/` never changes a
/// running desk; and commands read the stored definition rather than parse YAML each time.
public struct InstalledWorkflow: Codable, Sendable, Equatable {
    public var id: Int64?
    public var name: String
    public var yaml: String
    public var definition: Workflow
    public var sha256: String
    public var installedBy: String
    public var installedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, yaml, definition, sha256
        case installedBy = "installed_by"
        case installedAt = "installed_at"
    }
}
