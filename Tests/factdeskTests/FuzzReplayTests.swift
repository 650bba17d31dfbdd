import Foundation
import Testing

/// The fuzz targets of `.ci/fuzz` run without libFuzzer over the inputs fuzzing has found
/// (kept in `Tests/Fuzz/TARGET/`) and over their seeds, so that every crash once found
/// stays fixed and the targets themselves never rot.
@Suite struct FuzzReplayTests {
    static let targets = ["article", "text", "search", "csv", "workflow"]

    @Test(arguments: targets)
    func everyKeptInputAndEverySeedRunsThroughTheTarget(_ target: String) throws {
        let kept = packageRoot.appendingPathComponent("Tests/Fuzz/\(target)")
        let seeds = packageRoot.appendingPathComponent(target == "workflow" ? "Workflows" : "seeds")
        let keptCount = (try? FileManager.default.contentsOfDirectory(atPath: kept.path).count) ?? 0
        let seedCount = try FileManager.default.contentsOfDirectory(atPath: seeds.path).count
        let fuzz = Binary.url.deletingLastPathComponent().appendingPathComponent("factdesk-fuzz").path
        let run = try runProcess(fuzz, [target, kept.path, seeds.path],
                                 environment: ["FACTDESK_SEEDS": packageRoot.appendingPathComponent("seeds").path])
        // A crash stops the replay; the last input it names is the one that crashed.
        #expect(run.reason == .exit && run.status == 0,
                "\(target) stopped on: \(run.stderr.split(separator: "\n").suffix(3).joined(separator: " | "))")
        #expect(run.stdout.contains("\(target): \(keptCount + seedCount) inputs replayed"), "\(run.stdout)")
    }

    @Test func theKeptInputsIncludeOnesForEveryTarget() throws {
        for target in Self.targets {
            let kept = packageRoot.appendingPathComponent("Tests/Fuzz/\(target)")
            let count = (try? FileManager.default.contentsOfDirectory(atPath: kept.path).count) ?? 0
            #expect(count > 0, "Tests/Fuzz/\(target) keeps no input")
        }
    }
}
