import Foundation
import Testing

/// `factdesk serve` on a PostgreSQL desk keeps at most `--pg-connections` connections to it,
/// however many requests arrive at once: the others wait their turn and are answered.
@Suite
struct PostgresServeTests {
    @Test func manyRequestsAtOnceShareTheConnectionsTheServerIsAllowed() async throws {
        let desk = try Binary.seededDesk(on: .postgres)
        let token = try #require(try desk.json(["token", "create", "--name", "load"]) as? [String: Any])
        let secret = try #require(token["token"] as? String)
        let (process, _, err) = try desk.start(["serve", "--port", "0", "--pg-connections", "3"])
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var announced = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !announced.contains("Ctrl-C") {
            announced += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        let port = try #require(announced.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })

        // The server's connections, as the cluster's owner sees them, sampled while it answers.
        let connections = """
            SELECT count(*) FROM pg_stat_activity WHERE datname = '\(desk.database)' AND application_name = 'factdesk'
            """
        let sampling = Task.detached { () -> [Int] in
            var counts: [Int] = []
            while !Task.isCancelled {
                let (status, output) = try TestCluster.psql(connections)
                if status == 0, let count = Int(output) { counts.append(count) }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return counts
        }
        let routes = ["/api/claims", "/api/stats", "/api/history?limit=50", "/api/claims/1", "/api/audit/head"]
        let urls = (0..<150).map { "http://127.0.0.1:\(port)\(routes[$0 % routes.count])" }
        let (status, output) = try runProgram("/usr/bin/env", ["curl", "--silent", "--no-progress-meter", "--write-out", "%{http_code}\\n",
                                                               "--parallel", "--parallel-immediate", "--parallel-max", "50",
                                                               "-H", "Authorization: Bearer \(secret)"]
                                                               + urls.flatMap { [$0, "--output", "/dev/null"] })
        sampling.cancel()
        let counts = try await sampling.value
        #expect(status == 0)
        let codes = output.split(separator: "\n").map(String.init).filter { $0.count == 3 && Int($0) != nil }
        #expect(codes.count == urls.count)
        #expect(codes.allSatisfy { $0 == "200" }, "\(Dictionary(codes.map { ($0, 1) }, uniquingKeysWith: +))")
        #expect(counts.count > 3)
        #expect(counts.max() ?? 0 > 0, "the server was never seen connected")
        #expect(counts.max() ?? 0 <= 3, "the server held \(counts.max() ?? 0) connections")
    }
}
