import Foundation
import Testing

/// `reviewer password`, `reviewer role`, `token` and `serve` from the command line.
@Suite struct AccessCommandTests {
    private func stdin(_ text: String) -> Data { Data((text + "\n").utf8) }

    @Test func aReviewerSetsTheirOwnPasswordAndTheHistorySaysSoWithoutTheHash() throws {
        let desk = try Binary.seededDesk()
        let result = try desk.run(["reviewer", "password", "--password-stdin"], as: "layla",
                                  stdin: stdin("correct horse battery"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("password set for layla"))
        let history = try desk.run(["history", "--json", "--limit", "1"])
        #expect(history.stdout.contains("reviewer.password"))
        #expect(!history.stdout.contains("bcrypt"))
        #expect(!history.stdout.contains("correct horse"))
    }

    @Test func aReviewerCannotSetSomeoneElsesPasswordAndAWeakOneIsRefused() async throws {
        let desk = try Binary.seededDesk()
        let before = try desk.eventCount()
        let other = try desk.run(["reviewer", "password", "omar", "--password-stdin"], as: "layla",
                                 stdin: stdin("correct horse battery"))
        #expect(other.status == 77)
        #expect(other.stderr.contains("only an editor may"))
        let weak = try desk.run(["reviewer", "password", "--password-stdin"], as: "layla", stdin: stdin("qwertyuiop"))
        #expect(weak.status == 65)
        #expect(weak.stderr.split(separator: "\n").count == 1)
        let notTTY = try desk.run(["reviewer", "password"], as: "layla")
        #expect(notTTY.status == 64)
        #expect(notTTY.stderr.contains("--password-stdin"))
        #expect(try desk.eventCount() == before)
    }

    @Test func anEditorChangesRolesButNeverRemovesTheLastEditor() throws {
        let desk = try Binary.seededDesk()
        #expect(try desk.run(["reviewer", "role", "layla", "editor"]).stdout.contains("layla is now an editor"))
        #expect(try desk.run(["reviewer", "role", "sara", "reviewer"]).status == 0)
        let last = try desk.run(["reviewer", "role", "layla", "reviewer"], as: "layla")
        #expect(last.status == 77)
        #expect(last.stderr.contains("last active editor"))
        let byReviewer = try desk.run(["reviewer", "role", "omar", "editor"], as: "omar")
        #expect(byReviewer.status == 77)
    }

    @Test func aTokenIsPrintedOnceListedWithoutItsSecretAndRevoked() throws {
        let desk = try Binary.seededDesk()
        let created = try desk.run(["token", "create", "--name", "nightly export", "--expires", "7d"], as: "layla")
        #expect(created.status == 0)
        let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("fdt_") && secret.count > 40)
        let listed = try desk.run(["token", "list"], as: "layla")
        #expect(listed.stdout.contains("nightly export"))
        #expect(listed.stdout.contains("active"))
        #expect(!listed.stdout.contains(secret))
        #expect(try desk.run(["token", "revoke", "1"], as: "omar").status == 66)
        #expect(try desk.run(["token", "revoke", "1"], as: "layla").stdout.contains("revoked"))
        #expect(try desk.run(["token", "list"], as: "layla").stdout.contains("revoked"))
        let badLifetime = try desk.run(["token", "create", "--expires", "forever"])
        #expect(badLifetime.status == 65)
    }

    @Test func serveAnswersOnItsPortAndStopsCleanlyOnSIGTERM() throws {
        let desk = try Binary.seededDesk()
        let (process, _, err) = try desk.start(["serve", "--port", "0"])
        var announced = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !announced.contains("Ctrl-C") {
            announced += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(announced.contains("serving factdesk.db at http://127.0.0.1:"))
        let port = announced.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
        #expect(port > 0)
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-s", "http://127.0.0.1:\(port)/login"]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let page = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()
        #expect(page.contains("Log in"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(process.terminationReason == .exit)
    }

    @Test func serveRefusesABaseURLThatIsNotHTTP() throws {
        let desk = try Binary.seededDesk()
        let result = try desk.run(["serve", "--port", "0", "--base-url", "ftp://desk.example.org"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("not an http or https address"))
    }
}
