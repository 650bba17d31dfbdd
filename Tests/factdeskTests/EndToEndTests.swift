import Foundation
import Testing

@Suite struct EndToEndTests {
    @Test(arguments: Backend.tested) func aClaimGoesFromArticleToVerdictAndCorrection(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        try desk.expectSuccess(["assign", "1", "--to", "layla"])
        try desk.expectSuccess(["start", "1"], as: "layla")
        try desk.expectSuccess(["note", "1", "الوفدان أكدا مدة الجولة"], as: "layla")
        try desk.expectSuccess(["evidence", "add", "1", "https://example.org/irna", "--stance", "supports"], as: "omar")
        try desk.expectSuccess(["verify", "1", "--note", "confirmed by both sides"], as: "layla")
        try desk.expectSuccess(["reopen", "1", "--note", "a third outlet says five hours"])
        try desk.expectSuccess(["dispute", "1", "--note", "the official transcript says five",
                                "--evidence", "https://example.org/transcript"], as: "layla")
        let claim = try #require(try desk.json(["claim", "show", "1"]) as? [String: Any])
        #expect(claim["status"] as? String == "disputed")
        #expect(claim["assignee"] as? String == "layla")
        #expect(claim["version"] as? Int == 8)
        let notes = try #require(claim["notes"] as? [[String: Any]])
        #expect(notes.map { $0["body"] as? String } == [
            "الوفدان أكدا مدة الجولة", "confirmed by both sides", "a third outlet says five hours",
            "the official transcript says five"])
        #expect(notes.allSatisfy { $0["author"] != nil && ($0["at"] as? String)?.hasSuffix("Z") == true })
        let evidence = try #require(claim["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["stance"] as? String } == ["supports", "refutes"])
        #expect(evidence.allSatisfy { $0["url"] != nil && $0["added_by"] != nil && $0["at"] != nil })
        let history = try #require(claim["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == [
            "claim.add", "assign", "start", "claim.note", "claim.evidence", "verify", "reopen", "dispute"])
        #expect(claim["transitions"] as? [String] == ["reopen"])
    }

    @Test(arguments: Backend.tested) func claimListJSONHasTheDocumentedFields(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        let claims = try #require(try desk.json(["claim", "list"]) as? [[String: Any]])
        let claim = try #require(claims.first)
        for key in ["id", "source_id", "text", "status", "assignee", "speaker", "start", "end", "version",
                    "created_at", "updated_at"] {
            #expect(claim.keys.contains(key), "missing \(key)")
        }
        #expect(claim["text"] as? String == "على مدار 4 ساعات")
        #expect(claim["status"] as? String == "new")
        #expect(claim["start"] as? Int == 646 && claim["end"] as? Int == 662)
    }

    @Test(arguments: Backend.tested) func sourceListAndHistoryJSONHaveTheDocumentedFields(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        let sources = try #require(try desk.json(["source", "list"]) as? [[String: Any]])
        #expect(sources.count == 5)
        for key in ["id", "title", "outlet", "url", "language", "sha256", "claims"] {
            #expect(sources[0].keys.contains(key), "missing \(key)")
        }
        #expect(sources[0]["claims"] as? Int == 1 && sources[0]["language"] as? String == "ar")
        let events = try #require(try desk.json(["history", "--limit", "2"]) as? [[String: Any]])
        #expect(events.count == 2)
        for key in ["seq", "at", "actor", "claim_id", "action", "from", "to", "details"] {
            #expect(events[0].keys.contains(key), "missing \(key)")
        }
        #expect(events[0]["action"] as? String == "claim.add")
        #expect((events[0]["seq"] as? Int ?? 0) > (events[1]["seq"] as? Int ?? 0))
    }

    @Test(arguments: Backend.tested) func humanOutputIsATableWithoutColourWhenPiped(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        let list = try desk.run(["claim", "list"])
        #expect(list.stdout.hasPrefix("ID  STATE  SCORE  ASSIGNEE  DUE  SOURCE  SPEAKER"))
        #expect(list.stdout.contains("1   new    5      -         -    1       "))
        #expect(!list.stdout.contains("\u{1B}["))
        let history = try desk.run(["history", "1"])
        #expect(history.stdout.contains("Actor: sara"))
        #expect(history.stdout.contains("text: على مدار 4 ساعات"))
    }

    @Test(arguments: Backend.tested) func showPrintsContextAndWhatTheViewerMayDoNext(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        try desk.expectSuccess(["assign", "1", "--to", "layla"])
        let asLayla = try desk.run(["claim", "show", "1"], as: "layla").stdout
        #expect(asLayla.contains("وصرح مسؤول كبير في الإدارة الأمريكية لشبكة CNN"))
        #expect(asLayla.contains("start -> in_review  (the assignee)  you may"))
        let asOmar = try desk.run(["claim", "show", "1"], as: "omar").stdout
        #expect(asOmar.contains("start -> in_review  (the assignee)\n"))
    }

    @Test(arguments: Backend.tested) func terminalControlSequencesInANoteAreShownEscaped(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        try desk.expectSuccess(["note", "1", "looks fine\u{1B}[2J\u{1B}]0;pwned\u{07}"])
        let shown = try desk.run(["claim", "show", "1"]).stdout
        #expect(!shown.contains("\u{1B}"))
        #expect(shown.contains("looks fine\\u{1B}[2J"))
    }

    @Test(arguments: Backend.tested) func initRefusesAnExistingFileAndAMissingDeskIsNamed(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        let again = try desk.run(["init"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already exists"))
        let missing = try desk.run(["claim", "list", "--db", "nowhere.db"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no desk at nowhere.db; create one with `factdesk init --db nowhere.db`"))
        #expect(!FileManager.default.fileExists(atPath: desk.folder.appendingPathComponent("nowhere.db").path))
    }

    @Test func theDeskComesFromTheEnvironmentWhenNoDbIsGiven() throws {
        let desk = try Binary()
        try desk.expectSuccess(["init", "--db", "elsewhere.db"])
        let listed = try desk.run(["reviewer", "list"], environment: ["FACTDESK_DB": "elsewhere.db"])
        #expect(listed.status == 0 && listed.stdout.contains("sara"))
    }

    @Test(arguments: Backend.tested) func moveRunsAnyTransitionOfTheWorkflow(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        try desk.expectSuccess(["move", "1", "skip", "--note", "an opinion, not checkable"])
        let claim = try #require(try desk.json(["claim", "show", "1"]) as? [String: Any])
        #expect(claim["status"] as? String == "skipped")
        let unknown = try desk.run(["move", "1", "approve"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no transition 'approve'; it has: assign, start, verify"))
    }

    @Test(arguments: Backend.tested) func importKeepsGoodFilesAndNamesTheRefusedOnes(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        let folder = desk.folder
        try Data("مقال جديد عن المحادثات.".utf8).write(to: folder.appendingPathComponent("good.txt"))
        try Data([0xD8, 0xA7, 0x20, 0xFF, 0x41]).write(to: folder.appendingPathComponent("bad.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let result = try desk.run(["source", "add", "good.txt", "bad.txt", "empty.txt"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.txt is not UTF-8 text: invalid UTF-8 at byte 3"))
        #expect(result.stderr.contains("empty.txt is empty"))
        #expect(result.stderr.contains("2 of 3 files refused: bad.txt, empty.txt"))
        let sources = try #require(try desk.json(["source", "list"]) as? [[String: Any]])
        #expect(sources.count == 6)
        let again = try desk.run(["source", "add", "good.txt"])
        #expect(again.status == 0 && again.stderr.contains("already imported as source 6"))
    }

    @Test(arguments: Backend.tested) func anArticleCanComeFromStandardInput(_ backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        let result = try desk.run(["source", "add", "-", "--outlet", "Reuters", "--published", "2025-04-19"],
                                  stdin: Data("قال عراقجي إن الجولة كانت بناءة.\n".utf8))
        #expect(result.status == 0)
        let source = try #require(try desk.json(["source", "show", "6"]) as? [String: Any])
        #expect(source["outlet"] as? String == "Reuters")
        #expect(source["text"] as? String == "قال عراقجي إن الجولة كانت بناءة.\n")
    }

    @Test func workflowCheckNamesTheFileAndLineOfATypo() throws {
        let desk = try Binary()
        let standard = try String(contentsOf: packageRoot.appendingPathComponent("Workflows/standard.yaml"), encoding: .utf8)
        try Data(standard.replacingOccurrences(of: "    to: disputed", with: "    to: dispted").utf8)
            .write(to: desk.folder.appendingPathComponent("typo.yaml"))
        let result = try desk.run(["workflow", "check", "typo.yaml"])
        #expect(result.status == 65)
        let typoLine = (standard.components(separatedBy: "\n").firstIndex(of: "    to: disputed") ?? -1) + 1
        #expect(typoLine > 0)
        #expect(result.stderr.contains("typo.yaml:\(typoLine): transition 'dispute' names state 'dispted'"))
        #expect(result.stderr.contains("did you mean 'disputed'?"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let good = try desk.run(["workflow", "check", packageRoot.appendingPathComponent("Workflows/standard.yaml").path])
        #expect(good.status == 0 && good.stdout.contains("7 states and 7 transitions"))
        let initWithTypo = try desk.run(["init", "--workflow", "typo.yaml"])
        #expect(initWithTypo.status == 65)
        #expect(!FileManager.default.fileExists(atPath: desk.deskPath))
    }

    @Test func theDeskKeepsItsOwnCopyOfTheWorkflow() throws {
        let desk = try Binary()
        let file = desk.folder.appendingPathComponent("mine.yaml")
        let standard = try String(contentsOf: packageRoot.appendingPathComponent("Workflows/standard.yaml"), encoding: .utf8)
        try Data(standard.utf8).write(to: file)
        try desk.expectSuccess(["init", "--workflow", file.path])
        try Data("garbage: [".utf8).write(to: file)
        let shown = try desk.run(["workflow", "show"])
        #expect(shown.status == 0 && shown.stdout.contains("reopen"))
    }

    /// A workflow that can be read only once (a named pipe, as a file changed between two
    /// readings would be): the desk stores exactly the YAML that was checked.
    @Test func theWorkflowFileIsReadOnce() throws {
        let desk = try Binary()
        let fifo = desk.folder.appendingPathComponent("once.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$0\" > \"$1\"", packageRoot.appendingPathComponent("Workflows/two-person.yaml").path, fifo]
        try writer.run()
        let (process, out, err) = try desk.start(["init", "--workflow", fifo])
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            writer.terminate()
            Issue.record("init read the workflow a second time and waited for it")
            return
        }
        writer.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        _ = out
        let shown = try desk.run(["workflow", "show"])
        #expect(shown.stdout.contains("two-person") || shown.stdout.contains("approve"), "\(shown.stdout)")
    }
}
