import FactDeskKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import FactDeskServer

/// The server under requests no browser sends: refused with a 4xx at once, the connection
/// closed, nothing stored. Each runs a real server on 127.0.0.1 and writes bytes by hand.
@Suite struct MalformedHTTPTests {
    /// Runs `body` with the port of a live server over a fresh desk.
    func live(headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
              _ body: @Sendable @escaping (Int, WebDesk) async throws -> Void) async throws {
        let desk = try await WebDesk()
        let configuration = ServerConfiguration(port: 0, logRequests: false, headerTimeout: headerTimeout, idleTimeout: idleTimeout)
        let server = try DeskServer(store: desk.store, configuration: configuration)
        try await server.application().test(.live) { client in
            try await body(try #require(client.port), desk)
        }
    }

    @Test func aBadChunkSizeGets400AndAClosedConnectionAtOnce() async throws {
        try await live { port, desk in
            let before = try await desk.store.audit.auditHead()
            let connection = try RawConnection(port: port)
            connection.send("POST /login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\nhandle=sara\r\n0\r\n\r\n")
            let answer = await connection.answer(within: 5)
            #expect(answer.status == 400)
            #expect(answer.text.contains("Connection: close"))
            #expect(answer.closed)
            #expect(answer.elapsed < .seconds(4))
            #expect(try await desk.store.audit.auditHead() == before)
        }
    }

    @Test func aBodyShorterThanItsContentLengthGets400AsSoonAsTheClientEndsIt() async throws {
        try await live { port, desk in
            let connection = try RawConnection(port: port)
            connection.send("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 100\r\n\r\nhandle=sara&password=cut")
            connection.endSending()
            let answer = await connection.answer(within: 5)
            #expect(answer.status == 400)
            #expect(answer.closed)
            #expect(answer.elapsed < .seconds(4))
        }
    }

    /// Requests broken in the ways a hand-made client breaks them.
    static let malformed: [String] = [
        "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\nx",
        "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde",
        "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /login HTTP/1.1\r\nHost: localhost\r\nBogus\r\n\r\n",
        "G@T /login HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        "GET /login HTTP/1.1\r\nHost: localhost\r\nX-A: a\u{0}b\r\n\r\n",
        "GET /login\r\n\r\n",
        "GET /login HTTP/9.9\r\nHost: localhost\r\n\r\n",
        "POST /login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhandl",
        "POST /login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhandl\r\n0\r\n\r\n",
        "GET /login HTTP/1.1\r\nHost: localhost\r\nX-L: " + String(repeating: "a", count: 200_000) + "\r\n\r\n",
    ]

    @Test(arguments: malformed.indices)
    func aMalformedRequestGetsA4xxAtOnceNeverA500(index: Int) async throws {
        try await live { port, _ in
            let connection = try RawConnection(port: port)
            connection.send(Self.malformed[index])
            connection.endSending()
            let answer = await connection.answer(within: 5)
            #expect((400..<500).contains(answer.status), "\(answer.text.prefix(60))")
            #expect(answer.closed)
        }
    }

    @Test func theConnectionIsClosedAfterA413() async throws {
        try await live { port, _ in
            let connection = try RawConnection(port: port)
            let size = ServerConfiguration.maxBodySize + 100_000
            connection.send("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: \(size * 2)\r\n\r\n")
            connection.send([UInt8](repeating: UInt8(ascii: "a"), count: size))
            let answer = await connection.answer(within: 8)
            #expect(answer.status == 413)
            #expect(answer.closed)
        }
    }

    @Test func aConnectionThatSendsNothingIsClosedAfterTheHeaderTimeout() async throws {
        try await live(headerTimeout: .milliseconds(300), idleTimeout: .seconds(60)) { port, _ in
            let connection = try RawConnection(port: port)
            let answer = await connection.answer(within: 10)
            #expect(answer.closed)
            #expect(answer.text.isEmpty)
            #expect(answer.elapsed >= .milliseconds(250))
        }
    }

    @Test func aHeadSentTooSlowlyIsCutOffAfterTheHeaderTimeout() async throws {
        try await live(headerTimeout: .milliseconds(600), idleTimeout: .seconds(60)) { port, _ in
            let connection = try RawConnection(port: port)
            for line in ["GET /login HTTP/1.1\r\n", "Host: localhost\r\n", "Accept: text/html\r\n", "X-A: 1\r\n",
                         "X-B: 2\r\n", "X-C: 3\r\n", "X-D: 4\r\n", "X-E: 5\r\n", "\r\n"] {
                try await Task.sleep(for: .milliseconds(200))
                if !connection.send(line) { break }
            }
            let answer = await connection.answer(within: 10)
            // The head was still coming after its 0.6 s: the server hung up instead of answering.
            #expect(answer.status != 200)
            #expect(answer.closed)
        }
    }

    @Test func aKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await live(headerTimeout: .seconds(60), idleTimeout: .milliseconds(500)) { port, _ in
            let connection = try RawConnection(port: port)
            connection.send("GET /login HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let answer = await connection.answer(within: 10)
            #expect(answer.status == 200)
            #expect(answer.closed)
            #expect(answer.elapsed >= .milliseconds(400))
        }
    }

    @Test func aRequestWithinTheTimeoutsIsAnsweredAndTheConnectionKept() async throws {
        try await live(headerTimeout: .seconds(5), idleTimeout: .seconds(5)) { port, _ in
            let connection = try RawConnection(port: port)
            connection.send("GET /login HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let answer = await connection.answer(within: 1)
            #expect(answer.status == 200)
            #expect(!answer.closed)
        }
    }
}
