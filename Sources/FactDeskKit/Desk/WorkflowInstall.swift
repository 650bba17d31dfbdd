import Foundation

// MARK: - Installing a workflow

extension Team {
    /// Installs a workflow on the desk, recorded in the signed history with its YAML. Only
    /// an active editor may, and only a workflow that has every state a claim is in.
    ///
    /// It is also the repair for a desk whose stored workflow was changed outside FactDesk:
    /// it writes while every other write is refused (``WorkflowSeal``), and what it installs
    /// is again the workflow the history names.
    @discardableResult
    public func installWorkflow(_ source: WorkflowSource, by actor: String) async throws -> InstalledWorkflow {
        try StoredText.check(source.yaml, field: "workflow")
        return try await storage.writing { tx in
            try await tx.permit(.installWorkflow, by: actor)
            let states = try await tx.claimCountsByState()
            let missing = states.keys.filter { source.workflow.state(named: $0) == nil }.sorted()
            guard missing.isEmpty else {
                throw DeskError.invalidValue(
                    "claims are in (state and count) " + missing.map { "'\($0)' (\(states[$0] ?? 0))" }.joined(separator: ", ")
                        + ", which workflow '\(source.workflow.name)' does not have; add the states to it first")
            }
            let now = clock()
            let installed = try await tx.insert(InstalledWorkflow(
                name: source.workflow.name, yaml: source.yaml, definition: source.workflow, sha256: sha256Hex(source.yaml),
                installedBy: actor, installedAt: now))
            try await tx.record(AuditEvent(at: now, actor: actor,
                                     .workflowInstall(.init(yaml: source.yaml, sha256: installed.sha256,
                                                            workflow: installed.name))), signer)
            return installed
        }
    }
}
