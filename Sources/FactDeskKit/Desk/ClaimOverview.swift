/// Everything a person looking at one claim is shown: the claim in its source with notes,
/// evidence and history, the other sources that report it, and the transitions the
/// workflow lets that person run now.
///
/// The command line's `claim show` and the web desk's claim page are two views of this
/// one value, so the two never disagree about what someone may do next.
public struct ClaimOverview: Sendable {
    public var detail: ClaimDetail
    public var workflow: Workflow
    /// Every transition that leaves the claim's state, and whether the viewer may run it.
    public var transitions: [(Transition, permitted: Bool)]
    /// Claims of other sources that report the same fact, strongest first.
    public var related: [RelatedClaim]
    /// Fact-checks other organizations published that match the claim, best first.
    public var knownChecks: [KnownCheckMatch] = []

    /// Whether the claim holds a verdict.
    public var isFinal: Bool { workflow.isFinal(detail.claim.state) }

    /// The same overview for another viewer: only the transitions they may run differ.
    public func viewed(by viewer: Reviewer?) -> ClaimOverview {
        var overview = self
        overview.transitions = TransitionGuard(workflow: workflow)
            .available(state: detail.claim.state, assignee: detail.claim.assignee, for: viewer)
        return overview
    }

    /// The JSON shape of `claim show --json` and `GET /api/claims/{id}`.
    public var jsonView: JSONView.ClaimDetailView {
        JSONView.ClaimDetailView(detail, transitions: transitions.map(\.0.name), related: related, knownChecks: knownChecks)
    }
}

extension Review {
    /// The overview of a claim for a viewer (nil: someone not on the desk, who may run nothing).
    public func overview(of id: Int64, for viewer: Reviewer?) async throws -> ClaimOverview {
        let detail = try await claimDetail(id)
        let workflow = try await team.workflow()
        let transitions = TransitionGuard(workflow: workflow)
            .available(state: detail.claim.state, assignee: detail.claim.assignee, for: viewer)
        let (related, checks) = try await corroboration.matches(of: id, limit: 20, minimumScore: Relatedness.strong)
        return ClaimOverview(detail: detail, workflow: workflow, transitions: transitions, related: related,
                             knownChecks: checks)
    }
}
