import Foundation
import Logging
import NIOSSL
import PostgresNIO

extension StoredValue {
    var data: PostgresData {
        switch self {
        case .text(let value): PostgresData(string: value)
        case .integer(let value): PostgresData(int64: value)
        case .real(let value): PostgresData(double: value)
        case .boolean(let value): PostgresData(bool: value)
        case .null: PostgresData.null
        }
    }
}

/// One connection to a PostgreSQL server, holding one transaction at a time, whose calls
/// await the server's answer.
///
/// Every failure comes out as a ``StoreError`` naming what to do: the server not
/// answering (74), a refused login (77), a lock held too long (75).
struct PostgresSession: Sendable {
    let address: PostgresAddress
    let connection: PostgresConnection
    /// How long a statement waits for a lock another command holds.
    let busyTimeout: Double

    /// What the desk's connections call themselves to the server (`application_name`), so
    /// that `pg_stat_activity` tells them apart.
    static let applicationName = "factdesk"
    static let logger = Logger(label: "factdesk.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects one connection, giving up after `timeout` seconds.
    static func connect(_ address: PostgresAddress, timeout: Double, busyTimeout: Double) async throws -> PostgresSession {
        var configuration: PostgresConnection.Configuration
        if address.isSocket {
            configuration = .init(unixSocketPath: address.socketPath, username: address.user,
                                  password: address.password, database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.user,
                                  password: address.password, database: address.database, tls: try tls(address))
        }
        configuration.options.connectTimeout = .milliseconds(Int64(max(timeout, 0.1) * 1000))
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        // A server that is starting up (after a restart, during recovery) says so at once;
        // it is waited for, as long as the connect timeout allows.
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        while true {
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                return PostgresSession(address: address, connection: connection, busyTimeout: busyTimeout)
            } catch {
                if isStartingUp(error), ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                }
                if isStartingUp(error) {
                    throw StoreError.unreachable(place: address.place, reason: "the server is still starting up after \(timeout.formattedSeconds) s")
                }
                throw translate(error, address: address, connecting: true, timeout: timeout)
            }
        }
    }

    /// A client that keeps up to `limit` connections to the desk's database, opened as
    /// transactions need them, each within `timeout` seconds.
    static func client(_ address: PostgresAddress, timeout: Double, limit: Int) -> PostgresClient {
        var configuration: PostgresClient.Configuration
        if address.isSocket {
            configuration = .init(unixSocketPath: address.socketPath, username: address.user,
                                  password: address.password, database: address.database)
        } else {
            configuration = .init(host: address.host, port: address.port, username: address.user,
                                  password: address.password, database: address.database, tls: clientTLS(address))
        }
        configuration.options.connectTimeout = .milliseconds(Int64(max(timeout, 0.1) * 1000))
        configuration.options.maximumConnections = limit
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        return PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    private static func isStartingUp(_ error: any Error) -> Bool {
        if let failure = error as? PSQLError { return failure.serverInfo?[.sqlState] == "57P03" }
        if case .server(let answer)? = error as? PostgresError { return answer.fields[.sqlState] == "57P03" }
        return false
    }

    private static func tlsSettings(_ address: PostgresAddress) -> TLSConfiguration {
        var settings = TLSConfiguration.makeClientConfiguration()
        switch address.sslMode {
        case .disable, .allow, .prefer, .require: settings.certificateVerification = .none
        case .verifyCA: settings.certificateVerification = .noHostnameVerification
        case .verifyFull: settings.certificateVerification = .fullVerification
        }
        return settings
    }

    private static func tls(_ address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
        if address.sslMode == .disable { return .disable }
        let context = try NIOSSLContext(configuration: tlsSettings(address))
        return address.sslMode == .allow || address.sslMode == .prefer ? .prefer(context) : .require(context)
    }

    private static func clientTLS(_ address: PostgresAddress) -> PostgresClient.Configuration.TLS {
        if address.sslMode == .disable { return .disable }
        let settings = tlsSettings(address)
        return address.sslMode == .allow || address.sslMode == .prefer ? .prefer(settings) : .require(settings)
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ sql: String, _ binds: [StoredValue] = []) async throws -> [PostgresRow] {
        // A query written to a connection that has closed would wait for an answer that
        // never comes; one that is in flight when it closes fails.
        guard !connection.isClosed else { throw StoreError.interrupted(place: address.place) }
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds { bindings.append(value.data) }
        do {
            return try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: Self.logger).get().rows
        } catch {
            throw Self.translate(error, address: address, connecting: false, timeout: 0, busyTimeout: busyTimeout)
        }
    }

    /// Runs a script of statements that take no parameters (schema changes), one by one.
    func execute(_ script: String) async throws {
        for statement in Self.statements(script) { try await query(statement) }
    }

    /// A script's statements: split at each `;` that is not inside quotes, a `$$` body or
    /// a `--` comment.
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inQuote = false, inBody = false, inComment = false
        var previous: Character = " "
        for character in script {
            if inComment {
                if character == "\n" { inComment = false }
                previous = character
                continue
            }
            if !inQuote && !inBody && character == "-" && previous == "-" {
                current.removeLast()
                inComment = true
                previous = " "
                continue
            }
            if character == "'" && !inBody { inQuote.toggle() }
            if character == "$" && previous == "$" && !inQuote { inBody.toggle() }
            if character == ";" && !inQuote && !inBody {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character == "$" && previous == "$" ? " " : character
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }

    /// Says goodbye to the server and closes the connection.
    func close() async {
        try? await connection.close()
    }

    var isClosed: Bool { connection.isClosed }

    /// What a PostgreSQL failure means to the person at the desk.
    static func translate(_ error: any Error, address: PostgresAddress, connecting: Bool, timeout: Double,
                          busyTimeout: Double = 5) -> any Error {
        if error is StoreError || error is any FactDeskError { return error }
        if let legacy = error as? PostgresError {
            switch legacy {
            case .server(let answer):
                return translate(state: answer.fields[.sqlState] ?? "", message: answer.fields[.message] ?? "\(answer)",
                                 address: address, busyTimeout: busyTimeout)
            case .connectionClosed:
                return StoreError.interrupted(place: address.place)
            case .protocol(let message):
                return connecting ? StoreError.unreachable(place: address.place, reason: message)
                    : StoreError.interrupted(place: address.place)
            }
        }
        guard let failure = error as? PSQLError else {
            let text = "\(error)"
            if text.contains("imeout") {
                return StoreError.unreachable(place: address.place, reason: "no answer within \(timeout.formattedSeconds) s")
            }
            return connecting ? StoreError.unreachable(place: address.place, reason: plain(text))
                : StoreError.interrupted(place: address.place)
        }
        if let state = failure.serverInfo?[.sqlState] {
            return translate(state: state, message: failure.serverInfo?[.message] ?? "\(failure.code)",
                             address: address, busyTimeout: busyTimeout)
        }
        switch failure.code {
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return connecting ? StoreError.unreachable(place: address.place, reason: "the server closed the connection")
                : StoreError.interrupted(place: address.place)
        case .connectionError:
            let underlying = failure.underlying.map { "\($0)" } ?? "no answer"
            let reason = underlying.contains("imeout") || underlying.contains("connectTimeout")
                ? "no answer within \(timeout.formattedSeconds) s" : Self.plain(underlying)
            return connecting ? StoreError.unreachable(place: address.place, reason: reason)
                : StoreError.interrupted(place: address.place)
        case .authMechanismRequiresPassword:
            return StoreError.accessDenied(
                "PostgreSQL asks \(address.user) for a password: put it in the URL, PGPASSWORD or ~/.pgpass")
        case .sslUnsupported:
            return StoreError.unreachable(place: address.place, reason: "the server does not offer TLS; use sslmode=prefer or disable")
        default:
            return StoreError.cannotOpen(path: address.display, reason: "\(failure.code)")
        }
    }

    /// What a PostgreSQL error code means to the person at the desk.
    private static func translate(state: String, message: String, address: PostgresAddress, busyTimeout: Double) -> any Error {
        switch state {
        case "28000" where message.contains("not permitted to log in"):
            return StoreError.accessDenied("\(address.user) may not log in: the role has no login; ask the database's administrator")
        case "28P01", "28000":
            return StoreError.accessDenied(
                "PostgreSQL refused the login of \(address.user) at \(address.place): check the password (PGPASSWORD or ~/.pgpass) and that the role may connect")
        case "3D000":
            return StoreError.noDatabase("\(address.database) at \(address.place)")
        case "42501" where message.contains("permission denied for database"):
            return StoreError.accessDenied(
                "\(address.user) may not log in to this desk: the reviewer was deactivated, or was never added; an editor can add or reactivate them")
        case "42501" where message.contains("permission denied to create role"):
            return StoreError.accessDenied(
                "\(address.user) may not create roles, which a desk needs for its reviewers' logins; ask the cluster's administrator for ALTER ROLE \(address.user) CREATEROLE")
        case "42501":
            return StoreError.accessDenied("PostgreSQL refused \(address.user): \(message)")
        case "40001", "40P01", "55P03", "57014":
            return StoreError.busy(seconds: busyTimeout)
        case "57P01", "57P02", "57P03", "08000", "08003", "08006":
            return StoreError.interrupted(place: address.place)
        case "P0001":
            return StoreError.database(message)
        default:
            return StoreError.database(message)
        }
    }

    /// The operating system's words for a connection failure, without NIO's wrapping.
    private static func plain(_ text: String) -> String {
        if text.contains("refused") || text.contains("ECONNREFUSED") { return "connection refused; is the server running?" }
        if text.contains("No such file") || text.contains("ENOENT") { return "no server listens there" }
        if text.contains("resolve") || text.contains("NXDOMAIN") { return "the host name does not resolve" }
        if text.contains("reset by peer") || text.contains("ECONNRESET") { return "the server closed the connection" }
        return text
    }
}

extension Double {
    var formattedSeconds: String { self == rounded() ? String(Int(self)) : String(self) }
}
