import ArgumentParser
import FactDeskKit
import Foundation

extension Factdesk.ReviewerCommand {
    struct Role: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role", abstract: "Make a reviewer an editor, or an editor a reviewer (editors only).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The reviewer's handle.") var handle: String
        @Argument(help: "editor or reviewer.") var role: Reviewer.Role

        func run() async throws {
            let reviewer = try await global.withStore { try await $0.team.setRole(handle, to: role, by: global.handle) }
            if global.json {
                try Terminal.json(JSONView.ReviewerView(reviewer, openClaims: 0))
            } else {
                Terminal.print("\(reviewer.handle) is now \(reviewer.role == .editor ? "an editor" : "a reviewer")")
            }
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set a reviewer's password for the web desk (editors for anyone, a reviewer for themselves).",
            discussion: """
                Asked twice without echo on a terminal, or read from standard input with --password-stdin. \
                At least \(PasswordPolicy.minimumLength) characters, and not one of the most common passwords. \
                Setting it ends the reviewer's web sessions.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Whose password; else your own.") var handle: String?
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() async throws {
            let target = handle ?? global.handle
            let password = passwordStdin ? try PasswordInput.fromStandardInput() : try PasswordInput.askTwice(for: target)
            try await global.withStore { try await $0.logins.setPassword(password, for: target, by: global.handle) }
            if !global.json { Terminal.print("password set for \(target); their web sessions have ended and their API tokens are revoked") }
        }
    }
}

/// Reading a password: from a terminal without echo, or from standard input.
enum PasswordInput {
    static func fromStandardInput() throws -> String {
        var bytes: [UInt8] = []
        while let byte = readByte(), byte != UInt8(ascii: "\n") {
            bytes.append(byte)
            if bytes.count > 4 * PasswordPolicy.maximumLength {
                throw UsageError(description: "the password on standard input is too long")
            }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw UsageError(description: "the password on standard input is not UTF-8")
        }
        return text
    }

    static func askTwice(for handle: String) throws -> String {
        guard isatty(STDIN_FILENO) != 0 else {
            throw UsageError(description: "standard input is not a terminal; pipe the password with --password-stdin")
        }
        let first = try ask("new password for \(handle): ")
        let second = try ask("again: ")
        guard first == second else { throw UsageError(description: "the two passwords differ; nothing was changed") }
        return first
    }

    private static func ask(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return try fromStandardInput()
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }
}
