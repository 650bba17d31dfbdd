import ArgumentParser
import Foundation
import FactDeskKit

/// The options every command takes: which desk, who is acting, and output format.
///
/// They may stand before or after the subcommand: `factdesk --db d.db claim list` and
/// `factdesk claim list --db d.db` are the same command.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The desk file, or a PostgreSQL URL (postgres://user@host:port/db).",
        discussion: "Else $FACTDESK_DB, else ./factdesk.db. A URL's password may come from PGPASSWORD or ~/.pgpass.",
        valueName: "path|url"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Act as this reviewer.",
        discussion: "Else $FACTDESK_USER, else your login name. On a PostgreSQL desk you act as the role you log in as.",
        valueName: "handle"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for a PostgreSQL server to answer.", valueName: "seconds"))
    var connectTimeout: Double = 5

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

    /// The desk as messages name it: a URL without its password.
    var place: String { Self.display(path) }

    /// A desk's path or URL as messages name it, without a URL's password.
    static func display(_ path: String) -> String {
        (try? DeskLocation(path))?.display ?? path
    }

    /// Who asked to act: `--as`, else `FACTDESK_USER`; nil when neither says.
    private var requestedHandle: String? {
        if let actor { return actor }
        if let env = ProcessInfo.processInfo.environment["FACTDESK_USER"], !env.isEmpty { return env }
        return nil
    }

    /// The acting reviewer: `--as`, else `FACTDESK_USER`, else on a PostgreSQL desk the role
    /// the URL logs in as, else the login name.
    var handle: String {
        if case .postgres(let address)? = try? DeskLocation(path) {
            return actor ?? address.user
        }
        if let requested = requestedHandle { return requested }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    func validate() throws {
        guard busyTimeout >= 0, busyTimeout <= 3600 else {
            throw ValidationError("--busy-timeout must be between 0 and 3600 seconds")
        }
        guard connectTimeout > 0, connectTimeout <= 600 else {
            throw ValidationError("--connect-timeout must be more than 0 and at most 600 seconds")
        }
    }

    /// Signs what the command writes with the acting reviewer's key from this machine's key folder.
    var signer: EventSigner { EventSigner(keys: Keyring.standard()) }

    /// Runs `body` with the desk, opened on one connection, for a command that writes; a
    /// PostgreSQL desk's connections close when it returns.
    func withStore<T>(_ body: (ClaimStore) async throws -> T) async throws -> T {
        try await opened(.single).connected(body)
    }

    /// Runs `body` with the desk, for a command that only reads it.
    func withStoreForReading<T>(_ body: (ClaimStore) async throws -> T) async throws -> T {
        try await opened(.readOnly).connected(body)
    }

    /// The desk, for a command that reads on several tasks at once (`serve`, which runs the
    /// PostgreSQL connections itself).
    func openStoreForConcurrentReading() async throws -> ClaimStore {
        try await opened(.pool)
    }

    private func opened(_ connection: ClaimStore.Connection) async throws -> ClaimStore {
        try checked(await ClaimStore.open(path: path, busyTimeout: busyTimeout, connectTimeout: connectTimeout,
                                          connection: connection, signer: signer))
    }

    /// On a PostgreSQL desk, who acts is who logged in: `--as` another reviewer is refused,
    /// except for the desk's owner.
    private func checked(_ store: ClaimStore) throws -> ClaimStore {
        if let login = store.login, !login.owner, let actor, actor != login.handle {
            throw IdentityRefused(login: login.handle, requested: actor)
        }
        return store
    }

    private static let valued: Set<String> = ["--db", "--as", "--busy-timeout", "--connect-timeout"]
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

/// `--as` someone else on a PostgreSQL desk, by a login that does not own it.
struct IdentityRefused: FactDeskError {
    var login: String
    var requested: String
    var kind: FailureKind { .permissionDenied }
    var description: String {
        "you are logged in to this desk as \(login); on a PostgreSQL desk you act as your own login, so leave out --as \(requested) or connect as \(requested)"
    }
}
