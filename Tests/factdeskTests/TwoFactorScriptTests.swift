import Foundation
import Testing

/// Two-factor logins with pyotp (PyPI) as the authenticator, against the built binary:
/// over HTTP, and in headless Chromium. Both need what `.ci/run` installs; the browser's test
/// runs where Chromium is installed, or where the run requires it, and then fails without it.
@Suite(.serialized) struct TwoFactorScriptTests {
    private var seeds: String { packageRoot.appendingPathComponent("seeds").path }

    @Test func pyotpsCodeFromThePrintedURIOpensALoginOnceAndRequire2FATurnsAwayAnEditorWithoutOne() throws {
        let (status, output) = try python(".ci/twofa.py", ["--bin", Binary.url.path, "--seeds", seeds])
        #expect(status == 0, "\(output)")
        #expect(output.contains("twofa http: ok"))
    }

    @Test(.tags(.browser), .needsBrowser) func inChromiumAnEditorLogsInWithPyotpsCodeAndTheSettingsPageQRCodeScansAsItsURI() throws {
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-twofa-\(UUID().uuidString)")
        // Debian's python3, where python3-selenium installs.
        let (status, output) = try python(".ci/twofa.py", [
            "--browser", "--bin", Binary.url.path, "--seeds", seeds, "--screenshots", shots.path,
        ], interpreter: "/usr/bin/python3")
        #expect(status == 0, "\(output)")
        #expect(output.contains("twofa browser: ok"))
        let size = (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent("settings-qr.png").path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "settings-qr.png was not written")
    }
}
