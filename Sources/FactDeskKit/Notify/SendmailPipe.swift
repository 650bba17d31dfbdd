import Foundation
import Synchronization

/// Hands messages to a sendmail-compatible command, such as `/usr/sbin/sendmail -t -i`.
///
/// The command is split on whitespace and run directly, never through a shell, so nothing
/// in it is expanded. The message goes to its standard input from a temporary file rather
/// than a pipe: a command that exits without reading can then neither block the sender
/// nor end it with SIGPIPE.
public struct SendmailPipe: Sendable {
    public static let defaultTimeout: Double = 30

    public let command: String
    /// Seconds the command may run before it is stopped and the send counted as failed.
    public var timeout: Double

    public init(command: String, timeout: Double = SendmailPipe.defaultTimeout) {
        self.command = command
        self.timeout = timeout.isFinite ? min(max(timeout, 0.001), 3600) : Self.defaultTimeout
    }

    /// Runs the command with `message` on its standard input and waits for it to exit.
    public func send(_ message: MailMessage) async throws(MailError) {
        try await send(bytes: message.rendered())
    }

    /// Runs the command with `bytes` on its standard input.
    func send(bytes: [UInt8]) async throws(MailError) {
        let words = command.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let program = words.first else {
            throw .invalidMessage("the mail command is empty; give one such as /usr/sbin/sendmail -t -i")
        }
        guard let executable = Self.locate(program) else {
            throw .sendmail(command: command, reason: "cannot be found; give its full path, such as /usr/sbin/sendmail")
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        let errors = Pipe()
        let (exits, exited) = AsyncStream<Process>.makeStream()
        do {
            // Readable by this user alone: the message holds addresses and may hold notes.
            guard FileManager.default.createFile(atPath: input.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = Array(words.dropFirst())
            process.standardInput = try FileHandle(forReadingFrom: input)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            process.terminationHandler = { exited.yield($0); exited.finish() }
            try process.run()
        } catch {
            throw .sendmail(command: command, reason: "cannot be run (\(error)); check the path and its permissions")
        }
        let stderr = Self.collect(errors.fileHandleForReading)
        guard await Self.waitForExit(exits, seconds: timeout) else {
            Self.stop(process)
            throw .sendmail(command: command, reason: "did not finish within \(MailError.seconds(timeout)) and was stopped")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let firstLine = stderr.firstLine(waiting: 1).map { ": \(MailError.shown($0))" } ?? ""
            let how = process.terminationReason == .exit
                ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            throw .sendmail(command: command, reason: how + firstLine)
        }
    }

    // MARK: - The process

    /// The program's path: as given when it has a slash, else found on `PATH`.
    static func locate(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the process exited within `seconds`.
    private static func waitForExit(_ exits: AsyncStream<Process>, seconds: Double) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await _ in exits { return true }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// SIGTERM, then SIGKILL for a command that does not stop within a second.
    private static func stop(_ process: Process) {
        process.terminate()
        let identifier = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            if process.isRunning { kill(identifier, SIGKILL) }
        }
    }

    /// Reads the command's standard error on a thread of its own until it closes, so that a
    /// command that writes much there is never blocked by a full pipe.
    private static func collect(_ handle: FileHandle) -> CollectedOutput {
        let output = CollectedOutput()
        DispatchQueue.global().async {
            output.finish(handle.readDataToEndOfFile())
        }
        return output
    }
}

/// What a command wrote to standard error, once it has all been read.
final class CollectedOutput: Sendable {
    private let data = Mutex<Data?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ bytes: Data) {
        data.withLock { $0 = bytes }
        done.signal()
    }

    /// The first line that is not blank, waiting at most `seconds` for the output to end (a
    /// child the command left behind may hold it open).
    func firstLine(waiting seconds: Double) -> String? {
        _ = done.wait(timeout: .now() + seconds)
        guard let bytes = data.withLock({ $0 }) else { return nil }
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
    }
}
