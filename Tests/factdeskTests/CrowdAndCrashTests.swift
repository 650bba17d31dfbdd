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

    @Test func killedCommandsLeaveADeskThatOpensVerifiesAndResumes() throws {
        let (status, output) = try script("crash.py", ["--rounds", "3", "--articles", "20"])
        #expect(status == 0, "\(output)")
        // The count of kills, not only the line that reports them: a run that killed nothing proves nothing.
        let kills = output.split(separator: "\n").first { $0.contains("processes killed with SIGKILL") }
            .flatMap { $0.split(separator: " ").dropFirst(2).first }.flatMap { Int($0) }
        #expect((kills ?? 0) >= 3, "\(output)")
        #expect(output.contains("crash: ok"))
    }

    @Test
    func processesRacingOnAPostgreSQLDeskLoseNothingAndFailCleanly() throws {
        let owner = try #require(TestCluster.ownerURL)
        let (status, output) = try script("stress.py", ["--procs", "4", "--commands", "25", "--postgres", owner,
                                                        "--socket", TestCluster.socket])
        #expect(status == 0, "\(output)")
        #expect(output.contains("integrity_check: ok; audit verify: ok; busy writer: exit 75"))
        #expect(output.contains("stress: ok"))
    }

    /// On a cluster of its own, so that the others' tests do not see the outage.
    @Test
    func aPostgreSQLServerCrashedMidRunKeepsEveryAcknowledgedWrite() throws {
        let (status, output) = try script("stress.py", ["--procs", "4", "--commands", "40", "--crash-own-cluster"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("the server was crashed and restarted mid-run"))
        #expect(output.contains("audit verify: ok"))
        #expect(output.contains("stress: ok"))
    }
}
