import Foundation
import Testing

/// The web desk in Arabic and English as Chromium shows it: `.ci/interface_browser.py` runs
/// axe-core on every page in both languages, walks a reviewer's verdict with the keyboard
/// alone, and takes and checks screenshots at two widths, against a desk served here.
@Suite struct InterfaceBrowserTests {
    static let passwords = ["sara": "editor desk phrase 9", "layla": "correct horse battery"]

    @Test(.tags(.browser), .needsBrowser) func everyPageIsAccessibleInBothLanguagesAndAReviewerVerifiesWithTheKeyboardAlone() throws {
        let desk = try Self.desk()
        let (server, base) = try Self.serve(desk)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-interface-shots-\(UUID().uuidString)")
        let (status, output) = try python(".ci/interface_browser.py", [
            "--base", base, "--editor", "sara", "--editor-password", Self.passwords["sara"] ?? "",
            "--reviewer", "layla", "--reviewer-password", Self.passwords["layla"] ?? "",
            "--out", shots.path, "--send-tip",
        ], interpreter: "/usr/bin/python3")
        #expect(status == 0, "\(output)")
        #expect(output.contains("keyboard walk (ar):"), "\(output)")
        #expect(output.contains("interface browser: ok"), "\(output)")
        for page in ["login", "queue", "claim", "stats"] {
            for language in ["ar", "en"] {
                for width in [1280, 390] {
                    let name = "\(page)-\(language)-\(width).png"
                    let size = (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name).path)[.size] as? Int) ?? 0
                    #expect(size > 5_000, "\(name) was not written")
                }
            }
        }
        #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("axe.json").path))
    }

    /// The sample articles with their claims, an editor and a reviewer with passwords, two
    /// claims assigned to the reviewer (one for each language's walk) and a webhook.
    static func desk() throws -> Binary {
        let desk = try Binary()
        try desk.expectSuccess(["init", "--name", "Sara Haddad"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds").path])
        try desk.expectSuccess(["reviewer", "add", "layla", "--name", "ليلى ناصر"])
        for (handle, password) in passwords {
            let set = try desk.run(["reviewer", "password", handle, "--password-stdin"], stdin: Data((password + "\n").utf8))
            #expect(set.status == 0, "\(set.stderr)")
        }
        try desk.expectSuccess(["service", "add", "web"])
        try desk.expectSuccess(["assign", "1", "--to", "layla"])
        try desk.expectSuccess(["assign", "2", "--to", "layla"])
        try desk.expectSuccess(["webhook", "add", "http://127.0.0.1:9/factdesk", "--events", "assign,verify", "--allow-private"])
        return desk
    }

    /// `factdesk serve` on a free port: the process and the address it announced. Its log is
    /// read to the end in the background, so that a full pipe never stops it.
    static func serve(_ desk: Binary) throws -> (Process, String) {
        let (process, out, err) = try desk.start(["serve", "--port", "0", "--no-feeds"])
        var announced = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !announced.contains("Ctrl-C"), process.isRunning {
            announced += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        err.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
        out.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
        guard let start = announced.range(of: "http://"),
              let end = announced[start.lowerBound...].firstIndex(where: { $0 == ";" || $0.isWhitespace }) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "serve did not start: \(announced)"])
        }
        return (process, String(announced[start.lowerBound..<end]))
    }
}
