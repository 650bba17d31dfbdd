import Foundation

/// Runs the built `factdesk` binary as a user would, in a folder of its own.
struct Binary {
    /// The `factdesk` executable beside the test runner in the build products folder,
    /// or the one `FACTDESK_BIN` names.
    static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["FACTDESK_BIN"] {
            return URL(fileURLWithPath: path)
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("factdesk")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("factdesk")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder the commands run in; its `factdesk.db` is the default desk.
    let folder: URL
    var user = "sara"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var deskPath: String { folder.appendingPathComponent("factdesk.db").path }

    /// Starts the binary with these arguments; the caller waits for it.
    func start(_ arguments: [String], as actor: String? = nil, stdin: Data? = nil,
               environment extra: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["FACTDESK_USER"] = actor ?? user
        environment["FACTDESK_DB"] = nil
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        return (process, out, err)
    }

    /// Runs the binary to the end and returns its exit status and output.
    @discardableResult
    func run(_ arguments: [String], as actor: String? = nil, stdin: Data? = nil,
             environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = try start(arguments, as: actor, stdin: stdin, environment: environment)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs the binary and decodes its standard output as JSON.
    func json(_ arguments: [String], as actor: String? = nil) throws -> Any {
        let result = try run(arguments + ["--json"], as: actor)
        guard result.status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A desk with editor sara, reviewers layla and omar, the five seed articles stored
    /// without extraction, and one claim (id 1) from the first.
    static func seededDesk() throws -> Binary {
        let binary = try Binary()
        try binary.expectSuccess(["init", "--name", "Sara Haddad"])
        try binary.expectSuccess(["reviewer", "add", "layla", "--name", "Layla Nasser"])
        try binary.expectSuccess(["reviewer", "add", "omar"])
        let seeds = packageRoot.appendingPathComponent("seeds").path
        try binary.expectSuccess(["source", "add", seeds, "--no-extract"])
        try binary.expectSuccess(["claim", "add", "--source", "1", "--text", "على مدار 4 ساعات",
                                  "--speaker", "مسؤول كبير في الإدارة الأمريكية"])
        return binary
    }

    func expectSuccess(_ arguments: [String], as actor: String? = nil) throws {
        let result = try run(arguments, as: actor)
        guard result.status == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [
                NSLocalizedDescriptionKey: "\(arguments) failed (\(result.status)): \(result.stderr)"])
        }
    }

    /// The number of events in the desk's history.
    func eventCount() throws -> Int {
        (try json(["history"]) as? [Any])?.count ?? -1
    }
}

/// Runs one of the package's Python scripts to its end; returns its exit status and its
/// standard output and error, interleaved.
/// `interpreter` is the `python3` on the PATH unless given (Debian's, for python3-selenium).
func python(_ script: String, _ arguments: [String], interpreter: String? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: interpreter ?? "/usr/bin/env")
    process.arguments = (interpreter == nil ? ["python3"] : []) + [packageRoot.appendingPathComponent(script).path] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}

/// The package's top folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
