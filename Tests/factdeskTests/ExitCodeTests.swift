import Foundation
import GRDB
import Testing

/// Each kind of bad input ends with its documented exit code and a one-line message,
/// and leaves the desk exactly as it was.
@Suite struct ExitCodeTests {
    struct Case: CustomStringConvertible, Sendable {
        var arguments: [String]
        var actor = "sara"
        var status: Int32
        var phrase: String
        /// What PostgreSQL answers instead, where it differs: there, someone who is not a
        /// reviewer has no login and is refused at the door.
        var onPostgres: (status: Int32, phrase: String)?
        var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["claim", "show", "99"], status: 66, phrase: "no claim 99"),
        Case(arguments: ["assign", "1", "--to", "nobody"], status: 66, phrase: "no reviewer 'nobody'"),
        Case(arguments: ["source", "show", "42"], status: 66, phrase: "no source 42"),
        Case(arguments: ["start", "1"], actor: "layla", status: 67,
             phrase: "claim 1 is 'new': 'start' is not allowed; from 'new' you can: assign, skip"),
        Case(arguments: ["assign", "1", "--to", "layla"], actor: "layla", status: 77,
             phrase: "layla may not assign claim 1: only an editor may"),
        Case(arguments: ["reviewer", "add", "zaid"], actor: "omar", status: 77, phrase: "only an editor may"),
        Case(arguments: ["note", "1", "hi"], actor: "stranger", status: 66, phrase: "no reviewer 'stranger'",
             onPostgres: (77, "PostgreSQL refused the login of stranger")),
        Case(arguments: ["skip", "1"], status: 64, phrase: "'skip' is not a command of `factdesk`"),
        Case(arguments: ["claim", "list", "--bogus"], status: 64, phrase: "Unknown option '--bogus'"),
        Case(arguments: ["claim", "list", "--status", "verifed"], status: 64, phrase: "no state 'verifed'"),
        Case(arguments: ["move", "1", "skip"], status: 65, phrase: "'skip' needs a note"),
        Case(arguments: ["claim", "add", "--source", "1", "--text", "كلام لم يقل"], status: 65,
             phrase: "does not appear word for word"),
        Case(arguments: ["source", "add", "missing.txt"], status: 65, phrase: "missing.txt: no such file"),
        Case(arguments: ["reviewer", "add", "two words"], status: 65, phrase: "not a valid handle"),
        Case(arguments: ["reviewer", "add", "layla"], status: 65, phrase: "already exists"),
        Case(arguments: ["reviewer", "deactivate", "sara"], status: 77, phrase: "last active editor"),
        Case(arguments: ["assign", "1", "--to", "layla", "--if-version", "7"], status: 68,
             phrase: "claim 1 changed since you looked (version 7, now 1"),
        Case(arguments: ["source", "add", "-", "--published", "2025-02-30"], status: 64, phrase: "is not a date"),
        // Mistakes on the command line: one line, with the nearest command when there is one.
        Case(arguments: ["asign", "1", "--to", "layla"], status: 64,
             phrase: "'asign' is not a command of `factdesk`; did you mean 'assign'? See `factdesk --help`"),
        Case(arguments: ["claim", "lst"], status: 64, phrase: "did you mean 'list'? See `factdesk claim --help`"),
        Case(arguments: ["assign", "1"], status: 64, phrase: "Missing expected argument '--to <handle>'; see `factdesk assign --help`"),
        // Addresses a page could run: only http and https are links.
        Case(arguments: ["source", "add", "-", "--url", "javascript:alert(1)"], status: 65,
             phrase: "the source's URL javascript:alert(1) is not an http or https address"),
        Case(arguments: ["evidence", "add", "1", "data:text/html,<script>x</script>"], status: 65,
             phrase: "is not an http or https address"),
        // Numbers the program once died on (SIGILL) rather than refusing.
        Case(arguments: ["alias", "suggest", "--limit=-1"], status: 64, phrase: "--limit must be 1 or more"),
        Case(arguments: ["assign", "1", "--to", "layla", "--due", "20000000000w"], status: 65,
             phrase: "is after the year 9999"),
    ]

    @Test(arguments: cases, Backend.tested)
    func badInputGetsItsExitCodeAndChangesNothing(_ test: Case, _ backend: Backend) async throws {
        let desk = try Binary.seededDesk(on: backend)
        let before = try desk.eventCount()
        let result = try desk.run(test.arguments, as: test.actor, stdin: Data("نص".utf8))
        let expected = backend == .postgres ? test.onPostgres ?? (test.status, test.phrase) : (test.status, test.phrase)
        #expect(result.status == expected.0)
        #expect(result.stderr.contains(expected.1), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try desk.eventCount() == before)
    }

    @Test func helpListsTheExitCodesInOrderAndInWords() throws {
        let help = try Binary().run(["--help"]).stdout.split(whereSeparator: \.isNewline).joined(separator: " ")
        // Lower-case words and numbers only: an internal name (storeUnusable) ends the match early.
        let listing = try #require(help.firstMatch(of: /Exit codes: ([0-9a-z ,]+)/)).1
        let codes = listing.matches(of: /(\d\d) ([a-z ]+)/).map { (Int($0.1) ?? 0, String($0.2)) }
        #expect(codes.map(\.0) == [64, 65, 66, 67, 68, 69, 70, 74, 75, 77], "\(listing)")
        #expect(codes.first { $0.0 == 74 }?.1.hasPrefix("desk unusable") == true, "\(listing)")
        #expect(listing.trimmingCharacters(in: .whitespaces).hasSuffix("77 permission denied"), "\(listing)")
    }

    @Test func aFileThatIsNotADeskIsRefusedWithTheStoreCode() throws {
        let desk = try Binary()
        try Data("just some notes".utf8).write(to: URL(fileURLWithPath: desk.deskPath))
        let result = try desk.run(["claim", "list"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("is not a FactDesk desk"))
        #expect(try String(contentsOfFile: desk.deskPath, encoding: .utf8) == "just some notes")
    }

    @Test func aWriterHoldingTheDeskPastTheTimeoutMakesOthersFailAsBusy() throws {
        let desk = try Binary.seededDesk()
        let holder = try DatabaseQueue(path: desk.deskPath)
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let started = Date()
            let result = try desk.run(["note", "1", "waiting", "--busy-timeout", "0.3"])
            #expect(result.status == 75)
            #expect(result.stderr.contains("the desk is busy"))
            #expect(Date().timeIntervalSince(started) < 5)
            try db.execute(sql: "ROLLBACK")
        }
        try holder.close()
        try desk.expectSuccess(["note", "1", "after the lock"])
    }
}
