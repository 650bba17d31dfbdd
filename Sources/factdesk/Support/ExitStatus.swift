import ArgumentParser
import Foundation
import FactDeskKit

/// The exit codes `factdesk` ends with, one per kind of failure.
enum ExitStatus {
    static func code(for kind: FailureKind) -> Int32 {
        switch kind {
        case .usage: 64
        case .invalidInput: 65
        case .notFound: 66
        case .transitionNotAllowed: 67
        case .conflict: 68
        case .unavailable: 69
        case .tampered: 70
        case .storeUnusable: 74
        case .storeBusy: 75
        case .permissionDenied: 77
        }
    }

    /// What each code means, in words, in the order of the codes (`factdesk --help`).
    static let summary = FailureKind.allCases
        .sorted { code(for: $0) < code(for: $1) }
        .map { "\(code(for: $0)) \(words(for: $0))" }
        .joined(separator: ", ")

    static func words(for kind: FailureKind) -> String {
        switch kind {
        case .usage: "usage error"
        case .invalidInput: "invalid input"
        case .notFound: "not found"
        case .transitionNotAllowed: "transition not allowed"
        case .conflict: "conflict"
        case .unavailable: "web page unavailable"
        case .tampered: "tampering detected"
        case .storeUnusable: "desk unusable"
        case .storeBusy: "desk busy"
        case .permissionDenied: "permission denied"
        }
    }
}

extension Factdesk {
    /// Parses and runs a command line, printing any failure as one line on stderr and
    /// ending with its documented exit code.
    static func execute(_ arguments: [String]) async -> Never {
        do {
            var command = try parseAsRoot(GlobalOptions.hoisted(arguments))
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            terminate(0)
        } catch let failure as any FactDeskError {
            Terminal.error(FlagHints.message(for: failure))
            terminate(ExitStatus.code(for: failure.kind))
        } catch {
            let code = exitCode(for: error)
            // Help and the version are printed as they are; a mistake on the command line is one
            // line, like every other failure, with where to read more.
            guard code != .success else { exit(withError: error) }
            var message = Self.message(for: error).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
            if message.hasSuffix(".") { message.removeLast() }
            let (path, command) = commandPath(arguments)
            let named = (["factdesk"] + path).joined(separator: " ")
            if let (typed, nearest) = mistypedCommand(arguments, after: path, of: command) {
                Terminal.error("'\(typed)' is not a command of `\(named)`; did you mean '\(nearest)'? See `\(named) --help`")
                terminate(code.rawValue)
            }
            Terminal.error("\(message); see `\(named) --help`")
            terminate(code.rawValue)
        }
    }

    /// The word where a subcommand was expected, and the subcommand spelt most like it (at most
    /// two letters apart), as git suggests: `factdesk asign` is 'assign'.
    static func mistypedCommand(_ arguments: [String], after path: [String], of command: any ParsableCommand.Type)
        -> (String, String)? {
        let names = command.configuration.subcommands.compactMap { $0.configuration.commandName }
        guard let typed = arguments.filter({ !$0.hasPrefix("-") }).dropFirst(path.count).first,
              !names.contains(typed), Int64(typed) == nil else { return nil }
        return closestWord(to: typed, in: names.sorted(), limit: 2).map { (typed, $0) }
    }

    /// The subcommands named at the start of a command line (`claim list`), as far as they
    /// name commands, and the last command they reach.
    static func commandPath(_ arguments: [String]) -> (path: [String], command: any ParsableCommand.Type) {
        var path: [String] = []
        var command: any ParsableCommand.Type = Factdesk.self
        for argument in arguments where !argument.hasPrefix("-") {
            guard let next = command.configuration.subcommands.first(where: { $0.configuration.commandName == argument }) else { break }
            path.append(argument)
            command = next
        }
        return (path, command)
    }
}

/// A failure of the command line itself: a value no command accepts.
struct UsageError: FactDeskError {
    var description: String
    var kind: FailureKind { .usage }
}

/// Ends the process with a status, flushing standard output first.
func terminate(_ status: Int32) -> Never {
    exit(status)
}
