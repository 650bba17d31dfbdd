import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Posts one signed message to a webhook, as the Standard Webhooks specification says:
/// `webhook-id` (the same on every retry), `webhook-timestamp` and `webhook-signature`.
///
/// Redirects are not followed (a receiver that moved must be added again), the whole post
/// has 10 seconds, and a webhook not added with `--allow-private` is refused before
/// connecting when its host resolves to a loopback, link-local or private address.
public struct WebhookSender: Sendable {
    public var timeout: Double = 10

    public init() {}

    /// The answer's status, or a thrown failure for no answer.
    public func post(_ body: Data, to hook: Webhook, id: String, at now: Date) async throws -> Int {
        if !hook.allowPrivate { try await PublicAddress.check(hook.url) }
        let timestamp = Int64(now.timeIntervalSince1970)
        guard let signature = WebhookSignature.sign(id: id, timestamp: timestamp, body: body, secret: hook.secret) else {
            throw FetchError.unreachable(address: hook.url, reason: "its secret cannot be read; remove the webhook and add it again")
        }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(timeout * 1000)), read: .milliseconds(Int64(timeout * 1000))))
        configuration.httpVersion = .http1Only
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let seconds = timeout
        do {
            // One deadline for the whole post, the answer's body included: a receiver that
            // drips its answer a byte at a time is cut off like one that never answers.
            let status = try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask { try await post(body, to: hook, id: id, timestamp: timestamp, signature: signature, client) }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                    throw FetchError.unreachable(address: hook.url, reason: "it did not answer within \(Int(seconds)) seconds")
                }
                defer { group.cancelAll() }
                return try await group.next() ?? 0
            }
            try? await client.shutdown()
            return status
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func post(_ body: Data, to hook: Webhook, id: String, timestamp: Int64, signature: String,
                      _ client: HTTPClient) async throws -> Int {
        var request = HTTPClientRequest(url: hook.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: PageFetcher.userAgent)
        request.headers.add(name: "webhook-id", value: id)
        request.headers.add(name: "webhook-timestamp", value: String(timestamp))
        request.headers.add(name: "webhook-signature", value: signature)
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
        // The answer's body is not needed; at most a little of it is read, then let go.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }
}
