import Foundation
import Testing

/// The inbox as a reviewer sees it in Chromium: `.ci/inbox_browser.py` against a server that
/// derives notifications every half second.
@Suite struct InboxBrowserTests {
    @Test(.tags(.browser), .needsBrowser) func theUnreadBadgeRisesWithoutAReloadAndOpeningAnItemLeadsToItsClaimAndReadsIt() throws {
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-inbox-shots-\(UUID().uuidString)")
        let (status, output) = try python(".ci/inbox_browser.py", [
            "--bin", Binary.url.path, "--seed", NotifyDeliveryTests.firstSeed, "--screenshots", shots.path,
        ], interpreter: "/usr/bin/python3")
        #expect(output.contains("opening an item from the inbox: ok"), "\(output)")
        #expect(status == 0, "\(output)")
        #expect(output.contains("the badge rose without a reload"), "\(output)")
        #expect(output.contains("inbox browser: ok"))
        for name in ["inbox-badge.png", "inbox.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: shots.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 5_000, "\(name) was not written")
        }
    }
}
