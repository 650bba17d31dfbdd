import ArgumentParser
import Testing
@testable import factdesk

@Suite struct ParsingTests {
    func parse(_ arguments: [String]) throws -> any ParsableCommand {
        try Factdesk.parseAsRoot(GlobalOptions.hoisted(arguments))
    }

    @Test(arguments: [
        ["--db", "d.db", "claim", "list"],
        ["claim", "list", "--db", "d.db"],
        ["--db=d.db", "claim", "list"],
        ["claim", "--db", "d.db", "list"],
    ])
    func globalOptionsStandBeforeOrAfterTheSubcommand(arguments: [String]) throws {
        let command = try #require(try parse(arguments) as? Factdesk.ClaimCommand.List)
        #expect(command.global.path == "d.db")
    }

    @Test func jsonAndIdentityMayLeadTheCommand() throws {
        let command = try #require(try parse(["--json", "--as", "layla", "history", "3"]) as? Factdesk.History)
        #expect(command.global.json)
        #expect(command.global.handle == "layla")
        #expect(command.id == 3)
    }

    @Test func hoistingStopsAtTheDoubleDash() {
        #expect(GlobalOptions.hoisted(["--db", "x", "note", "1", "--", "--json"])
                == ["note", "1", "--db", "x", "--", "--json"])
        #expect(GlobalOptions.hoisted(["note", "1", "--json", "text"]) == ["note", "1", "text", "--json"])
    }

    @Test func assignTakesSeveralClaimsAndAReviewer() throws {
        let command = try #require(try parse(["assign", "1", "2", "3", "--to", "layla", "--note", "urgent"]) as? Factdesk.Assign)
        #expect(command.ids == [1, 2, 3])
        #expect(command.to == "layla")
        #expect(command.options.note == "urgent")
    }

    @Test func verifyCollectsRepeatedEvidence() throws {
        let command = try #require(try parse([
            "verify", "4", "--note", "ok", "--evidence", "https://a", "--evidence", "Tasnim, 19 April",
        ]) as? Factdesk.Verify)
        #expect(command.options.evidence == ["https://a", "Tasnim, 19 April"])
    }

    @Test(arguments: [
        ["claim", "list", "--mine", "--unassigned"],
        ["claim", "list", "--limit", "-1"],
        ["evidence", "add", "1", "https://a", "--stance", "agrees"],
        ["reviewer", "add", "x", "--role", "boss"],
        ["verify", "1", "--stance", "supports"],
        ["history", "--limit", "0"],
        ["claim", "list", "--busy-timeout", "-1"],
        ["claim", "show", "abc"],
    ])
    func badWordsAreRefusedBeforeAnythingRuns(arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try parse(arguments) }
    }
}
