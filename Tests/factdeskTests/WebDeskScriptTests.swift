import Foundation
import Testing

/// The web desk driven from outside: a real browser, and schemathesis against the API's
/// OpenAPI document. Both need what `.ci/run` installs; the browser's test runs where Chromium
/// is installed, or where the run requires it (`FACTDESK_TEST_REQUIRE=browser`), and then
/// fails without it.
@Suite(.serialized) struct WebDeskScriptTests {
    private var seeds: String { packageRoot.appendingPathComponent("seeds").path }

    @Test(.tags(.browser), .needsBrowser) func anEditorAndAReviewerWorkAClaimToAVerdictInChromium() throws {
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-shots-\(UUID().uuidString)")
        // Debian's python3, where python3-selenium installs.
        let (status, output) = try python(".ci/browser.py", [
            "--bin", Binary.url.path, "--seeds", seeds, "--screenshots", shots.path,
        ], interpreter: "/usr/bin/python3")
        #expect(status == 0, "\(output)")
        #expect(output.contains("browser: ok"))
        for name in ["queue.png", "claim.png", "claim-phone.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(name) was not written")
        }
    }

    @Test(.tags(.browser), .needsBrowser) func aReadersTipGoesFromTheFormToAVerdictOnItsReceiptInChromium() throws {
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-tip-shots-\(UUID().uuidString)")
        let (status, output) = try python(".ci/tips_browser.py", ["--bin", Binary.url.path, "--screenshots", shots.path],
                                          interpreter: "/usr/bin/python3")
        #expect(status == 0, "\(output)")
        #expect(output.contains("tips browser: ok"))
        for name in ["tip-received.png", "tip-checked.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 5_000, "\(name) was not written")
        }
    }

    @Test func schemathesisFindsNoServerErrorAndNoResponseOutsideTheDocument() throws {
        let (status, output) = try python(".ci/api_fuzz.py", ["--bin", Binary.url.path, "--seeds", seeds, "--examples", "15"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("api fuzz: ok"))
    }
}
