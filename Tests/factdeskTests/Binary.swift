import Foundation
import GRDB

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
    /// Where the desk is: the folder's file, or a database of the test cluster.
    let backend: Backend
    /// The PostgreSQL database of the desk, owned by `sara`.
    private(set) var database = ""

    /// `owner` is the login that makes a PostgreSQL desk (and the one that acts by default).
    init(backend: Backend = .file, owner: String = "sara") throws {
        self.backend = backend
        user = owner
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if backend == .postgres { database = try TestCluster.freshDatabase(owner: user) }
    }

    /// The desk as `--db` names it for one person: on PostgreSQL, a URL that logs them in
    /// as their own role (over the cluster's socket, which trusts its local users).
    func desk(for actor: String) -> String {
        backend == .postgres ? TestCluster.socketURL(user: actor, database: database) : deskPath
    }

    var deskPath: String { folder.appendingPathComponent("factdesk.db").path }

    /// The key folder of the commands this binary runs.
    var keysPath: String { folder.appendingPathComponent("keys").path }

    /// SIGPIPE ignored in the test process, once.
    static let ignoringBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Starts the binary with these arguments; the caller waits for it.
    func start(_ arguments: [String], as actor: String? = nil, stdin: Data? = nil,
               environment extra: [String: String] = [:], input file: FileHandle? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = Self.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["FACTDESK_USER"] = actor ?? user
        environment["FACTDESK_DB"] = backend == .postgres ? desk(for: actor ?? user) : nil
        environment["NO_COLOR"] = "1"
        // Everyone's keys in the folder's key folder: a team sharing one machine.
        environment["FACTDESK_KEYS"] = keysPath
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = file ?? input
        try process.run()
        // A command may stop reading early (input over a limit): the rest is not written, and
        // the closed pipe is an error here, not a signal that ends the tests.
        _ = Self.ignoringBrokenPipes
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try? input.fileHandleForWriting.close()
        return (process, out, err)
    }

    /// Runs the binary to the end and returns its exit status and output.
    @discardableResult
    /// `input`, when given, is standard input instead of `stdin`'s bytes (an endless stream, say).
    func run(_ arguments: [String], as actor: String? = nil, stdin: Data? = nil,
             environment: [String: String] = [:], input: FileHandle? = nil) throws -> Result {
        let (process, out, err) = try start(arguments, as: actor, stdin: stdin, environment: environment, input: input)
        let (stdout, stderr) = readToEnd(out, err)
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
    static func seededDesk(on backend: Backend = .file) throws -> Binary {
        let binary = try Binary(backend: backend)
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
    try runProgram(interpreter ?? "/usr/bin/env",
                   (interpreter == nil ? ["python3"] : []) + [packageRoot.appendingPathComponent(script).path] + arguments)
}

/// Runs a program to its end in a folder with these environment variables changed (nil
/// removes one); its exit status, how it ended, and its standard output and error, read
/// at once so that neither pipe fills while the other is read.
func runProcess(_ path: String, _ arguments: [String], in folder: URL? = nil, environment changes: [String: String?] = [:])
    throws -> (status: Int32, reason: Process.TerminationReason, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    for (name, value) in changes { environment[name] = value }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let (output, errors) = readToEnd(out, err)
    process.waitUntilExit()
    return (process.terminationStatus, process.terminationReason,
            String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
}

/// Runs a program to its end; its exit status and its standard output and error, interleaved.
func runProgram(_ path: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
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

/// The kinds of desk the command tests run on (see ``Backend/tested``). The PostgreSQL cases
/// need the test cluster `.ci/run` starts (`FACTDESK_TEST_POSTGRES`) and, where the run
/// requires them, fail without it.
enum Backend: String, CustomStringConvertible, Sendable, CaseIterable {
    case file, postgres
    var description: String { rawValue }
}

/// The throwaway PostgreSQL cluster of `.ci/run`: its owner's URL (TCP, with a password)
/// and the folder of its socket, over which local roles log in without one.
enum TestCluster {
    static let ownerURL = ProcessInfo.processInfo.environment["FACTDESK_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    /// Why a PostgreSQL test cannot run, when the cluster was not given.
    static let missing = "FACTDESK_TEST_POSTGRES names no PostgreSQL server; run the tests with `bash .ci/run`, which starts one"
    static let socket = ProcessInfo.processInfo.environment["FACTDESK_TEST_POSTGRES_SOCKET"] ?? "/tmp"
    static var port: String {
        guard let owner = ownerURL, let components = URLComponents(string: owner), let port = components.port else { return "5432" }
        return String(port)
    }

    static func socketURL(user: String, database: String) -> String {
        "postgres://\(user)@/\(database)?host=\(socket)&port=\(port)"
    }

    /// A new database owned by a login role (made if missing) that may create roles.
    static func freshDatabase(owner: String) throws -> String {
        guard ownerURL != nil else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: missing]) }
        let name = "fdcli_" + UUID().uuidString.prefix(13).lowercased().replacingOccurrences(of: "-", with: "")
        // Roles belong to the whole cluster: another test's desk may have made this one a
        // plain login already (a desk gives each reviewer one), so it is given what a
        // desk's creator needs whichever test made it. Two tests altering one role at once
        // may see "tuple concurrently updated": tried again.
        let owned = """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(owner)') THEN
                    CREATE ROLE \(owner) LOGIN CREATEROLE;
                ELSIF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(owner)' AND rolcanlogin AND rolcreaterole) THEN
                    ALTER ROLE \(owner) LOGIN CREATEROLE;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
            """
        var (status, output) = try psql(owned)
        for attempt in 1..<20 where status != 0 {
            usleep(useconds_t(20_000 * attempt))
            (status, output) = try psql(owned)
        }
        guard status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: output]) }
        (status, output) = try psql("CREATE DATABASE \(name) OWNER \(owner)")
        guard status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: output]) }
        return name
    }

    /// Runs SQL as the cluster's owner; the exit status and what psql printed.
    @discardableResult
    static func psql(_ sql: String, database: String = "postgres", user: String? = nil) throws -> (Int32, String) {
        let url = user.map { socketURL(user: $0, database: database) }
            ?? (ownerURL.map { String($0[..<($0.lastIndex(of: "/") ?? $0.endIndex)]) + "/" + database } ?? "")
        let (status, text) = try runProgram("/usr/bin/env", ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql])
        return (status, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Everything a process writes to its two pipes, read at once: a command that fills one while
/// the other is read would wait forever.
func readToEnd(_ out: Pipe, _ err: Pipe) -> (stdout: Data, stderr: Data) {
    nonisolated(unsafe) var errors = Data()
    let reading = DispatchGroup()
    DispatchQueue.global().async(group: reading) { errors = err.fileHandleForReading.readDataToEndOfFile() }
    let output = out.fileHandleForReading.readDataToEndOfFile()
    reading.wait()
    return (output, errors)
}

// MARK: - What an attacker with sqlite3 does to a desk file

extension Binary {
    /// Runs SQL on the desk file as `sqlite3` would, foreign keys off.
    func tamper(_ sql: String) throws {
        try tamper { db in try db.execute(sql: sql) }
    }

    /// Runs `body` on the desk file as `sqlite3` would, foreign keys off.
    func tamper(_ body: (Database) throws -> Void) throws {
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: deskPath, configuration: config)
        try queue.writeWithoutTransaction(body)
        try queue.close()
    }

    /// Runs `body` with the history's triggers dropped, then puts them back exactly as they
    /// were, so that nothing but what `body` changed tells the desk was touched.
    func withoutHistoryTriggers(_ body: (Database) throws -> Void) throws {
        try tamper { db in
            let triggers = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event'")
            try db.execute(sql: "DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete; DROP TRIGGER event_next_seq_only;")
            try body(db)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }
}
