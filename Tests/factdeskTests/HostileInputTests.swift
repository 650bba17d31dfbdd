import Foundation
import GRDB
import Testing

/// Inputs from outside that try to break, confuse or rewrite the desk: each gets a clear
/// error and a non-zero exit, and leaves the desk file as it was.
@Suite struct HostileInputTests {
    func fileBytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Everything the desk holds: its schema and every row of every table, in order.
    /// (Opening a WAL desk may touch SQLite's own header counters; what it stores must not change.)
    func contents(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        defer { try? queue.close() }
        return try queue.read { db in
            var dump = ""
            for (name, sql) in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master ORDER BY name").map({ ($0["name"] as String, $0["sql"] as String?) }) {
                dump += "\(name): \(sql ?? "")\n"
                if try db.tableExists(name), !name.hasPrefix("claim_search") {
                    for row in try Row.fetchAll(db, sql: "SELECT * FROM \(name.quotedDatabaseIdentifier)") { dump += "\(row)\n" }
                }
            }
            return dump
        }
    }

    @Test func aTwentyMegabyteNoteIsRefused() async throws {
        let desk = try Binary.seededDesk()
        let before = try desk.eventCount()
        let huge = Data(String(repeating: "ملاحظة طويلة ", count: 20 * 1024 * 1024 / 24).utf8)
        let result = try desk.run(["note", "1", "-"], stdin: huge)
        #expect(result.status == 65)
        #expect(result.stderr.contains("over the limit of 100000"))
        #expect(try desk.eventCount() == before)
        let small = try desk.run(["note", "1", "-"], stdin: Data("ملاحظة من الإدخال\n".utf8))
        #expect(small.status == 0)
    }

    @Test func anEndlessStandardInputIsRefusedOnceItPassesTheLimit() async throws {
        let desk = try Binary.seededDesk()
        let before = try desk.eventCount()
        let note = try desk.run(["note", "1", "-"], input: FileHandle(forReadingAtPath: "/dev/zero"))
        #expect(note.status == 65)
        #expect(note.stderr == "factdesk: error: the note on standard input is over the limit of 100000 characters; attach long material as evidence\n")
        let article = try desk.run(["source", "add", "-", "--max-size", "100000"],
                                   input: FileHandle(forReadingAtPath: "/dev/zero"))
        #expect(article.status == 65)
        #expect(article.stderr.contains("- is over the 100000-byte limit"), "\(article.stderr)")
        #expect(try desk.eventCount() == before)
    }

    @Test func aNoteOnStandardInputThatIsNotUTF8OrHoldsNULIsRefused() async throws {
        let desk = try Binary.seededDesk()
        let before = try desk.eventCount()
        let invalid = try desk.run(["note", "1", "-"], stdin: Data([0x61, 0xFF, 0x62]))
        #expect(invalid.status == 65)
        #expect(invalid.stderr == "factdesk: error: the note on standard input is not UTF-8 text: invalid UTF-8 at byte 1\n")
        let nul = try desk.run(["note", "1", "-"], stdin: Data([0x61, 0x00, 0x62]))
        #expect(nul.status == 65 && nul.stderr.contains("a NUL byte at byte 1"), "\(nul.stderr)")
        #expect(try desk.eventCount() == before)
    }

    /// A noncharacter, which no desk stores, in every text field the command line writes:
    /// each is exit 65 with a sentence that names the field, and the desk is as it was.
    @Test func everyTextFieldOfTheCommandLineRefusesWhatNoDeskStores() throws {
        let desk = try Binary.seededDesk()
        let bad = "قال" + String(Character(try #require(Unicode.Scalar(0xFFFF))))
        try Data("قال المتحدث إن الوفد لم يوافق على الشروط يوم السبت في روما بعد أربع ساعات.\n".utf8)
            .write(to: desk.folder.appendingPathComponent("a.txt"))
        try Data(("قال المتحدث " + bad + " إن الوفد وصل.\n").utf8).write(to: desk.folder.appendingPathComponent("b.txt"))
        let before = try contents(desk.deskPath)
        let writes: [(arguments: [String], field: String)] = [
            (["note", "1", bad], "note"),
            (["evidence", "add", "1", "https://example.org/" + bad], "evidence"),
            (["evidence", "add", "1", "https://example.org/a", "--note", bad], "evidence note"),
            (["assign", "1", "--to", "layla", "--note", bad], "note"),
            (["claim", "add", "--source", "1", "--text", bad], "text"),
            (["reviewer", "add", "nadia", "--name", bad], "name"),
            (["source", "add", "a.txt", "--title", bad], "title"),
            (["source", "add", "a.txt", "--outlet", bad], "outlet"),
            (["source", "add", "b.txt"], "article"),
            (["alias", "add", "عراقجي", bad], "spelling"),
        ]
        for (arguments, field) in writes {
            let result = try desk.run(arguments)
            #expect(result.status == 65, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("the \(field) holds ⟨U+FFFF⟩, a character FactDesk does not store"), "\(arguments): \(result.stderr)")
        }
        #expect(try contents(desk.deskPath) == before)
    }

    /// Escape sequences and bidirectional overrides from an article, its outlet and title, and
    /// a note reach no terminal raw, in any command that shows them.
    @Test func escapesAndOverridesAreNeutralisedInEveryListing() throws {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        let sentence = "قال المتحدث إن الوفد \u{1B}[31mالأحمر\u{1B}[0m \u{202E}لم يوافق على الشروط يوم السبت في روما بعد أربع ساعات."
        try Data((sentence + "\n").utf8).write(to: desk.folder.appendingPathComponent("a.txt"))
        try Data("وقال المتحدث إن الوفد الأحمر لم يوافق على الشروط يوم السبت في روما بعد أربع ساعات.\n".utf8)
            .write(to: desk.folder.appendingPathComponent("b.txt"))
        try desk.expectSuccess(["source", "add", "a.txt", "--outlet", "CNN\u{1B}[2J", "--title", "T\u{202E}X"])
        try desk.expectSuccess(["source", "add", "b.txt"])
        _ = try desk.run(["note", "1", "-"], stdin: Data("ملاحظة \u{1B}[1mعريضة\u{1B}[0m".utf8))
        for command in [["history"], ["history", "--oneline"], ["source", "show", "1"], ["source", "list"],
                        ["related", "2"], ["clusters"], ["claim", "show", "1"], ["claim", "list"]] {
            let result = try desk.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{202E}"), "\(command) printed a raw control")
            #expect(result.stdout.contains("\\u{1B}") || result.stdout.contains("⟨U+202E⟩"),
                    "\(command) did not show the neutralised text: \(result.stdout.prefix(400))")
        }
    }

    @Test func sqlInNotesAndClaimsIsStoredAsText() throws {
        let desk = try Binary.seededDesk()
        let sql = "'); DROP TABLE claim; -- \" OR 1=1 *"
        try desk.expectSuccess(["note", "1", sql])
        let claim = try #require(try desk.json(["claim", "show", "1"]) as? [String: Any])
        #expect((claim["notes"] as? [[String: Any]])?.first?["body"] as? String == sql)
        let count = try #require(try desk.json(["claim", "list", "--limit", "0"]) as? [Any]).count
        let search = try desk.run(["claim", "search", sql])
        #expect(search.status == 0 && search.stdout.isEmpty && search.stderr.contains("no claim matches"), "\(search.stderr)")
        // Searched as words: a claim that holds them is found, and nothing was dropped.
        let words = try desk.run(["claim", "search", "'عراقجي' OR 1=1 --"])
        #expect(words.status == 0 && words.stdout.isEmpty, "OR and 1=1 are words to find, not a condition")
        #expect(try #require(try desk.json(["claim", "list", "--limit", "0"]) as? [Any]).count == count)
        let audit = try desk.run(["audit", "verify"])
        #expect(audit.status == 0 && audit.stdout.contains("events"), "\(audit.stderr)")
    }

    @Test func invisibleCharactersAreShownAndFlagged() throws {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        try Data("قال المتحدث إن الوفد \u{202E}لم يوافق\u{202C} على الشروط.\n".utf8).write(to: desk.folder.appendingPathComponent("a.txt"))
        try desk.expectSuccess(["source", "add", "a.txt"])
        let shown = try desk.run(["claim", "show", "1"]).stdout
        #expect(!shown.contains("\u{202E}"))
        #expect(shown.contains("⟨U+202E⟩لم يوافق⟨U+202C⟩"))
        #expect(shown.contains("warning  the claim holds invisible characters that can change how it reads: "
            + "U+202C pop directional formatting ×1, U+202E right-to-left override ×1"))
        let json = try #require(try desk.json(["claim", "show", "1"]) as? [String: Any])
        #expect((json["text"] as? String)?.contains("\u{202E}") == true)
        // A speaker taken from the text does not count its characters twice; a note gets its own warning.
        try desk.expectSuccess(["claim", "add", "--source", "1", "--text", "الوفد \u{202E}لم يوافق", "--speaker", "\u{202E}لم يوافق"])
        try desk.expectSuccess(["note", "2", "راجعنا \u{202E}الترجمة"])
        let second = try desk.run(["claim", "show", "2"]).stdout
        #expect(second.contains("the claim holds invisible characters that can change how it reads: U+202E right-to-left override ×1\n"), "\(second)")
        #expect(second.contains("warning  this note holds invisible characters that can change how it reads: U+202E right-to-left override ×1"), "\(second)")
    }

    @Test(arguments: ["truncated", "newer", "readonly"])
    func aDamagedForeignOrReadOnlyDeskIsRefusedUntouched(kind: String) throws {
        let desk = try Binary.seededDesk()
        switch kind {
        case "truncated":
            let bytes = try fileBytes(desk.deskPath)
            try bytes.prefix(4096).write(to: URL(fileURLWithPath: desk.deskPath))
        case "newer":
            let queue = try DatabaseQueue(path: desk.deskPath)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from a later FactDesk')") }
            try queue.close()
        default:
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: desk.deskPath)
        }
        // The bytes themselves (a lossy decoding as text would call different bytes equal), or for
        // a desk that opens, everything it stores.
        let before = kind == "newer" ? Data(try contents(desk.deskPath).utf8) : try fileBytes(desk.deskPath)
        let result = try desk.run(["note", "1", "hello"])
        #expect(result.status == 74, "\(kind): \(result.stderr)")
        let phrase = ["truncated": "is not a FactDesk desk", "newer": "written by a newer FactDesk", "readonly": "is read-only"][kind] ?? ""
        #expect(result.stderr.contains(phrase))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let after = kind == "newer" ? Data(try contents(desk.deskPath).utf8) : try fileBytes(desk.deskPath)
        #expect(after == before)
    }
}
