import Foundation

/// Where a PostgreSQL desk lives, read from a `postgres://` or `postgresql://` URL the way
/// PostgreSQL's own clients read it: what the URL leaves out comes from `PGHOST`, `PGPORT`,
/// `PGUSER` and `PGDATABASE`; a password missing from the URL from `PGPASSWORD`, else from
/// the password file (`PGPASSFILE`, else `~/.pgpass`).
public struct PostgresAddress: Sendable, Equatable {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// The login role: on a PostgreSQL desk, who is acting.
    public var user: String
    public var password: String?
    /// A host name or address, or the directory of a Unix socket (starts with `/`).
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode

    /// Whether a `--db` value names a PostgreSQL database rather than a desk file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a URL. A malformed one is refused with what to write instead.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                passwordFile: String? = nil) throws {
        let usage = "give a URL like postgres://user@host:5432/desk"
        guard Self.isURL(text), let parts = URLComponents(string: text) else {
            throw DeskError.invalidValue("'\(Self.redacted(text))' is not a PostgreSQL URL; \(usage)")
        }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let unknown = Set(query.keys).subtracting(["sslmode", "host", "port", "user", "password", "dbname", "connect_timeout"])
        if let name = unknown.sorted().first {
            throw DeskError.invalidValue("the URL's parameter '\(name)' is not one FactDesk reads; use sslmode, host, port, user or dbname")
        }
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let login = nonEmpty(getpwuid(geteuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } })
        user = nonEmpty(query["user"]) ?? nonEmpty(parts.user) ?? nonEmpty(environment["PGUSER"]) ?? login ?? "postgres"
        host = nonEmpty(query["host"]) ?? nonEmpty(parts.host) ?? nonEmpty(environment["PGHOST"]) ?? "/var/run/postgresql"
        let portText = nonEmpty(query["port"]) ?? parts.port.map(String.init) ?? nonEmpty(environment["PGPORT"]) ?? "5432"
        guard let port = Int(portText), (1...65_535).contains(port) else {
            throw DeskError.invalidValue("'\(portText)' is not a port; \(usage)")
        }
        self.port = port
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = nonEmpty(query["dbname"]) ?? nonEmpty(path) ?? nonEmpty(environment["PGDATABASE"]) ?? user
        let modeText = nonEmpty(query["sslmode"]) ?? nonEmpty(environment["PGSSLMODE"]) ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            throw DeskError.invalidValue(
                "sslmode '\(modeText)' is not one PostgreSQL knows; use \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        sslMode = mode
        password = nonEmpty(query["password"]) ?? parts.password ?? nonEmpty(environment["PGPASSWORD"])
        if password == nil {
            let file = passwordFile ?? nonEmpty(environment["PGPASSFILE"])
                ?? (nonEmpty(environment["HOME"]) ?? NSHomeDirectory()) + "/.pgpass"
            password = Self.passwordFromFile(file, host: host, port: port, database: database, user: user)
        }
    }

    /// The URL's own words without its password, for messages.
    public var display: String {
        "postgres://\(user)@\(isSocket ? "" : host):\(port)/\(database)" + (isSocket ? "?host=\(host)" : "")
    }

    /// Where the server is, for a message that it could not be reached.
    public var place: String {
        isSocket ? "the socket \(socketPath)" : "\(host):\(port)"
    }

    public var isSocket: Bool { host.hasPrefix("/") }
    var socketPath: String { "\(host)/.s.PGSQL.\(port)" }

    /// A URL with its password replaced, for a message about a malformed one.
    static func redacted(_ text: String) -> String {
        guard let parts = URLComponents(string: text), parts.password != nil else { return text }
        var copy = parts
        copy.password = "***"
        return copy.string ?? text
    }

    /// The password `~/.pgpass` gives this connection: the first line whose host, port,
    /// database and user match (`*` matches anything; `\:` and `\\` are escapes). A file
    /// that others may read is ignored, as PostgreSQL's clients ignore it.
    static func passwordFromFile(_ path: String, host: String, port: Int, database: String, user: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let wanted = [host.hasPrefix("/") ? "localhost" : host, String(port), database, user]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for character in line {
                if escaped { fields[fields.count - 1].append(character); escaped = false }
                else if character == "\\" { escaped = true }
                else if character == ":" && fields.count < 5 { fields.append("") }
                else { fields[fields.count - 1].append(character) }
            }
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
