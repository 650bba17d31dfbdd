import ArgumentParser
import FactDeskKit
import Testing
@testable import factdesk

/// `claim search` hands its words and filters to the library's paged query.
@Suite struct SearchOptionTests {
    func search(_ arguments: [String]) throws -> Factdesk.ClaimCommand.Search {
        try #require(try Factdesk.parseAsRoot(GlobalOptions.hoisted(["claim", "search"] + arguments))
                     as? Factdesk.ClaimCommand.Search)
    }

    @Test func everyFilterAndThePageReachTheQuery() throws {
        let command = try search(["عراقجي", "--state", "new", "--status", "assigned", "--assignee", "layla",
                                  "--source", "3", "--limit", "5", "--page", "2"])
        #expect(command.claimQuery == ClaimQuery(text: "عراقجي", states: ["new", "assigned"], assignee: "layla",
                                                 sourceID: 3, pageSize: 5, page: 2))
    }

    @Test func theDefaultsAreTheFirstTwentyMatchesOfEveryClaim() throws {
        #expect(try search(["x"]).claimQuery == ClaimQuery(text: "x", pageSize: 20, page: 1))
    }

    @Test(arguments: [["x", "--page", "0"], ["x", "--limit", "0"]])
    func aPageOrLimitBelowOneIsRefusedBeforeAnythingRuns(arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try search(arguments) }
    }
}
