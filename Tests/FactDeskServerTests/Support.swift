import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import FactDeskServer

/// The package's top folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A desk file in a fresh folder: editor `sara`, reviewer `layla`, editor `omar`, the five
/// sample articles imported, and passwords set (with bcrypt's lowest cost, to keep tests quick).
struct WebDesk {
    static let passwords = ["sara": "editor desk phrase 9", "layla": "correct horse battery", "omar": "second pair of eyes"]
    /// The desk's address in tests: the in-process client names `localhost` as its host.
    static let origin = "http://localhost"

    let store: ClaimStore
    let path: String

    init(workflow: String = "standard") async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("desk.db").path
        store = try await ClaimStore.create(path: path, workflow: try WorkflowSource.named(workflow),
                                            editor: NewReviewer(handle: "sara", displayName: "Sara Haddad", role: .editor))
        try await store.team.addReviewer(NewReviewer(handle: "layla", displayName: "Layla Nasser"), by: "sara")
        try await store.team.addReviewer(NewReviewer(handle: "omar", displayName: "Omar Khalil", role: .editor), by: "sara")
        let seeds = packageRoot.appendingPathComponent("seeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
        _ = try await store.imports.addSources(try names.map {
            NewSource(body: try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8))
        }, by: "sara")
        for (handle, password) in Self.passwords {
            try await store.logins.setPassword(password, for: handle, by: handle, cost: 4)
        }
    }

    func server(baseURL: String = WebDesk.origin) throws -> DeskServer {
        try DeskServer(store: store, configuration: ServerConfiguration(baseURL: baseURL, logRequests: false))
    }

    /// Runs `body` against the server in-process.
    func test<T: Sendable>(baseURL: String = WebDesk.origin,
                           _ body: @Sendable @escaping (any TestClientProtocol) async throws -> T) async throws -> T {
        let app = Application(responder: try server(baseURL: baseURL).responder())
        return try await app.test(.router) { client in try await body(client) }
    }

    /// The claim the editor sees first among the unassigned.
    func firstClaim() async throws -> Claim {
        guard let claim = try await store.review.claims(ClaimFilter(limit: 1)).first else { throw DeskError.invalidValue("no claims") }
        return claim
    }
}

/// A browser for tests: keeps cookies, sends the desk's Origin on POSTs, reads forms' CSRF tokens.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var origin = WebDesk.origin

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// POSTs form fields, URL-encoded.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> TestResponse {
        let body = fields.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        if headers[.origin] == nil && !origin.isEmpty { headers[.origin] = origin }
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    /// Logs in through the login form, as a person would.
    @discardableResult
    func logIn(_ handle: String, password: String? = nil) async throws -> TestResponse {
        let form = try await get("/login")
        return try await post("/login", [("csrf", Self.csrf(in: form)), ("handle", handle),
                                         ("password", password ?? WebDesk.passwords[handle] ?? "")])
    }

    /// The CSRF token of the first form of a page.
    static func csrf(in response: TestResponse) -> String {
        let page = String(buffer: response.body)
        guard let range = page.range(of: #"name="csrf" value=""#) else { return "" }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The CSRF token of this browser's session, read from a page of the desk.
    func csrf() async throws -> String {
        Self.csrf(in: try await get("/claims"))
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
