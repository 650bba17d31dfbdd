import FactDeskKit
import Foundation
import HTTPTypes
import NIOCore
import Hummingbird

extension DeskServer {
    /// The body of a request, refused with 413 past `limit` bytes.
    func body(_ request: Request, limit: Int = ServerConfiguration.maxBodySize) async throws -> [UInt8] {
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw HTTPFailure.tooLarge(limit)
        }
    }

    /// A form POSTed by a logged-in browser, once its origin and CSRF token are checked.
    func form(_ request: Request, _ context: DeskContext, limit: Int = ServerConfiguration.maxBodySize) async throws -> (Viewer, FormData) {
        let viewer = try context.requireViewer()
        try checkOrigin(request)
        let form = try await parseForm(request, limit: limit)
        guard let expected = viewer.csrf, let given = form.raw("csrf"), Secret.constantTimeEqual(given, expected) else {
            throw HTTPFailure.forbidden("refusal_csrf")
        }
        return (viewer, form)
    }

    /// The fields of a urlencoded or multipart body.
    func parseForm(_ request: Request, limit: Int = ServerConfiguration.maxBodySize) async throws -> FormData {
        let bytes = try await body(request, limit: limit)
        let parts = (request.headers[.contentType] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.first?.lowercased() == "multipart/form-data" {
            // The boundary's value keeps its case; only the parameter's name is case-blind.
            let boundary = parts.dropFirst().first { $0.lowercased().hasPrefix("boundary=") }
                .map { String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } ?? ""
            guard !boundary.isEmpty, boundary.count <= 200 else {
                throw HTTPFailure.badRequest("refusal_upload_boundary")
            }
            return try FormData.multipart(bytes, boundary: boundary)
        }
        return try FormData.urlEncoded(bytes)
    }

    /// Refuses a POST whose `Origin` (or, without one, `Referer`) is another site.
    func checkOrigin(_ request: Request) throws {
        let expected = configuration.origin ?? request.head.authority.map { "http://\($0)" }
        let sent = request.headers[.origin] ?? request.headers[.referer].flatMap { referer -> String? in
            guard let url = URL(string: referer), let scheme = url.scheme, let host = url.host else { return "null" }
            return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        }
        guard let sent else { return }
        let matches: Bool
        if configuration.origin != nil {
            matches = sent.lowercased() == expected?.lowercased()
        } else {
            // Without --base-url the scheme is not known (a TLS proxy may be in front): compare hosts.
            let host = { (origin: String) in origin.split(separator: "/").last.map { $0.lowercased() } }
            matches = sent != "null" && host(sent) == expected.flatMap(host)
        }
        guard matches else {
            throw HTTPFailure.forbidden("refusal_other_site", ["site": sent])
        }
    }

    /// The claim id in the path.
    func claimID(_ context: DeskContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw HTTPFailure.notFound
        }
        return id
    }

    /// The address a request came from: the socket's, or behind a proxy its forwarded one.
    func clientAddress(_ request: Request, _ context: DeskContext) -> String {
        if configuration.behindProxy, let forwarded = request.headers[named: HeaderNames.forwardedFor],
           let last = forwarded.split(separator: ",").last {
            return last.trimmingCharacters(in: .whitespaces)
        }
        return context.peer
    }
}
