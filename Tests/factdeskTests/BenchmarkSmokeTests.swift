import Foundation
import Testing

/// A small run of the benchmark suite (`Benchmarks/run.py --smoke`: a few thousand claims,
/// one run of each command, no timing asserted), so that the generator and the harness
/// never rot. The full suite and its figures are in `Benchmarks/RESULTS.md`.
@Suite struct BenchmarkSmokeTests {
    @Test func theSuiteGeneratesADeskRunsEveryMeasurementAndWritesItsReport() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("RESULTS.md")
        let (status, text) = try python("Benchmarks/run.py", [
            "--smoke", "--bin-dir", Binary.url.deletingLastPathComponent().path, "--work", work.path, "--out", out.path])
        #expect(status == 0, "\(text.suffix(2_000))")
        let report = try String(contentsOf: out, encoding: .utf8)
        for row in ["| start (--version) |", "| claim list |", "| claim search (common) |", "| claim search (rare) |",
                    "| claim show |", "| history ID |", "| source show |",
                    "| verify (note + evidence) |", "| assign 100 claims |", "| related |", "| audit verify |",
                    "## Targets at", "## Building the desks", "| `--version`: vs `sqlite3 --version` |",
                    "| history ID: vs sqlite3 |", "| import, extraction included |"] {
            #expect(report.contains(row), "RESULTS.md lacks \(row)")
        }
        let generated = try JSONSerialization.jsonObject(
            with: Data(contentsOf: work.appendingPathComponent("desk-3000.db.json"))) as? [String: Any]
        let claims = generated?["claims"] as? Int ?? 0
        #expect(claims >= 3_000 && claims < 3_400)
        let states = generated?["states"] as? [String: Int] ?? [:]
        for state in ["new", "assigned", "in_review", "verified", "disputed", "unverifiable", "skipped"] {
            #expect((states[state] ?? 0) > 0, "no claim is \(state)")
        }
        let audit = try Binary().run(["audit", "verify", "--db", work.appendingPathComponent("desk-3000.db").path])
        #expect(audit.status == 0, "\(audit.stdout) \(audit.stderr)")
    }

    @Test(.tags(.postgres), .needsPostgres)
    func thePostgreSQLSuiteMovesADeskAndTimesEveryCommandBesidePsql() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-pgbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("RESULTS-postgres.md")
        let (status, text) = try python("Benchmarks/postgres.py", [
            "--owner", try #require(TestCluster.ownerURL), "--sizes", "3000", "--runs", "1", "--warmup", "0",
            "--bin-dir", Binary.url.deletingLastPathComponent().path, "--work", work.path, "--out", out.path])
        #expect(status == 0, "\(text.suffix(2_000))")
        let report = try String(contentsOf: out, encoding: .utf8)
        #expect(report.contains("Moved from the desk file by `factdesk backup`"))
        for row in ["| claim list |", "| claim search (common) |", "| claim search (rare) |", "| claim show |",
                    "| verify (note + evidence) |", "| assign 100 claims |", "| related |", "| audit verify |"] {
            #expect(report.contains(row), "RESULTS-postgres.md lacks \(row)")
        }
        #expect(!report.contains("factdesk_owner:"), "the owner's password is not written down")
    }
}
