import Foundation
import Testing

/// Rows that a person who can write the desk file might change to act with rights or words
/// the history never gave: each is reported by `audit verify`, and a changed workflow stops
/// every write until an editor installs one through a command that records an event.
@Suite struct AccountedRowsTests {
    /// The standard workflow's `verify`, edited so that a claim goes from new straight to verified.
    static let shortcut = """
        UPDATE workflow SET definition = json_replace(definition, '$.transitions[2].from', json('["new", "in_review"]'))
        """

    @Test func anEditedWorkflowIsReportedAndRefusesEveryWriteUntilAnEditorInstallsOne() async throws {
        let desk = try Binary.seededDesk()
        let definition = try #require(try desk.json(["workflow", "show"]) as? [String: Any])
        let transitions = try #require(definition["transitions"] as? [[String: Any]])
        #expect(transitions[2]["name"] as? String == "verify")
        try desk.tamper(Self.shortcut)
        let events = try desk.eventCount()

        let report = try desk.run(["audit", "verify"])
        #expect(report.status == 70)
        #expect(report.stdout.contains("workflow 1: row not accounted for: its stored definition is not what its YAML says"),
                "\(report.stdout)")
        for (arguments, actor) in [(["note", "1", "ملاحظة"], "sara"), (["assign", "1", "--to", "layla"], "sara"),
                                   (["verify", "1", "--note", "x", "--evidence", "https://example.org"], "layla"),
                                   (["reviewer", "add", "nadia"], "sara")] {
            let result = try desk.run(arguments, as: actor)
            #expect(result.status == 70, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("the desk's workflow was changed outside FactDesk: its stored definition is not what its YAML says: the transitions verify differ"),
                    "\(result.stderr)")
        }
        #expect(try desk.eventCount() == events)

        // A reviewer cannot repair it; an editor can, and the repair is an event.
        #expect(try desk.run(["workflow", "install", "standard"], as: "layla").status == 77)
        try desk.expectSuccess(["workflow", "install", "standard"])
        #expect(try desk.eventCount() == events + 1)
        #expect(try desk.run(["history", "--limit", "1"]).stdout.contains("workflow.install"))
        let refused = try desk.run(["verify", "1", "--note", "x", "--evidence", "https://example.org"], as: "layla")
        #expect(refused.status != 0 && refused.status != 70, "\(refused.stderr)")
        try desk.expectSuccess(["note", "1", "ملاحظة"])
        let verified = try desk.run(["audit", "verify"])
        #expect(verified.status == 0, "\(verified.stdout)")
    }

    @Test func aWorkflowInstalledLaterGovernsTheTransitionsAfterItInTheReplay() async throws {
        let desk = try Binary.seededDesk()
        try desk.expectSuccess(["assign", "1", "--to", "layla"])
        try desk.expectSuccess(["workflow", "install", "two-person"])
        let shown = try desk.run(["workflow", "show"]).stdout
        #expect(shown.contains("two-person"))
        let verify = try desk.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        // A workflow without a state a claim is in is refused, nothing written.
        try Data("name: tiny\nstates:\n  open:\n    initial: true\n  closed:\n    final: true\ntransitions:\n  close:\n    from: [open]\n    to: closed\n    by: [editor]\n".utf8)
            .write(to: desk.folder.appendingPathComponent("tiny.yaml"))
        let events = try desk.eventCount()
        let refused = try desk.run(["workflow", "install", "tiny.yaml"])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("which workflow 'tiny' does not have"))
        #expect(try desk.eventCount() == events)
    }
}
