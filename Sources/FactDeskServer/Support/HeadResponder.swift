import Hummingbird

/// Answers `HEAD` as the same `GET` would, headers and length included, without the body.
///
/// Hummingbird's router matches methods exactly, so without this a `HEAD` of any page is a
/// 404; it wraps the whole router, so every page and the error pages answer alike.
struct HeadResponder<Wrapped: HTTPResponder>: HTTPResponder {
    typealias Context = Wrapped.Context
    let wrapped: Wrapped

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .head else { return try await wrapped.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await wrapped.respond(to: Request(head: head, body: request.body), context: context)
        let length = response.headers[.contentLength]
        response.body = ResponseBody()
        response.headers[.contentLength] = length
        return response
    }
}
