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
        try ClaimStore.open(path: path, busyTimeout: busyTimeout, connection: .single)
    }

    /// The desk, for a command that only reads it.
    func openStoreForReading() throws -> ClaimStore {
        try ClaimStore.open(path: path, busyTimeout: busyTimeout, connection: .readOnly)
    }

    /// The desk, for a command that reads on several threads at once.
    func openStoreForConcurrentReading() throws -> ClaimStore {
        try ClaimStore.open(path: path, busyTimeout: busyTimeout, connection: .pool)
    }

    private static let valued: Set<String> = ["--db", "--as", "--busy-timeout"]
    private static let flags: Set<String> = ["--json"]

    /// Moves global options to the end of the command line (before any `--`), so that
    /// the subcommand, which declares them, receives them wherever the user put them:
    /// before the subcommand, between a group and its command, or after.
    static func hoisted(_ arguments: [String]) -> [String] {
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        var global: [String] = []
        var rest: [String] = []
        var index = 0
        while index < end {
            let word = arguments[index]
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if flags.contains(word) || (valued.contains(name) && word.contains("=")) {
                global.append(word)
                index += 1
            } else if valued.contains(word), index + 1 < end {
                global.append(contentsOf: arguments[index...index + 1])
                index += 2
            } else {
                rest.append(word)
                index += 1
            }
        }
        return rest + global + arguments[end...]
    }
}
