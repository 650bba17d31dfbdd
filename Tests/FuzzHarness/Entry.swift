import Foundation
#if FACTDESK_FUZZING
import Synchronization
#endif

#if FACTDESK_FUZZING
/// libFuzzer's entry: the target is named by `FACTDESK_FUZZ_TARGET` (see `.ci/fuzz`).
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["FACTDESK_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("factdesk-fuzz: set FACTDESK_FUZZ_TARGET to one of \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// The desk of sample articles, for the targets that need one.
private let desk: FuzzDesk? = target.needsDesk ? finished { await FuzzDesk.make() } : nil

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    finished { await target.run(data, desk: desk) }
    return 0
}

/// Runs asynchronous work to its end on libFuzzer's thread. libFuzzer calls its entry
/// synchronously and takes the input as done when it returns, so this build, and only it,
/// waits for a task: on a thread of libFuzzer's, never on one of the tasks' own.
private func finished<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let done = DispatchSemaphore(value: 0)
    let outcome = Outcome<T>()
    Task {
        let value = await work()
        outcome.value.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    guard let value = outcome.value.withLock({ $0 }) else { preconditionFailure("a fuzzing task ended without its result") }
    return value
}

/// What a task hands to the thread waiting for it.
private final class Outcome<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}

/// libFuzzer's driver, called from this module's `main` (the build names an executable's
/// entry point after its module, so libFuzzer's own `main` is not the one that runs).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main
enum FuzzDriver {
    static func main() {
        _ = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Without libFuzzer, the same targets replay inputs: `factdesk-fuzz TARGET FILE|FOLDER...`
/// runs each file through the target (a crash stops it, naming the file), so that every
/// input a fuzzing run found is kept as a regression test.
@main
enum FuzzReplay {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: factdesk-fuzz \(names) FILE|FOLDER...\n".utf8))
            exit(64)
        }
        var files: [String] = []
        for path in arguments.dropFirst() {
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        let desk = target.needsDesk ? await FuzzDesk.make() : nil
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("factdesk-fuzz: cannot read \(file)\n".utf8))
                exit(66)
            }
            FileHandle.standardError.write(Data("\(name): \(file)\n".utf8))
            await target.run(data, desk: desk)
        }
        print("\(name): \(files.count) inputs replayed")
    }
}
#endif
