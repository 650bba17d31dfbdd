import ArgumentParser
import FactDeskKit

/// The filters that listing and exporting claims share.
struct ClaimFilterOptions: ParsableArguments {
    @Option(name: .customLong("status"), help: ArgumentHelp("Only claims in this state (repeatable).", valueName: "state"))
    var statuses: [String] = []

    @Option(help: ArgumentHelp("Only claims assigned to this reviewer.", valueName: "handle"))
    var assignee: String?

    @Flag(help: "Only claims assigned to nobody.")
    var unassigned = false

    @Option(help: ArgumentHelp("Only claims from this source.", valueName: "id"))
    var source: Int64?

    @Flag(help: "Only claims whose sentence their outlet changed or removed since (see source refresh).")
    var revised = false

    func validate() throws {
        if assignee != nil && unassigned { throw ValidationError("use one of --assignee and --unassigned") }
    }

    /// The filter these options describe, once the states are checked against the workflow.
    func filter(for workflow: FactDeskKit.Workflow) throws -> ClaimFilter {
        try workflow.requireStates(statuses)
        var filter = ClaimFilter(states: statuses, sourceID: source)
        if let assignee { filter.assignment = .assignedTo(assignee) }
        if unassigned { filter.assignment = .unassigned }
        filter.revised = revised
        return filter
    }
}
