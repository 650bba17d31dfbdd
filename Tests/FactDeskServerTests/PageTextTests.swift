import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

/// What the pages print: each history line with what its own event set, and text whose
/// direction controls are written out wherever it lands, the `<title>` included.
@Suite struct PageTextTests {
    @Test func eachHistoryLineShowsTheAssigneeAndDeadlineItsOwnEventSet() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let page = try await sara.get("/claims/\(id)")
            let assigned = try await sara.post("/claims/\(id)/transitions/assign", [
                ("csrf", Browser.csrf(in: page)), ("to", "layla"), ("due", "3d"), ("version", "1"),
            ])
            #expect(assigned.status == .seeOther)
            let lines = try await sara.get("/claims/\(id)").text.components(separatedBy: "<li>")
                .filter { $0.contains("<code class=\"hash\"") }
            let added = try #require(lines.first { $0.contains("added the claim") })
            let assignment = try #require(lines.first { $0.contains("to <bdi>layla</bdi>") })
            #expect(!added.contains("layla") && !added.contains(", due "))
            #expect(assignment.contains(", due "))
            #expect(lines.filter { $0.contains("to <bdi>layla</bdi>") }.count == 1)
        }
    }

    @Test func theArticlePageWritesOutDirectionControlsInItsTitleAndForbidsScripts() async throws {
        let desk = try await WebDesk()
        let imported = try await desk.store.imports.addSource(NewSource(
            body: "قال المتحدث إن الاجتماع سيعقد غدا في عمان بحضور الوزراء.",
            title: "Minister \u{202E}lanif\u{202C} statement", outlet: "News \u{2066}Desk\u{2069}"), by: "sara")
        let id: Int64
        switch imported {
        case .added(let source, _), .existing(let source): id = source.id ?? 0
        }
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let report = try await sara.get("/sources/\(id)")
            #expect(report.status == .ok)
            let html = report.text
            let controls: [Unicode.Scalar] = ["\u{202E}", "\u{202C}", "\u{2066}", "\u{2069}"]
            #expect(!html.unicodeScalars.contains { controls.contains($0) })
            #expect(html.contains("<title lang=\"ar\">Minister ⟨U+202E⟩lanif⟨U+202C⟩ statement</title>"))
            #expect(html.contains("News ⟨U+2066⟩Desk⟨U+2069⟩"))
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(ArticleReport.contentSecurityPolicy)\">"))
        }
    }

    @Test func aPageTitleAndItsMessagesWriteOutDirectionControls() throws {
        let pages = try Pages()
        let html = pages.page(title: "Claim \u{202E}7\u{200F}", viewer: nil, in: .english, content: "", error: "no \u{061C}reviewer",
                              notice: "done \u{200E}")
        #expect(html.contains("<title>Claim ⟨U+202E⟩7⟨U+200F⟩ · FactDesk</title>"))
        #expect(html.contains("no ⟨U+061C⟩reviewer") && html.contains("done ⟨U+200E⟩"))
        #expect(!html.unicodeScalars.contains { ["\u{202E}", "\u{200F}", "\u{061C}", "\u{200E}"].contains($0) })
    }
}
