import Foundation
import Testing

@Suite struct ImportCommandTests {
    func importedDesk() throws -> Binary {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds").path])
        return desk
    }

    @Test func oneClaimIsOneClaim() throws {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        try Data("قال وزير الخارجية إن المحادثات في روما استمرت أربع ساعات يوم السبت.\n".utf8)
            .write(to: desk.folder.appendingPathComponent("one.txt"))
        let added = try desk.run(["source", "add", "one.txt"])
        #expect(added.stdout.hasPrefix("source 1  1 claim  one.txt"), "\(added.stdout)")
        let audit = try desk.run(["audit", "verify"])
        #expect(audit.stdout.contains(", 1 claim and "), "\(audit.stdout)")
    }

    @Test func theSeedsBecomeARankedQueueWithReasons() throws {
        let desk = try importedDesk()
        let sources = try #require(try desk.json(["source", "list"]) as? [[String: Any]])
        #expect(sources.count == 5)
        #expect(sources.allSatisfy { ($0["claims"] as? Int ?? 0) >= 10 })
        let queue = try #require(try desk.json(["claim", "list", "--sort", "worthiness", "--limit", "10"]) as? [[String: Any]])
        let scores = queue.compactMap { $0["worthiness"] as? Int }
        #expect(scores.count == 10 && scores == scores.sorted(by: >))
        #expect(queue.allSatisfy { !(($0["reasons"] as? [String]) ?? []).isEmpty })
        let top = try #require(queue.first?["id"] as? Int)
        let shown = try desk.run(["claim", "show", String(top)]).stdout
        #expect(shown.contains("score    \(scores[0])  (number:"))
    }

    @Test func reimportingTheSeedsDuplicatesNothing() throws {
        let desk = try importedDesk()
        let before = try #require(try desk.json(["claim", "list", "--limit", "0"]) as? [Any]).count
        let again = try desk.run(["source", "add", packageRoot.appendingPathComponent("seeds").path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("already imported as source 1; nothing changed"))
        #expect(try #require(try desk.json(["claim", "list", "--limit", "0"]) as? [Any]).count == before)
    }

    @Test func searchFindsSpellingVariantsAndTreatsSyntaxAsText() throws {
        let desk = try importedDesk()
        let plain = try #require(try desk.json(["claim", "search", "عراقجي"]) as? [[String: Any]])
        let tatweel = try #require(try desk.json(["claim", "search", "عراقـــجي"]) as? [[String: Any]])
        #expect(!plain.isEmpty)
        #expect(plain.compactMap { $0["id"] as? Int } == tatweel.compactMap { $0["id"] as? Int })
        let clitic = try #require(try desk.json(["claim", "search", "المفاوضات", "--limit", "100"]) as? [[String: Any]])
        #expect(clitic.contains { ($0["text"] as? String)?.contains("والمفاوضات") == true })
        let syntax = try desk.run(["claim", "search", "\"(* NEAR"])
        #expect(syntax.status == 0)
        #expect(syntax.stderr.contains("no claim matches"))
        let filtered = try desk.run(["claim", "search", "عراقجي", "--status", "verified"])
        #expect(filtered.status == 0 && filtered.stdout.isEmpty)
    }

    @Test func aBinaryFileIsRefusedWithTheStoreUnchanged() async throws {
        let desk = try importedDesk()
        let before = try desk.eventCount()
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(to: desk.folder.appendingPathComponent("image.png"))
        let png = try desk.run(["source", "add", "image.png"])
        #expect(png.status == 65)
        #expect(png.stderr.contains("image.png is not UTF-8 text: invalid UTF-8 at byte 0"))
        try Data("نص\u{0}ثنائي".utf8).write(to: desk.folder.appendingPathComponent("nul.txt"))
        let nul = try desk.run(["source", "add", "nul.txt"])
        #expect(nul.status == 65 && nul.stderr.contains("NUL byte at byte 4"))
        try Data(String(repeating: "ب", count: 600).utf8).write(to: desk.folder.appendingPathComponent("big.txt"))
        let big = try desk.run(["source", "add", "big.txt", "--max-size", "1000"])
        #expect(big.status == 65 && big.stderr.contains("raise it with --max-size"))
        #expect(try desk.eventCount() == before)
    }

    @Test func aFolderKeepsItsGoodFilesAndListsTheRefusedOnes() throws {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        let folder = desk.folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([0x62, 0x61, 0x64, 0x20, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("a.txt"))
        try Data(try String(contentsOf: packageRoot.appendingPathComponent("seeds").appendingPathComponent(
            try #require(FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("seeds").path).sorted().first)),
            encoding: .utf8).utf8).write(to: folder.appendingPathComponent("b.txt"))
        let result = try desk.run(["source", "add", "articles"])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "factdesk: error: articles/a.txt is not UTF-8 text: invalid UTF-8 at byte 4; convert it to UTF-8 first",
                "\(result.stderr)")
        #expect(lines.last?.contains("1 of 2 files refused: articles/a.txt") == true)
        let sources = try #require(try desk.json(["source", "list"]) as? [[String: Any]])
        #expect(sources.count == 1, "the good file after the refused one is kept")
    }
}
