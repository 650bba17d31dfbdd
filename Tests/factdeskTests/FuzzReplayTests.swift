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
        let process = Process()
        process.executableURL = Binary.url.deletingLastPathComponent().appendingPathComponent("factdesk-fuzz")
        process.arguments = [target, kept.path, seeds.path]
        var environment = ProcessInfo.processInfo.environment
        environment["FACTDESK_SEEDS"] = packageRoot.appendingPathComponent("seeds").path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errors = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { errors = err.fileHandleForReading.readDataToEndOfFile() }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reading.wait()
        process.waitUntilExit()
        // A crash stops the replay; the last input it names is the one that crashed.
        let log = String(decoding: errors, as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0,
                "\(target) stopped on: \(log.split(separator: "\n").suffix(3).joined(separator: " | "))")
        #expect(output.contains("\(target): \(keptCount + seedCount) inputs replayed"), "\(output)")
    }

    @Test func theKeptInputsIncludeOnesForEveryTarget() throws {
        for target in Self.targets {
            let kept = packageRoot.appendingPathComponent("Tests/Fuzz/\(target)")
            let count = (try? FileManager.default.contentsOfDirectory(atPath: kept.path).count) ?? 0
            #expect(count > 0, "Tests/Fuzz/\(target) keeps no input")
        }
    }
}
