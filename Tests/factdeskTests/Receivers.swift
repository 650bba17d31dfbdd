import Foundation

/// A local receiver the delivery tests send to: `Tests/FactDeskKitTests/Fixtures/smtp_receiver.py`, which keeps each
/// message as a file, or `.ci/webhook_receiver.py`, which checks each post's signature and
/// appends it to `received.jsonl`. Stopped by ``stop()``, which every test calls at its end.
final class Receiver {
    let process: Process
    /// Where the receiver keeps what it got.
    let folder: URL
    let port: Int

    /// Starts the script with `--dir` and these arguments, and waits for its "ready PORT".
    init(_ script: String, _ arguments: [String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-receiver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent(script).path, "--dir", folder.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        let errors = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        var said = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, process.isRunning, !said.contains("\n") {
            said += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        guard let line = said.split(separator: "\n").first, line.hasPrefix("ready "), let port = Int(line.dropFirst(6)) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let why = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "\(script) did not start: \(said) \(why)"])
        }
        self.port = port
    }

    /// An SMTP server on 127.0.0.1.
    static func smtp() throws -> Receiver {
        try Receiver("Tests/FactDeskKitTests/Fixtures/smtp_receiver.py", [])
    }

    /// A webhook receiver on `port` that verifies posts with `secret`.
    static func webhook(port: Int, secret: String) throws -> Receiver {
        try Receiver(".ci/webhook_receiver.py", ["--port", String(port), "--secret", secret])
    }

    /// Ends it with SIGKILL: a process the test runner starts inherits the runner's blocked
    /// signals, SIGTERM among them, and would not end on `terminate()`.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    // MARK: - What arrived

    /// A webhook post as the receiver recorded it.
    struct Post {
        var webhookID: String
        var verified: Bool
        var status: Int
        /// The `seq` of the event in the body.
        var seq: Int?
    }

    /// The posts received so far, in the order they came.
    func posts() throws -> [Post] {
        let file = folder.appendingPathComponent("received.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let text = try String(contentsOf: file, encoding: .utf8)
        // The last line may be half written while the receiver is still answering.
        return text.split(separator: "\n").compactMap { line in
            guard let record = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else { return nil }
            let body = (record["body"] as? String).flatMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
            return Post(webhookID: record["id"] as? String ?? "", verified: record["verified"] as? Bool ?? false,
                        status: record["status"] as? Int ?? 0, seq: (body?["seq"] as? NSNumber)?.intValue)
        }
    }

    /// The Message-IDs of the messages received so far, one for each message (repeated
    /// when a message came twice).
    func messageIDs() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        return try names.map { name in
            let message = folder.appendingPathComponent(String(name.dropLast(5)) + ".eml")
            return Self.header("Message-ID", in: try String(contentsOf: message, encoding: .utf8)) ?? "(none in \(name))"
        }
    }

    /// A header's value in a message: its head, lines unfolded, read case-insensitively.
    static func header(_ name: String, in message: String) -> String? {
        let head = message.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").first ?? ""
        let unfolded = head.replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "\n\t", with: " ")
        for line in unfolded.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name.lowercased() else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now.
    static func freePort() throws -> Int {
        let (status, output) = try runProgram("/usr/bin/env", ["python3", "-c",
            "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard status == 0, let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no free port: \(output)"])
        }
        return port
    }
}

/// `factdesk serve` in the background, its output read as it comes so that it never waits on
/// a full pipe.
final class BackgroundServer: @unchecked Sendable {
    let process: Process
    private let lock = NSLock()
    private var output = Data()

    init(_ desk: Binary, _ arguments: [String], as actor: String? = nil) throws {
        let (process, out, err) = try desk.start(["serve", "--port", "0"] + arguments, as: actor)
        self.process = process
        for pipe in [out, err] {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                while case let data = handle.availableData, !data.isEmpty {
                    lock.withLock { output.append(data) }
                }
            }
        }
    }

    /// What it printed so far.
    var log: String { lock.withLock { String(decoding: output, as: UTF8.self) } }

    /// Waits until it says it serves; its port.
    func port(within seconds: TimeInterval = 30) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            let said = log
            if said.contains("Ctrl-C"), let found = said.firstMatch(of: /http:\/\/[0-9.]+:(\d+)/) { return Int(found.1) }
            usleep(50_000)
        }
        return nil
    }

    /// Ends it at once, as a crash or `kill -9` would.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Asks it to stop, and kills it if it has not within ten seconds.
    func stop() {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
