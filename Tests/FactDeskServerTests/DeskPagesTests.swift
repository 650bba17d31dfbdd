import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

@Suite struct DeskPagesTests {
    @Test func anEditorImportsAPastedArticleAndItsClaimsAreExtracted() async throws {
        let desk = try await WebDesk()
        let before = try await desk.store.imports.sources().count
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let page = try await sara.get("/sources")
            #expect(page.text.contains("Import an article"))
            let article = "قال وزير الخارجية إن المحادثات استمرت أربع ساعات يوم السبت في مسقط، وإن الجولة المقبلة ستعقد في 3 مايو."
            let response = try await sara.post("/sources", [("csrf", Browser.csrf(in: page)), ("text", article),
                                                            ("published", "2025-05-01")])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/sources/\(before + 1)")
            let report = try await sara.get("/sources/\(before + 1)")
            #expect(report.status == .ok)
            #expect(report.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
        #expect(try await desk.store.imports.sources().count == before + 1)
    }

    @Test func anUploadThatIsNotUTF8IsRefusedWithTheSameReasonAsSourceAdd() async throws {
        let desk = try await WebDesk()
        let before = try await desk.store.audit.auditHead()
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let token = try await sara.csrf()
            let boundary = "XyZ"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bad.txt\"\r\n"
            body += "Content-Type: text/plain\r\n\r\n"
            var bytes = ByteBuffer(string: body)
            bytes.writeBytes([0x41, 0xC3, 0x28, 0x42])
            bytes.writeString("\r\n--\(boundary)--\r\n")
            var headers = HTTPFields()
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            headers[.origin] = WebDesk.origin
            let response = try await sara.send("/sources", method: .post, headers: headers, body: bytes)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("bad.txt is not UTF-8 text"))
        }
        #expect(try await desk.store.audit.auditHead() == before)
    }

    @Test func aReviewerImportsAsOnTheCommandLineButCannotManageTheTeam() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let layla = Browser(client)
            try await layla.logIn("layla")
            let sources = try await layla.get("/sources")
            #expect(sources.text.contains("Import an article"))
            let token = Browser.csrf(in: sources)
            let imported = try await layla.post("/sources", [("csrf", token), ("text", "نص قصير عن المحادثات النووية في مسقط.")])
            #expect(imported.status == .seeOther)
            let added = try await layla.post("/reviewers", [("csrf", token), ("handle", "mallory")])
            #expect(added.status == .forbidden)
            let promoted = try await layla.post("/reviewers/layla/role", [("csrf", token), ("role", "editor")])
            #expect(promoted.status == .forbidden)
        }
        #expect(try await desk.store.team.reviewer("mallory") == nil)
        #expect(try await desk.store.team.reviewer("layla")?.role == .reviewer)
    }

    @Test func anEditorAddsAReviewerChangesARoleAndCannotDemoteTheLastEditor() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let token = try await sara.csrf()
            #expect(try await sara.post("/reviewers", [("csrf", token), ("handle", "nour"), ("name", "نور")]).status == .seeOther)
            #expect(try await sara.post("/reviewers/omar/role", [("csrf", token), ("role", "reviewer")]).status == .seeOther)
            let unclear = try await sara.post("/reviewers/omar/active", [("csrf", token), ("active", "maybe")])
            #expect(unclear.status == .badRequest)
            let last = try await sara.post("/reviewers/sara/role", [("csrf", token), ("role", "reviewer")])
            #expect(last.status == .forbidden)
            #expect(last.text.contains("last active editor"))
            let page = try await sara.get("/reviewers")
            #expect(page.text.contains(#"<span lang="ar" dir="rtl">نور</span>"#))
        }
        #expect(try await desk.store.team.reviewer("omar")?.role == .reviewer)
        #expect(try await desk.store.team.reviewer("omar")?.active == true)
        #expect(try await desk.store.team.reviewer("sara")?.role == .editor)
    }

    @Test func aSourceAddressIsALinkOnlyWhenItIsHTTP() async throws {
        let desk = try await WebDesk()
        await #expect(throws: DeskError.self) {
            _ = try await desk.store.imports.addSource(NewSource(body: "نص عن المحادثات في مسقط يوم السبت.", url: "javascript:alert(1)"), by: "sara")
        }
        let outcome = try await desk.store.imports.addSource(NewSource(body: "نص عن المحادثات في مسقط يوم السبت.", url: "https://news.example/a"),
                                                     by: "sara")
        guard case .added(let source, _) = outcome else { throw DeskError.invalidValue("not added") }
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let report = try await sara.get("/sources/\(source.id ?? 0)")
            #expect(report.status == .ok)
            #expect(report.text.contains("href=\"https://news.example/a\""))
        }
        // An address stored before addresses were checked is still shown as text.
        #expect(WebLink.href("javascript:alert(1)") == nil && WebLink.href("https://news.example/a") != nil)
    }

    @Test func statsAuditAndWorkflowPagesShowTheDesk() async throws {
        let desk = try await WebDesk()
        let head = try await desk.store.audit.auditHead()
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let stats = try await sara.get("/stats")
            #expect(stats.text.contains("<svg class=\"chart\""))
            let audit = try await sara.get("/audit")
            #expect(audit.text.contains("\(head.seq):\(head.hash)"))
            let verified = try await sara.get("/audit?verify=1")
            #expect(verified.text.contains("The history is intact"))
            let workflow = try await sara.get("/workflow")
            #expect(workflow.text.contains("Workflow: <bdi>"))
            #expect(workflow.text.contains("verify"))
        }
    }
}
