import ArgumentParser
import FactDeskServer
import Foundation
import Testing
@testable import factdesk

/// `serve`'s options for the connection: the header and idle timeouts, and how many
/// connections it keeps to a PostgreSQL desk.
@Suite struct ServeCommandTests {
    func serve(_ arguments: [String]) throws -> Factdesk.Serve {
        try #require(try Factdesk.parseAsRoot(["serve"] + arguments) as? Factdesk.Serve)
    }

    @Test func theTimeoutsDefaultToTenSecondsForTheHeadAndSixtyIdle() throws {
        let configuration = try serve([]).serverConfiguration
        #expect(configuration.headerTimeout == .seconds(10))
        #expect(configuration.idleTimeout == .seconds(60))
    }

    @Test func theTimeoutsAreTakenInSeconds() throws {
        let configuration = try serve(["--header-timeout", "2.5", "--idle-timeout", "30"]).serverConfiguration
        #expect(configuration.headerTimeout == .milliseconds(2_500))
        #expect(configuration.idleTimeout == .seconds(30))
    }

    @Test(arguments: [["--header-timeout", "0"], ["--idle-timeout=-1"], ["--idle-timeout", "inf"], ["--header-timeout", "90000"]])
    func aTimeoutThatIsNotAPositiveNumberOfSecondsIsAUsageError(arguments: [String]) throws {
        let desk = try Binary.seededDesk()
        let result = try desk.run(["serve", "--port", "0"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("\(arguments[0].prefix { $0 != "=" }) must be a number of seconds above 0 and at most 86400"))
    }

    @Test func theServerKeepsTenPostgreSQLConnectionsUnlessToldOtherwise() throws {
        #expect(try serve([]).serverConfiguration.postgresConnections == 10)
        #expect(try serve(["--pg-connections", "3"]).serverConfiguration.postgresConnections == 3)
        #expect(try serve(["--pg-connections", "1000"]).serverConfiguration.postgresConnections == 1000)
    }

    @Test(arguments: ["0", "-1", "1001", "many"])
    func aNumberOfConnectionsOutsideOneToAThousandIsAUsageError(count: String) throws {
        let desk = try Binary.seededDesk()
        let before = try desk.eventCount()
        let result = try desk.run(["serve", "--port", "0", "--pg-connections=\(count)"])
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(count == "many" ? "--pg-connections" : "--pg-connections must be between 1 and 1000"))
        #expect(try desk.eventCount() == before)
    }
}
