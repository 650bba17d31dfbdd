import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

/// What the server takes from a request before any page sees it: the host it names, the
/// method, and a form whole or not at all.
@Suite struct RequestBoundaryTests {
    static let pages = ["/", "/claims", "/claims/1", "/sources", "/sources/1", "/reviewers", "/stats", "/audit",
                        "/workflow", "/login", "/assets/desk.css", "/api/openapi.json", "/api/claims", "/api/stats"]

    @Test(arguments: pages)
    func headAnswersEveryPageWithTheHeadersOfGetAndNoBody(path: String) async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let browser = Browser(client)
            try await browser.logIn("sara")
            let get = try await browser.get(path)
            let head = try await browser.send(path, method: .head, headers: [:], body: nil)
            #expect(get.status == .ok)
            #expect(head.status == get.status)
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(head.headers[.contentSecurityPolicy] == get.headers[.contentSecurityPolicy])
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.body.readableBytes == 0)
        }
    }

    @Test func aRequestNamingAnotherHostThanTheBaseURLGets421() async throws {
        let desk = try await WebDesk()
        // The in-process client names `localhost`: a page of another name pointed at this server.
        try await desk.test(baseURL: "https://desk.example.org") { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.status == .misdirectedRequest)
            let api = try await client.execute(uri: "/api/stats", method: .get)
            #expect(api.status == .misdirectedRequest)
            let body = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: [String: String]]
            #expect(body?["error"]?["kind"] == "wrong_host")
            #expect(OpenAPIDocument.json.contains("\"wrong_host\"") && OpenAPIDocument.json.contains("\"421\""))
        }
    }

    @Test(arguments: ["http://localhost", "http://LOCALHOST:80/desk", "https://localhost:443"])
    func theBaseURLsOwnHostIsServedWhateverItsCaseOrDefaultPort(baseURL: String) async throws {
        let desk = try await WebDesk()
        try await desk.test(baseURL: baseURL) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.status == .ok)
        }
    }

    @Test func withoutABaseURLAnyHostIsServedAsBefore() async throws {
        let desk = try await WebDesk()
        let server = try DeskServer(store: desk.store, configuration: ServerConfiguration(logRequests: false))
        try await Application(responder: server.responder()).test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            #expect(page.status == .ok)
        }
    }

    @Test func aMultipartImportWithoutItsClosingBoundaryIsRefusedAndImportsNothing() async throws {
        let desk = try await WebDesk()
        let before = try await desk.store.audit.auditHead()
        let sources = try await desk.store.imports.sources().count
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let token = try await sara.csrf()
            let boundary = "cutShort"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
            body += "قال الوزير إن المحادثات النووية في مسقط انتهت باتفاق، وأضاف أن"
            var headers = HTTPFields()
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            headers[.origin] = WebDesk.origin
            let response = try await sara.send("/sources", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("closing boundary"))
        }
        #expect(try await desk.store.audit.auditHead() == before)
        #expect(try await desk.store.imports.sources().count == sources)
    }

    @Test func aWholeMultipartImportIsStillTaken() async throws {
        let desk = try await WebDesk()
        let sources = try await desk.store.imports.sources().count
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            let token = try await sara.csrf()
            let boundary = "whole"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
            body += "قال الوزير إن المحادثات النووية في مسقط انتهت باتفاق.\r\n--\(boundary)--\r\n"
            var headers = HTTPFields()
            headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
            headers[.origin] = WebDesk.origin
            let response = try await sara.send("/sources", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .seeOther)
        }
        #expect(try await desk.store.imports.sources().count == sources + 1)
    }
}
