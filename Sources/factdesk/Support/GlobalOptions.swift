import ArgumentParser
import Foundation
import FactDeskKit

/// The options every command takes: which desk, who is acting, and output format.
///
/// They may stand before or after the subcommand: `factdesk --db d.db claim list` and
/// `factdesk claim list --db d.db` are the same command.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The desk file.", discussion: "Else $FACTDESK_DB, else ./factdesk.db.", valueName: "path"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this reviewer.", discussion: "Else $FACTDESK_USER, else your login name.", valueName: "handle"))
    var actor: String?

    @Flag(name: .long, help: "Print data as JSON.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another writer.", valueName: "seconds"))
    var busyTimeout: Double = 5

    /// The desk path: `--db`, else `FACTDESK_DB`, else `./factdesk.db`.
    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["FACTDESK_DB"], !env.isEmpty { return env }
        return "factdesk.db"
    }

    /// The acting reviewer: `--as`, else `FACTDESK_USER`, else the login name.
    var handle: String {
        if let actor { return actor }
        if let env = ProcessInfo.processInfo.environment["FACTDESK_USER"], !env.isEmpty { return env }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    func validate() throws {
        guard busyTimeout >= 0, busyTimeout <= 3600 else {
            throw ValidationError("--busy-timeout must be between 0 and 3600 seconds")
        }
    }

    func openStore() throws -> ClaimStore {
        try ClaimStore.open(path: path, busyTimeout: busyTimeout)
    }

    private static let valued: Set<String> = ["--db", "--as", "--busy-timeout"]
    private static let flags: Set<String> = ["--json"]

    /// Moves global options written before the subcommand to after it, so that the
    /// subcommand, which declares them, receives them wherever the user put them.
    static func hoisted(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if flags.contains(word) || (valued.contains(name) && word.contains("=")) {
                leading.append(word)
                index += 1
            } else if valued.contains(word), index + 1 < arguments.count {
                leading.append(contentsOf: arguments[index...index + 1])
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: end)
        return rest
    }
}
