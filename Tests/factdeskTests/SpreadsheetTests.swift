import Foundation
import Testing

@Suite struct SpreadsheetTests {
    func desk() throws -> Binary {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        try desk.expectSuccess(["reviewer", "add", "layla"])
        try desk.expectSuccess(["reviewer", "add", "omar"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds/000_9a4494d048ed1904.txt").path])
        try desk.expectSuccess(["assign", "4", "--to", "layla"])
        try desk.expectSuccess(["verify", "4", "--note", "ok", "--evidence", "https://example.org"], as: "layla")
        return desk
    }

    func csv(_ desk: Binary, _ arguments: [String] = []) throws -> String {
        let result = try desk.run(["export", "csv"] + arguments)
        #expect(result.status == 0)
        return result.stdout
    }

    @Test func exportAndImportRoundTripAssignmentsThroughTheWorkflow() throws {
        let desk = try desk()
        let exported = try csv(desk)
        let lines = exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "id,source_id,status,assignee,due_at,speaker,worthiness,text")
        #expect(lines[1].hasPrefix("1,1,new,,,"))
        // Plan in the spreadsheet: claims 1 and 2 to layla with a deadline, 3 to omar.
        var edited = lines
        edited[1] = edited[1].replacingOccurrences(of: "1,1,new,,", with: "1,1,new,layla,2099-01-01")
        edited[2] = edited[2].replacingOccurrences(of: "2,1,new,,", with: "2,1,new,layla,2099-01-01")
        edited[3] = edited[3].replacingOccurrences(of: "3,1,new,,", with: "3,1,new,omar,")
        try Data(edited.joined(separator: "\n").utf8).write(to: desk.folder.appendingPathComponent("plan.csv"))
        let result = try desk.run(["import", "csv", "plan.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("line 2, claim 1: assign to layla, due 2099-01-01T23:59:00.000Z"))
        #expect(result.stderr.contains("3 rows applied"))
        let claims = try #require(try desk.json(["claim", "list", "--limit", "0"]) as? [[String: Any]])
        #expect(claims.first { $0["id"] as? Int == 3 }?["assignee"] as? String == "omar")
        #expect(claims.first { $0["id"] as? Int == 1 }?["due_at"] as? String == "2099-01-01T23:59:00.000Z")
        let history = try #require(try desk.json(["history", "1"]) as? [[String: Any]])
        #expect(history.first?["action"] as? String == "assign" && history.first?["actor"] as? String == "sara")
        let again = try desk.run(["import", "csv", "plan.csv"])
        #expect(again.status == 0 && again.stderr.contains("0 rows applied"))
        #expect(try csv(desk).split(separator: "\n")[1].hasPrefix("1,1,assigned,layla,2099-01-01T23:59:00.000Z,"))
    }

    @Test func refusedRowsAreListedAndTheOthersKept() async throws {
        let desk = try desk()
        let plan = """
            id,assignee,due_at
            1,layla,
            4,omar,
            999,layla,
            2,nobody,
            3,layla,2001-01-01
            5,omar,
            """
        try Data(plan.utf8).write(to: desk.folder.appendingPathComponent("plan.csv"))
        let before = try desk.eventCount()
        let result = try desk.run(["import", "csv", "plan.csv"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("plan.csv:3: claim 4: claim 4 is 'verified': 'assign' is not allowed"))
        #expect(result.stderr.contains("plan.csv:4: claim 999: no claim 999"))
        #expect(result.stderr.contains("plan.csv:5: claim 2: no reviewer 'nobody'"))
        #expect(result.stderr.contains("plan.csv:6: claim 3: the deadline 2001-01-01 has passed"))
        #expect(result.stderr.contains("4 of 6 rows refused"))
        #expect(try desk.eventCount() == before + 2)
    }

    @Test func aByteOrderMarkIsWrittenOnRequestAndAcceptedOnImport() throws {
        let desk = try desk()
        let result = try desk.run(["export", "csv", "--bom", "--out", "bom.csv", "--status", "new"])
        #expect(result.status == 0)
        let data = try Data(contentsOf: desk.folder.appendingPathComponent("bom.csv"))
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let imported = try desk.run(["import", "csv", "bom.csv"])
        #expect(imported.status == 0 && imported.stderr.contains("0 rows applied"))
        try Data([0x69, 0x64, 0x0A, 0x31, 0xFF]).write(to: desk.folder.appendingPathComponent("bad.csv"))
        let bad = try desk.run(["import", "csv", "bad.csv"])
        #expect(bad.status == 65 && bad.stderr.contains("not UTF-8 text: invalid UTF-8 at byte 4"))
        try Data("name,assignee\nx,layla\n".utf8).write(to: desk.folder.appendingPathComponent("noid.csv"))
        #expect(try desk.run(["import", "csv", "noid.csv"]).stderr.contains("no `id` column"))
    }

    @Test func jsonExportHasTheClaimListShape() throws {
        let desk = try desk()
        let claims = try #require(try desk.json(["export", "json", "--status", "verified"]) as? [[String: Any]])
        #expect(claims.map { $0["id"] as? Int } == [4])
        #expect(claims.first?["status"] as? String == "verified")
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() async throws {
        let desk = try desk()
        try Data("id,assignee\n1,layla\n".utf8).write(to: desk.folder.appendingPathComponent("plan.csv"))
        let before = try desk.eventCount()
        let result = try desk.run(["import", "csv", "plan.csv", "--max-size", "10"])
        #expect(result.status == 65)
        #expect(result.stderr == "factdesk: error: plan.csv is 20 bytes, over the 10-byte limit; raise it with --max-size\n")
        #expect(try desk.eventCount() == before)
    }

    @Test func aRefusalNamesTheLineItsRowBeginsOnAfterACellOfSeveralLines() throws {
        let desk = try desk()
        let plan = "id,assignee,text\n1,layla,\"سطر\nوسطر\r\nوثالث\"\n999,layla,x\n"
        try Data(plan.utf8).write(to: desk.folder.appendingPathComponent("plan.csv"))
        let result = try desk.run(["import", "csv", "plan.csv"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("plan.csv:5: claim 999: no claim 999"), "\(result.stderr)")
    }

    @Test func formulasAreNeutralisedOnExportAndRestoredOnImport() throws {
        let desk = try desk()
        try desk.expectSuccess(["claim", "add", "--source", "1", "--text", "=HYPERLINK(\"https://evil.example\")",
                                "--speaker", "@someone", "--paraphrase"])
        let exported = try csv(desk, ["--status", "new"])
        let row = try #require(exported.split(separator: "\n").last.map(String.init))
        #expect(row.contains(",'@someone,"), "\(row)")
        #expect(row.contains("\"'=HYPERLINK(\"\"https://evil.example\"\")\""), "\(row)")
        // Back through the import: an assignee cell neutralised by a spreadsheet tool is read as written.
        try Data("id,assignee\n5,'layla\n".utf8).write(to: desk.folder.appendingPathComponent("plan.csv"))
        let imported = try desk.run(["import", "csv", "plan.csv"])
        #expect(imported.status == 0 && imported.stdout.contains("claim 5: assign to layla"), "\(imported.stderr)")
    }
}
