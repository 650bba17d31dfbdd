import Foundation
import Testing
@testable import FactDeskKit

/// The builder both adapters hand raw input to, and the evidence stance the workflow gives.
@Suite struct TransitionInputTests {
    let now = Date(timeIntervalSince1970: 1_745_000_000)
    let standard: Workflow

    init() throws {
        standard = try WorkflowSource.named("standard").workflow
    }

    /// A custom workflow: its verdicts are not named verified or disputed, and say their stance.
    static let custom = """
        name: newsroom
        states:
          new: { initial: true }
          true_claim: { final: true, stance: supports }
          false_claim: { final: true, stance: refutes }
          verified: { final: true, stance: context }
        transitions:
          confirm: { from: [new], to: true_claim, by: [editor] }
          debunk: { from: [new], to: false_claim, by: [editor] }
          verify: { from: [new], to: verified, by: [editor] }
        """

    @Test func aFullInputBecomesTheCommandItDescribes() throws {
        let input = TransitionInput(transition: "assign", claimIDs: [3], assignee: "layla", due: "2h",
                                    note: "please", evidence: ["https://a"], stance: "refutes", version: "4")
        let command = try input.command(by: "sara", in: standard, now: now)
        #expect(command == TransitionCommand(
            transition: "assign", claimIDs: [3], actor: "sara", note: "please",
            evidence: [NewEvidence(url: "https://a", stance: .refutes)], assignee: "layla",
            expectedVersions: [3: 4], due: now.addingTimeInterval(7_200)))
    }

    @Test(arguments: [
        (TransitionInput(transition: "approve", claimIDs: [1]), "no transition 'approve'"),
        (TransitionInput(transition: "start", claimIDs: []), "name at least one claim id"),
        (TransitionInput(transition: "verify", claimIDs: [1], evidence: ["x"], stance: "agrees"), "stance 'agrees' is not one of"),
        (TransitionInput(transition: "verify", claimIDs: [1], stance: "supports"), "give the evidence too"),
        (TransitionInput(transition: "start", claimIDs: [1], version: "seven"), "version 'seven' is not"),
        (TransitionInput(transition: "start", claimIDs: [1, 2], version: "3"), "give one claim id"),
        (TransitionInput(transition: "assign", claimIDs: [1], assignee: "layla", due: "tomorrow"), "'tomorrow' is not a deadline"),
        (TransitionInput(transition: "assign", claimIDs: [1], assignee: "layla", due: "2025-04-01"), "has passed"),
        (TransitionInput(transition: "start", claimIDs: [1], due: "2h"), "a deadline goes with a transition that assigns"),
    ])
    func badInputIsRefusedWithOneLineThatSaysWhatToDo(input: TransitionInput, phrase: String) {
        do {
            _ = try input.command(by: "sara", in: standard, now: now)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.description.contains(phrase), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test(arguments: [("verify", Evidence.Stance.supports), ("dispute", .refutes), ("unverifiable", .context),
                      ("assign", .context), ("reopen", .context)])
    func theStandardWorkflowKeepsItsDefaultStances(transition: String, stance: Evidence.Stance) throws {
        #expect(standard.evidenceStance(for: transition) == stance)
        let command = try TransitionInput(transition: transition, claimIDs: [1], evidence: ["https://a"])
            .command(by: "sara", in: standard, now: now)
        #expect(command.evidence.map(\.stance) == [stance])
    }

    @Test func aProposedVerdictGivesItsStanceAndApprovalGivesContext() throws {
        let twoPerson = try WorkflowSource.named("two-person").workflow
        #expect(twoPerson.evidenceStance(for: "verify") == .supports)
        #expect(twoPerson.evidenceStance(for: "dispute") == .refutes)
        #expect(twoPerson.evidenceStance(for: "approve") == .context)
    }

    @Test func aCustomWorkflowSaysItsOwnStancesOnItsStates() throws {
        let workflow = try WorkflowLoader(file: "newsroom.yaml").load(yaml: Self.custom)
        #expect(workflow.evidenceStance(for: "confirm") == .supports)
        #expect(workflow.evidenceStance(for: "debunk") == .refutes)
        #expect(workflow.evidenceStance(for: "verify") == .context)
    }

    @Test func evidenceGivenWithACustomVerdictIsStoredWithTheWorkflowsStance() async throws {
        let store = try await ClaimStore.inMemory(
            workflow: WorkflowSource(yaml: Self.custom, workflow: try WorkflowLoader(file: "newsroom.yaml").load(yaml: Self.custom)),
            editor: NewReviewer(handle: "sara", role: .editor))
        _ = try await store.imports.addSource(NewSource(body: try seedArticle()), by: "sara")
        for (transition, id) in [("confirm", Int64(1)), ("debunk", 2)] {
            let input = TransitionInput(transition: transition, claimIDs: [id], evidence: ["https://example.org/\(id)"])
            try await store.review.apply(try input.command(by: "sara", in: try await store.team.workflow(), now: Date()))
        }
        await #expect(try store.review.claimDetail(1).evidence.map(\.stance) == [.supports])
        await #expect(try store.review.claimDetail(2).evidence.map(\.stance) == [.refutes])
    }

    @Test func aStanceThatIsNotOneOfTheThreeIsRefusedAtItsLine() {
        let yaml = Self.custom.replacingOccurrences(of: "stance: refutes", with: "stance: wrong")
        #expect {
            _ = try WorkflowLoader(file: "newsroom.yaml").load(yaml: yaml)
        } throws: { error in
            "\(error)".contains("newsroom.yaml:5") && "\(error)".contains("use supports, refutes or context")
        }
    }

    @Test func aWorkflowWithoutStancesIsStoredAsBefore() throws {
        let json = String(decoding: try JSONEncoder().encode(standard), as: UTF8.self)
        #expect(!json.contains("stance"))
        #expect(try JSONDecoder().decode(Workflow.self, from: Data(json.utf8)) == standard)
    }
}
