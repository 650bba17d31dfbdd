/// Decides whether a transition may run, given the claim as it is now and who asks.
///
/// The guard is a pure function of its inputs, so it can be tested as a table and
/// called inside the store's write transaction against the freshly re-read claim.
public struct TransitionGuard: Sendable {
    public var workflow: Workflow

    public init(workflow: Workflow) {
        self.workflow = workflow
    }

    /// What the guard needs to know about the claim and the command.
    public struct Request: Sendable {
        public var claimID: Int64
        public var state: String
        public var assignee: String?
        public var actor: Reviewer
        public var hasNote: Bool
        /// Evidence already on the claim plus the items given on this command.
        public var evidenceCount: Int
        public var newAssignee: String?
        /// The transitions run on the claim so far, newest first, with who ran each.
        public var runs: [(transition: String, actor: String)]

        public init(claimID: Int64, state: String, assignee: String?, actor: Reviewer,
                    hasNote: Bool = false, evidenceCount: Int = 0, newAssignee: String? = nil,
                    runs: [(transition: String, actor: String)] = []) {
            self.claimID = claimID
            self.state = state
            self.assignee = assignee
            self.actor = actor
            self.hasNote = hasNote
            self.evidenceCount = evidenceCount
            self.newAssignee = newAssignee
            self.runs = runs
        }
    }

    /// The named transition, or an error listing the ones the workflow has.
    public func transition(named name: String) throws(DeskError) -> Transition {
        guard let transition = workflow.transition(named: name) else {
            throw .unknownTransition(name, available: workflow.transitions.map(\.name))
        }
        return transition
    }

    /// Throws the first reason the transition may not run, checking in the order a user
    /// fixes things: the claim's state, who is asking, then what the command carries.
    public func check(_ transition: Transition, _ request: Request) throws(DeskError) {
        guard transition.from.contains(request.state) else {
            throw .transitionNotAllowed(
                claim: request.claimID, transition: transition.name, state: request.state,
                allowed: workflow.transitions(from: request.state).map(\.name))
        }
        guard request.actor.active else {
            throw .reviewerInactive(request.actor.handle)
        }
        guard permits(transition, actor: request.actor, assignee: request.assignee) else {
            throw .notPermitted(actor: request.actor.handle, transition: transition.name,
                                claim: request.claimID, who: transition.whoMayRun)
        }
        if let earlier = request.runs.first(where: { transition.notBy.contains($0.transition) }),
           earlier.actor == request.actor.handle {
            throw .sameReviewer(actor: request.actor.handle, transition: transition.name, claim: request.claimID,
                                earlier: earlier.transition)
        }
        if transition.acceptsProposal && proposal(request.runs) == nil {
            throw .nothingProposed(claim: request.claimID, transition: transition.name)
        }
        if transition.setsAssignee && request.newAssignee == nil {
            throw .assigneeRequired(transition: transition.name)
        }
        if !transition.setsAssignee && request.newAssignee != nil {
            throw .assigneeNotExpected(transition: transition.name)
        }
        if transition.requiresNote && !request.hasNote {
            throw .noteRequired(transition: transition.name)
        }
        if request.evidenceCount < transition.minimumEvidence {
            throw .evidenceRequired(transition: transition.name, needed: transition.minimumEvidence,
                                    given: request.evidenceCount)
        }
    }

    /// The state a transition leads to: its `to`, or for `to: proposal` the verdict the
    /// claim's latest proposing transition named.
    public func target(of transition: Transition, runs: [(transition: String, actor: String)]) -> String? {
        transition.acceptsProposal ? proposal(runs) : transition.to
    }

    /// The verdict proposed by the latest proposing transition among the runs.
    func proposal(_ runs: [(transition: String, actor: String)]) -> String? {
        runs.lazy.compactMap { self.workflow.transition(named: $0.transition)?.proposes }.first
    }

    /// Whether the reviewer is one of those the transition names.
    public func permits(_ transition: Transition, actor: Reviewer, assignee: String?) -> Bool {
        guard actor.active else { return false }
        return transition.by.contains { role in
            switch role {
            case .editor: actor.role == .editor
            case .assignee: assignee == actor.handle
            }
        }
    }

    /// The transitions that leave the state, each with whether this reviewer may run it.
    public func available(state: String, assignee: String?, for actor: Reviewer?) -> [(Transition, permitted: Bool)] {
        workflow.transitions(from: state).map { transition in
            (transition, actor.map { permits(transition, actor: $0, assignee: assignee) } ?? false)
        }
    }
}
