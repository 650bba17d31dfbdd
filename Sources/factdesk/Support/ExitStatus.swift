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
        case .tampered: 70
        case .storeUnusable: 74
        case .storeBusy: 75
        case .permissionDenied: 77
        }
    }

    static let summary = FailureKind.allCases
        .map { "\(code(for: $0)) \($0.rawValue)" }
        .joined(separator: ", ")
}

extension Factdesk {
    /// Parses and runs a command line, printing any failure as one line on stderr and
    /// ending with its documented exit code.
    static func main(_ arguments: [String]) -> Never {
        do {
            var command = try parseAsRoot(GlobalOptions.hoisted(arguments))
            try command.run()
            terminate(0)
        } catch let failure as any FactDeskError {
            Terminal.error(FlagHints.message(for: failure))
            terminate(ExitStatus.code(for: failure.kind))
        } catch {
            exit(withError: error)
        }
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
