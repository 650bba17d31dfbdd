import Foundation
import Testing
@testable import FactDeskKit

@Suite struct TransitionGuardTests {
    enum Who: String, CustomStringConvertible {
        case editor, assignee, otherReviewer, inactiveEditor
        var description: String { rawValue }
    }

    enum Outcome: String, Equatable, CustomStringConvertible {
        case allowed, wrongState, notPermitted, inactive, needsNote, needsEvidence, needsAssignee
        /// Any other refusal: never what a case expects.
        case otherRefusal
        var description: String { rawValue }
    }

    struct Case: CustomStringConvertible {
        var transition: String
        var state: String
        var who: Who
        var note = false
        var evidence = 0
        var assignee: String?
        var expected: Outcome
        var description: String { "\(transition) from \(state) by \(who) → \(expected)" }
    }

    static let cases: [Case] = [
        Case(transition: "assign", state: "new", who: .editor, assignee: "layla", expected: .allowed),
        Case(transition: "assign", state: "in_review", who: .editor, assignee: "omar", expected: .allowed),
        Case(transition: "assign", state: "new", who: .otherReviewer, assignee: "layla", expected: .notPermitted),
        Case(transition: "assign", state: "new", who: .editor, expected: .needsAssignee),
        Case(transition: "assign", state: "verified", who: .editor, assignee: "layla", expected: .wrongState),
        Case(transition: "start", state: "assigned", who: .assignee, expected: .allowed),
        Case(transition: "start", state: "assigned", who: .editor, expected: .notPermitted),
        Case(transition: "start", state: "new", who: .assignee, expected: .wrongState),
        Case(transition: "verify", state: "in_review", who: .assignee, note: true, evidence: 1, expected: .allowed),
        Case(transition: "verify", state: "assigned", who: .editor, note: true, evidence: 2, expected: .allowed),
        Case(transition: "verify", state: "in_review", who: .assignee, evidence: 1, expected: .needsNote),
        Case(transition: "verify", state: "in_review", who: .assignee, note: true, expected: .needsEvidence),
        Case(transition: "verify", state: "in_review", who: .otherReviewer, note: true, evidence: 1, expected: .notPermitted),
        Case(transition: "verify", state: "new", who: .editor, note: true, evidence: 1, expected: .wrongState),
        Case(transition: "dispute", state: "in_review", who: .assignee, note: true, evidence: 1, expected: .allowed),
        Case(transition: "dispute", state: "verified", who: .editor, note: true, evidence: 1, expected: .wrongState),
        Case(transition: "unverifiable", state: "in_review", who: .assignee, note: true, expected: .allowed),
        Case(transition: "unverifiable", state: "in_review", who: .assignee, expected: .needsNote),
        Case(transition: "skip", state: "new", who: .editor, note: true, expected: .allowed),
        Case(transition: "skip", state: "in_review", who: .editor, note: true, expected: .wrongState),
        Case(transition: "skip", state: "assigned", who: .assignee, note: true, expected: .notPermitted),
        Case(transition: "reopen", state: "verified", who: .editor, note: true, expected: .allowed),
        Case(transition: "reopen", state: "skipped", who: .editor, note: true, expected: .allowed),
        Case(transition: "reopen", state: "disputed", who: .assignee, note: true, expected: .notPermitted),
        Case(transition: "reopen", state: "disputed", who: .editor, expected: .needsNote),
        Case(transition: "reopen", state: "in_review", who: .editor, note: true, expected: .wrongState),
        Case(transition: "verify", state: "in_review", who: .inactiveEditor, note: true, evidence: 1, expected: .inactive),
    ]

    @Test(arguments: cases)
    func theStandardWorkflowGuardsEachTransition(_ test: Case) throws {
        let workflow = try WorkflowSource.named("standard").workflow
        let guardian = TransitionGuard(workflow: workflow)
        let actor: Reviewer = switch test.who {
        case .editor: Reviewer(handle: "sara", displayName: "Sara", role: .editor, createdAt: .now)
        case .assignee: Reviewer(handle: "layla", displayName: "Layla", role: .reviewer, createdAt: .now)
        case .otherReviewer: Reviewer(handle: "omar", displayName: "Omar", role: .reviewer, createdAt: .now)
        case .inactiveEditor: Reviewer(handle: "old", displayName: "Old", role: .editor, active: false, createdAt: .now)
        }
        let request = TransitionGuard.Request(
            claimID: 7, state: test.state, assignee: "layla", actor: actor, hasNote: test.note,
            evidenceCount: test.evidence, newAssignee: test.assignee)
        let outcome: Outcome
        do {
            try guardian.check(try guardian.transition(named: test.transition), request)
            outcome = .allowed
        } catch {
            outcome = switch error {
            case .transitionNotAllowed: .wrongState
            case .notPermitted: .notPermitted
            case .reviewerInactive: .inactive
            case .noteRequired: .needsNote
            case .evidenceRequired: .needsEvidence
            case .assigneeRequired: .needsAssignee
            default: .otherRefusal
            }
        }
        #expect(outcome == test.expected)
    }

    @Test func aRefusedTransitionListsWhatTheStateAllows() throws {
        let guardian = TransitionGuard(workflow: try WorkflowSource.named("standard").workflow)
        let editor = Reviewer(handle: "sara", displayName: "Sara", role: .editor, createdAt: .now)
        #expect(throws: DeskError.transitionNotAllowed(
            claim: 3, transition: "start", state: "new", allowed: ["assign", "skip"])) {
            try guardian.check(try guardian.transition(named: "start"),
                               .init(claimID: 3, state: "new", assignee: nil, actor: editor))
        }
    }

    @Test func anUnknownTransitionNamesTheWorkflowsTransitions() throws {
        let guardian = TransitionGuard(workflow: try WorkflowSource.named("standard").workflow)
        #expect(throws: DeskError.unknownTransition(
            "approve", available: ["assign", "start", "verify", "dispute", "unverifiable", "skip", "reopen"])) {
            _ = try guardian.transition(named: "approve")
        }
    }
}
