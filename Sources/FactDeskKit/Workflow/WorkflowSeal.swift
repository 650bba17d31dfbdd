import Foundation
import Synchronization

/// The check that the workflow a desk enforces is the one its signed history installed.
///
/// The desk keeps its workflow's YAML, its SHA-256 and the definition read from it (so that
/// a command need not parse YAML). Anyone who can write the desk could edit the definition,
/// and the command line and the web would enforce the edit at once. So before every write
/// the three are held to the event that installed the workflow (the desk's creation, or the
/// newest `workflow.install`): the YAML's hash must be the one the event signed, and the
/// definition the one that YAML gives. Until they are, every write of the desk's rules is
/// refused; logins, passwords, tokens and second factors go on, so an editor can reach the desk.
enum WorkflowSeal {
    /// Workflows already read from their YAML in this process, by the YAML's SHA-256.
    private static let loaded = LockedCache<String, Workflow>()

    /// What differs between the desk's workflow and its installing event, or nil when nothing does.
    static func problem(_ installed: InstalledWorkflow, event: (seq: Int64, details: String)) -> String? {
        let actual = sha256Hex(installed.yaml)
        if actual != installed.sha256 {
            return "its YAML (SHA-256 \(actual.prefix(12))…) is not the one the desk says it holds (\(installed.sha256.prefix(12))…)"
        }
        // The storage gives the newest `workflow.install`, else the desk's first event, `desk.create`.
        let action = event.seq == 1 ? AuditAction.deskCreate : AuditAction.workflowInstall
        let signed = EventPayload(action: action, details: event.details)
        guard let recorded = signed?.sha256 else {
            return "event \(event.seq), which installed it, records no workflow"
        }
        if recorded != actual {
            return "its YAML (SHA-256 \(actual.prefix(12))…) is not the one event \(event.seq) installed (\(recorded.prefix(12))…)"
        }
        guard let workflow = definition(of: installed.yaml, sha256: actual) else {
            return "its YAML no longer loads"
        }
        if workflow != installed.definition {
            return "its stored definition is not what its YAML says: " + differences(installed.definition, workflow)
        }
        return nil
    }

    /// Refuses a write while the desk's workflow is not the one its history installed.
    static func check(_ tx: any StorageReader) async throws {
        guard let event = try await tx.workflowInstallEvent() else { return }
        guard let installed = try await tx.installedWorkflow() else {
            throw IntegrityError.workflowChanged("the desk's workflow is gone")
        }
        if let problem = problem(installed, event: event) { throw IntegrityError.workflowChanged(problem) }
    }

    /// The workflow a YAML gives, read once per process.
    static func definition(of yaml: String, sha256: String) -> Workflow? {
        if let known = loaded[sha256] { return known }
        guard let workflow = try? WorkflowLoader(file: "the desk's workflow").load(yaml: yaml, refusingAliases: false) else {
            return nil
        }
        loaded[sha256] = workflow
        return workflow
    }

    /// Says which parts of two workflows differ, for the person who must repair one.
    private static func differences(_ stored: Workflow, _ signed: Workflow) -> String {
        var parts: [String] = []
        if stored.states != signed.states { parts.append("its states") }
        if stored.transitions != signed.transitions {
            let changed = signed.transitions.filter { !stored.transitions.contains($0) }.map(\.name)
                + stored.transitions.filter { !signed.transitions.contains($0) }.map(\.name)
            parts.append("the transitions " + Array(Set(changed)).sorted().joined(separator: ", "))
        }
        if parts.isEmpty { parts.append("its name, initial state or rating scale") }
        return parts.joined(separator: " and ") + " differ"
    }
}

/// What a desk's rows say that its signed history does not, found before a write.
public enum IntegrityError: CatalogError, Equatable {
    case workflowChanged(String)

    public var kind: FailureKind { .tampered }

    public var description: String { englishText() }

    public var catalogMessage: CatalogMessage? {
        switch self {
        case .workflowChanged(let detail):
            CatalogMessage("error_workflow_changed", ["detail": detail])
        }
    }
}

/// A dictionary shared by threads, behind a lock.
final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    subscript(key: Key) -> Value? {
        get { values.withLock { $0[key] } }
        set { values.withLock { $0[key] = newValue } }
    }
}
