import Foundation
import Testing

/// Small runs of the crowd and crash scripts in `.ci/`, so that they never rot; the full
/// runs and their figures are in the README.
@Suite(.serialized) struct CrowdAndCrashTests {
    func script(_ name: String, _ arguments: [String]) throws -> (Int32, String) {
        try python(".ci/\(name)", arguments + ["--bin", Binary.url.path])
    }

    @Test func processesRacingOnOneDeskLoseNothingAndFailCleanly() throws {
        let (status, output) = try script("stress.py", ["--procs", "4", "--commands", "25"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("integrity_check: ok; audit verify: ok; busy writer: exit 75"))
        #expect(output.contains("stress: ok"))
    }

    @Test(.needsWriteTrace) func killedCommandsLeaveADeskThatOpensVerifiesAndResumes() throws {
        let (status, output) = try script("crash.py", ["--kills", "60", "--kill-share", "0.5", "--pause", "0.1", "--import-rounds", "3", "--articles", "30", "--rounds", "2"])
        #expect(status == 0, "\(output)")
        // The counts of kills, not only the lines that report them: a run that killed
        // nothing, or nothing inside a write transaction, proves nothing.
        let summary = try #require(output.split(separator: "\n").first { $0.hasPrefix("workflow: ") })
        let landed = try #require(summary.firstMatch(of: /(\d+) killed with SIGKILL \(the kill landed: before (\d+), inside (\d+), commit (\d+)/))
        #expect(Int(landed.1) ?? 0 >= 60, "\(output)")
        #expect((Int(landed.3) ?? 0) + (Int(landed.4) ?? 0) >= 6, "\(output)")
        #expect(!summary.hasSuffix("; 0 verdicts reopened"), "\(output)")
        #expect(output.contains("every check after 5 rounds and at the end: passed"))
        #expect(output.contains("crash: ok"))
    }

    @Test(.tags(.postgres), .needsPostgres)
    func processesRacingOnAPostgreSQLDeskLoseNothingAndFailCleanly() throws {
        let owner = try #require(TestCluster.ownerURL)
        let (status, output) = try script("stress.py", ["--procs", "4", "--commands", "25", "--postgres", owner,
                                                        "--socket", TestCluster.socket])
        #expect(status == 0, "\(output)")
        #expect(output.contains("integrity_check: ok; audit verify: ok; busy writer: exit 75"))
        #expect(output.contains("stress: ok"))
    }

    /// On a cluster of its own, so that the others' tests do not see the outage.
    @Test(.tags(.postgres), .needsPostgres)
    func aPostgreSQLServerCrashedMidRunKeepsEveryAcknowledgedWrite() throws {
        let (status, output) = try script("stress.py", ["--procs", "4", "--commands", "40", "--crash-own-cluster"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("the server was crashed and restarted mid-run"))
        #expect(output.contains("audit verify: ok"))
        #expect(output.contains("stress: ok"))
    }
}
