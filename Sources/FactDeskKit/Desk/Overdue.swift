import Foundation

extension Claim {
    /// Whether the claim is past its deadline and not yet decided, at a moment.
    ///
    /// A claim is overdue once its deadline lies strictly before `now`; a claim without a
    /// deadline never is, nor is one in a final state of the workflow, whatever its deadline
    /// said. Every view that marks a claim late asks this; the listing filter
    /// (``ClaimFilter/overdueAt``) and the desk's statistics say the same in each backend's SQL.
    public func isOverdue(at now: Date, in workflow: Workflow) -> Bool {
        guard let dueAt else { return false }
        return dueAt < now && !workflow.isFinal(state)
    }
}
