import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

/// Every text field the web desk writes, sent with what no desk stores (NUL, a noncharacter,
/// a lone surrogate escaped in JSON) through the JSON API and the forms: each is a 400,
/// nothing is stored, and the history still verifies. Bidirectional overrides and long texts
/// are kept, and the history verifies with them.
@Suite struct HostileTextTests {
    static let forbidden = ["before\u{0}after", "before" + scalar(0xFFFF) + "after", scalar(0xFDD0), "مرحبا" + scalar(0x10FFFE)]

    /// A scalar the compiler will not take as a literal.
    static func scalar(_ value: UInt32) -> String {
        Unicode.Scalar(value).map { String(Character($0)) } ?? ""
    }

    private func headers(_ secret: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(secret)"
        headers[.contentType] = "application/json"
        return headers
    }

    /// A JSON string literal, escaping what JSON must escape (NUL as \u0000).
    private static func literal(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])) ?? Data()
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    /// The JSON bodies of every API write, each with `text` in one of its text fields.
    private static func apiWrites(_ text: String, claim: Int64) -> [(String, String)] {
        let value = literal(text)
        return [
            ("/api/claims/\(claim)/notes", #"{"body": \#(value)}"#),
            ("/api/claims/\(claim)/transitions/assign", #"{"to": "layla", "note": \#(value)}"#),
            ("/api/claims/\(claim)/transitions/assign", #"{"to": \#(value)}"#),
            ("/api/claims/\(claim)/transitions/skip", #"{"note": "x", "evidence": [\#(value)]}"#),
            ("/api/claims/\(claim)/transitions/assign", #"{"to": "layla", "due": \#(value)}"#),
        ]
    }

    @Test func theAPIRefusesWhatNoDeskStoresAndKeepsNothing() async throws {
        let desk = try await WebDesk()
        let claim = try await #require(try desk.firstClaim().id)
        let (_, secret) = try await desk.store.logins.createToken(name: "script", expiresAt: nil, by: "sara")
        let before = try await desk.store.audit.auditHead()
        // A lone surrogate can only be written escaped; a Swift string cannot hold one.
        let bodies = Self.forbidden.flatMap { Self.apiWrites($0, claim: claim).map { $0 } }
            + [("/api/claims/\(claim)/notes", #"{"body": "before\ud800after"}"#),
               ("/api/claims/\(claim)/notes", #"{"body": "\udfff"}"#)]
        try await desk.test { client in
            for (uri, body) in bodies {
                let response = try await client.execute(uri: uri, method: .post, headers: headers(secret.text),
                                                        body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(uri) \(body.debugDescription): \(response.status) \(response.text)")
            }
        }
        #expect(try await desk.store.audit.auditHead() == before)
        #expect(try await desk.store.audit.verifyAudit().intact)
    }

    @Test func theFormsRefuseWhatNoDeskStoresAndKeepNothing() async throws {
        let desk = try await WebDesk()
        let claim = try await #require(try desk.firstClaim().id)
        let before = try await desk.store.audit.auditHead()
        let reviewers = try await desk.store.team.members().count
        try await desk.test { client in
            let browser = Browser(client)
            try await browser.logIn("sara")
            let csrf = try await browser.csrf()
            for text in Self.forbidden {
                let forms: [(String, [(String, String)])] = [
                    ("/claims/\(claim)/notes", [("body", text)]),
                    ("/claims/\(claim)/evidence", [("url", "https://example.org/a"), ("stance", "supports"), ("note", text)]),
                    ("/claims/\(claim)/evidence", [("url", "https://example.org/" + text), ("stance", "supports")]),
                    ("/claims/\(claim)/transitions/assign", [("to", "layla"), ("note", text)]),
                    ("/reviewers", [("handle", "nadia"), ("name", text), ("role", "reviewer")]),
                ]
                for (uri, fields) in forms {
                    let response = try await browser.post(uri, [("csrf", csrf)] + fields)
                    #expect(response.status == .badRequest, "\(uri) \(text.debugDescription): \(response.status)")
                }
            }
        }
        #expect(try await desk.store.audit.auditHead() == before)
        #expect(try await desk.store.team.members().count == reviewers)
        #expect(try await desk.store.audit.verifyAudit().intact)
    }

    @Test func overridesAndLongTextsAreKeptAndTheHistoryVerifies() async throws {
        let desk = try await WebDesk()
        let claim = try await #require(try desk.firstClaim().id)
        let (_, secret) = try await desk.store.logins.createToken(name: "script", expiresAt: nil, by: "sara")
        let long = String(repeating: "قال المتحدث إن الوفد لم يوافق. ", count: 3_400)
        #expect(long.utf8.count > 100_000)
        try await desk.test { client in
            let kept = try await client.execute(uri: "/api/claims/\(claim)/notes", method: .post, headers: headers(secret.text),
                                                body: ByteBuffer(string: #"{"body": "الوفد \u202eلم يوافق\u202c"}"#))
            #expect(kept.status == .created)
            let response = try await client.execute(uri: "/api/claims/\(claim)/notes", method: .post, headers: headers(secret.text),
                                                    body: ByteBuffer(string: #"{"body": \#(Self.literal(long))}"#))
            // Over the note's limit: refused whole, with a sentence, never cut.
            #expect(response.status == .badRequest && response.text.contains("over the limit"), "\(response.status)")
        }
        let notes = try await desk.store.review.claimDetail(claim).notes
        #expect(notes.map(\.body) == ["الوفد \u{202E}لم يوافق\u{202C}"])
        #expect(try await desk.store.audit.verifyAudit().intact)
    }
}
