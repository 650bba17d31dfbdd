import Foundation

/// A transition as a person asks for it: the words typed on the command line or sent by a
/// form or the API, before anything is checked.
///
/// Both adapters hand what they received to ``command(by:in:now:)``, which reads the
/// deadline, the stance and the version, fills in the stance the workflow gives, and
/// refuses malformed input with one sentence; the guards of the workflow then run in
/// ``Review/apply(_:)``.
public struct TransitionInput: Sendable, Equatable {
    /// The transition's name, as the workflow spells it.
    public var transition: String
    public var claimIDs: [Int64]
    /// The reviewer to assign, for a transition that assigns.
    public var assignee: String?
    /// The deadline as typed: `2h`, `3d`, `1w`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (UTC).
    public var due: String?
    public var note: String?
    /// URLs or citations.
    public var evidence: [String]
    /// How the evidence bears on the claim: supports, refutes or context; else the workflow says.
    public var stance: String?
    /// The version of the one claim the person saw, as typed.
    public var version: String?

    public init(transition: String, claimIDs: [Int64], assignee: String? = nil, due: String? = nil,
                note: String? = nil, evidence: [String] = [], stance: String? = nil, version: String? = nil) {
        self.transition = transition
        self.claimIDs = claimIDs
        self.assignee = assignee
        self.due = due
        self.note = note
        self.evidence = evidence
        self.stance = stance
        self.version = version
    }

    /// The command this input asks for, run by `actor` on a desk with `workflow`, at `now`.
    public func command(by actor: String, in workflow: Workflow, now: Date) throws(DeskError) -> TransitionCommand {
        guard let step = workflow.transition(named: transition) else {
            throw .unknownTransition(transition, available: workflow.transitions.map(\.name))
        }
        guard !claimIDs.isEmpty else { throw .invalidValue("name at least one claim id") }
        let stance = try stance.map(Evidence.Stance.init(parsing:))
        if stance != nil && evidence.isEmpty {
            throw .mismatchedInput("a stance says how evidence bears on the claim; give the evidence too")
        }
        var expected: [Int64: Int64] = [:]
        if let version {
            guard let number = Int64(version) else {
                throw .invalidValue("version '\(version)' is not a claim's version; give the number claim show prints")
            }
            guard let id = claimIDs.first, Set(claimIDs).count == 1 else {
                throw .mismatchedInput("a version is one claim's; give one claim id with it")
            }
            expected[id] = number
        }
        let deadline = try due.map { text throws(DeskError) in try Deadline.parse(text, now: now) }
        if deadline != nil && !step.setsAssignee { throw .deadlineWithoutAssignment }
        let given = stance ?? workflow.evidenceStance(for: step.name)
        return TransitionCommand(
            transition: step.name, claimIDs: claimIDs, actor: actor, note: note,
            evidence: evidence.map { NewEvidence(url: $0, stance: given) },
            assignee: assignee, expectedVersions: expected, due: deadline)
    }
}

extension Evidence.Stance {
    /// A stance as a person typed it; anything else is refused naming the three.
    public init(parsing text: String) throws(DeskError) {
        guard let stance = Self(rawValue: text) else {
            throw .invalidValue("stance '\(text)' is not one of: supports, refutes, context")
        }
        self = stance
    }
}
