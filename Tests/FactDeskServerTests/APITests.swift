import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

@Suite struct APITests {
    private func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.text.utf8))
    }

    private func headers(_ secret: String, json: Bool = false) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(secret)"
        if json { headers[.contentType] = "application/json" }
        return headers
    }

    /// The keys a schema of the OpenAPI document requires.
    private func required(_ schema: String) throws -> Set<String> {
        let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
        let schemas = (document?["components"] as? [String: Any])?["schemas"] as? [String: Any]
        let found = schemas?[schema] as? [String: Any]
        if let parts = found?["allOf"] as? [[String: Any]] {
            var keys = try required("Claim")
            for part in parts { keys.formUnion(part["required"] as? [String] ?? []) }
            return keys
        }
        return Set(found?["required"] as? [String] ?? [])
    }

    @Test func theAPIAnswersInTheShapesItsDocumentDescribes() async throws {
        let desk = try await WebDesk()
        let (_, secret) = try await desk.store.logins.createToken(name: "test", expiresAt: nil, by: "sara")
        let claimKeys = try required("Claim"), detailKeys = try required("ClaimDetail"), eventKeys = try required("Event")
        let statsKeys = try required("Stats")
        #expect(claimKeys.contains("due_at") && detailKeys.contains("history"))
        try await desk.test { client in
            let list = try await client.execute(uri: "/api/claims?sort=worthiness", method: .get, headers: headers(secret.text))
            let claims = try json(list) as? [[String: Any]] ?? []
            #expect(claims.count == 50)
            #expect(claims.allSatisfy { claimKeys.isSubset(of: $0.keys) })
            let id = claims.first?["id"] as? Int ?? 0
            let detail = try json(try await client.execute(uri: "/api/claims/\(id)", method: .get, headers: headers(secret.text)))
            #expect(detailKeys.isSubset(of: (detail as? [String: Any])?.keys.map { $0 } ?? []))
            #expect(((detail as? [String: Any])?["transitions"] as? [String])?.contains("assign") == true)
            let history = try json(try await client.execute(uri: "/api/history?claim=\(id)", method: .get, headers: headers(secret.text)))
            #expect((history as? [[String: Any]])?.allSatisfy { eventKeys.isSubset(of: $0.keys) } == true)
            let stats = try json(try await client.execute(uri: "/api/stats", method: .get, headers: headers(secret.text)))
            #expect(statsKeys.isSubset(of: (stats as? [String: Any])?.keys.map { $0 } ?? []))
            let head = try json(try await client.execute(uri: "/api/audit/head", method: .get, headers: headers(secret.text)))
            #expect(((head as? [String: Any])?["hash"] as? String)?.count == 64)
        }
    }

    @Test func aTransitionThroughTheAPIIsTheSameChangeAsOnTheCommandLine() async throws {
        let desk = try await WebDesk()
        let id = try await desk.firstClaim().id ?? 0
        let (_, secret) = try await desk.store.logins.createToken(name: "bot", expiresAt: nil, by: "sara")
        try await desk.test { client in
            let body = ByteBuffer(string: #"{"to": "layla", "due": "2d", "note": "please check", "version": 1}"#)
            let response = try await client.execute(uri: "/api/claims/\(id)/transitions/assign", method: .post,
                                                    headers: headers(secret.text, json: true), body: body)
            #expect(response.status == .ok)
            let claims = try json(response) as? [[String: Any]]
            #expect(claims?.first?["status"] as? String == "assigned")
            #expect(claims?.first?["assignee"] as? String == "layla")

            let again = try await client.execute(uri: "/api/claims/\(id)/transitions/assign", method: .post,
                                                 headers: headers(secret.text, json: true), body: body)
            #expect(again.status == .conflict)
            let error = try json(again) as? [String: [String: String]]
            #expect(error?["error"]?["kind"] == "conflict")

            let verify = try await client.execute(uri: "/api/claims/\(id)/transitions/reopen", method: .post,
                                                  headers: headers(secret.text, json: true),
                                                  body: ByteBuffer(string: #"{"note": "n", "evidence": ["https://example.org"]}"#))
            #expect(verify.status == .conflict)
            #expect((try json(verify) as? [String: [String: String]])?["error"]?["kind"] == "transition_not_allowed")

            let note = try await client.execute(uri: "/api/claims/\(id)/notes", method: .post,
                                                headers: headers(secret.text, json: true),
                                                body: ByteBuffer(string: #"{"body": "ملاحظة"}"#))
            #expect(note.status == .created)
        }
        let history = try await desk.store.review.claimDetail(id).history
        #expect(history.contains { $0.actor == "sara" && $0.action == "assign" && $0.payload.transition?.assignee == "layla" })
        #expect(history.contains { $0.action == "claim.note" && $0.payload.note == "ملاحظة" })
    }

    @Test(arguments: [
        ("/api/claims/1/transitions/assign", "not json", HTTPResponse.Status.badRequest, "invalid_input"),
        ("/api/claims/1/transitions/fly", "{}", .notFound, "not_found"),
        ("/api/claims/999999/transitions/start", "{}", .notFound, "not_found"),
        ("/api/claims/1/transitions/assign", #"{"to": "layla", "due": "yesterday"}"#, .badRequest, "invalid_input"),
        ("/api/claims/1/notes", #"{"body": "   "}"#, .badRequest, "invalid_input"),
        ("/api/nowhere", "{}", .notFound, "not_found"),
    ])
    func badAPIRequestsGetTheirStatusAndAnErrorBody(path: String, body: String, status: HTTPResponse.Status,
                                                    kind: String) async throws {
        let desk = try await WebDesk()
        let (_, secret) = try await desk.store.logins.createToken(name: "bot", expiresAt: nil, by: "layla")
        let before = try await desk.store.audit.auditHead()
        try await desk.test { client in
            let response = try await client.execute(uri: path, method: .post, headers: headers(secret.text, json: true),
                                                    body: ByteBuffer(string: body))
            #expect(response.status == status)
            #expect((try json(response) as? [String: [String: String]])?["error"]?["kind"] == kind)
        }
        #expect(try await desk.store.audit.auditHead() == before)
    }

    @Test func aReviewerTokenCannotAssign() async throws {
        let desk = try await WebDesk()
        let (_, secret) = try await desk.store.logins.createToken(name: "bot", expiresAt: nil, by: "layla")
        try await desk.test { client in
            let response = try await client.execute(uri: "/api/claims/1/transitions/assign", method: .post,
                                                    headers: headers(secret.text, json: true),
                                                    body: ByteBuffer(string: #"{"to": "layla"}"#))
            #expect(response.status == .forbidden)
        }
    }

    @Test func aBrowserSessionWritesThroughTheAPIOnlyWithItsCSRFHeader() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let sara = Browser(client)
            try await sara.logIn("sara")
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.origin] = WebDesk.origin
            let body = ByteBuffer(string: #"{"body": "from a page"}"#)
            let refused = try await sara.send("/api/claims/1/notes", method: .post, headers: headers, body: body)
            #expect(refused.status == .forbidden)
            headers[HTTPField.Name("X-CSRF-Token")!] = try await sara.csrf()
            let accepted = try await sara.send("/api/claims/1/notes", method: .post, headers: headers, body: body)
            #expect(accepted.status == .created)
        }
    }

    @Test func theOpenAPIDocumentIsPublicAndNamesEveryAPIRoute() async throws {
        let desk = try await WebDesk()
        try await desk.test { client in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try json(response) as? [String: Any]
            let paths = Set((document?["paths"] as? [String: Any])?.keys.map { $0 } ?? [])
            #expect(paths == ["/api/claims", "/api/claims/{id}", "/api/claims/{id}/transitions/{name}",
                              "/api/claims/{id}/notes", "/api/history", "/api/stats", "/api/audit/head", "/api/tips",
                              "/api/inbox", "/api/inbox/unread", "/api/events", "/api/events/stream"])
        }
    }
}
