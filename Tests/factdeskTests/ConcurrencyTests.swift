import Foundation
import Testing

/// Real processes racing on one desk file.
@Suite struct ConcurrencyTests {
    @Test func reviewersRacingOnOneClaimOneWinsTheOthersAreToldWhy() throws {
        let desk = try Binary.seededDesk()
        try desk.expectSuccess(["assign", "1", "--to", "layla"])
        let version = try #require((try desk.json(["claim", "show", "1"]) as? [String: Any])?["version"] as? Int)
        // Each racer says which version it saw: all but the first to commit are told it changed.
        let racers = try (0..<8).map { _ in try desk.start(["start", "1", "--if-version", String(version)], as: "layla") }
        var statuses: [Int32] = []
        var messages: [String] = []
        for (process, _, err) in racers {
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            statuses.append(process.terminationStatus)
            messages.append(stderr)
        }
        #expect(statuses.filter { $0 == 0 }.count == 1)
        for (status, message) in zip(statuses, messages) where status != 0 {
            #expect(status == 68, "\(message)")
            #expect(message.contains("claim 1 changed since you looked (version \(version), now \(version + 1)"), "\(message)")
        }
        let history = try #require(try desk.json(["history", "1"]) as? [[String: Any]])
        #expect(history.filter { $0["action"] as? String == "start" }.count == 1)
    }

    @Test func concurrentNotesAreAllKept() throws {
        let desk = try Binary.seededDesk()
        let writers = try (0..<6).map { index in
            try desk.start(["note", "1", "note \(index)"], as: index.isMultiple(of: 2) ? "layla" : "omar")
        }
        for (process, out, _) in writers {
            _ = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let claim = try #require(try desk.json(["claim", "show", "1"]) as? [String: Any])
        let notes = (claim["notes"] as? [[String: Any]])?.compactMap { $0["body"] as? String } ?? []
        #expect(Set(notes) == Set((0..<6).map { "note \($0)" }))
        #expect(claim["version"] as? Int == 7)
        // The history replays to the rows it describes, and SQLite finds the file sound.
        let audit = try desk.run(["audit", "verify"])
        #expect(audit.status == 0, "\(audit.stderr)")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        check.arguments = [desk.deskPath, "PRAGMA integrity_check;"]
        let out = Pipe()
        check.standardOutput = out
        try check.run()
        let verdict = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(verdict == "ok\n")
    }
}
