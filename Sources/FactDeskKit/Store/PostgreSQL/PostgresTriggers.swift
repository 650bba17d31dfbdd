import Foundation

/// The triggers that protect a PostgreSQL desk's history, as its migrations make them and as
/// the catalog describes them, in terms PostgreSQL keeps as given rather than formats.
///
/// A desk's own triggers are compared with these: a trigger swapped for another with the
/// same name, given a WHEN clause or a column list, pointed at another function, or whose
/// function's body was changed, is reported; so is one added.
struct TriggerShape: Equatable, Sendable {
    var table: String
    /// `pg_trigger.tgtype`: 1 for each row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate.
    var type: Int
    var function: String
    /// `pg_trigger.tgargs` in hex: each argument's UTF-8 bytes and a NUL.
    var arguments: String
    /// The function's source between its `$$`, which PostgreSQL stores as given.
    var body: String
    /// Neither a WHEN clause nor a column list, and the function in PL/pgSQL without arguments.
    var plain: Bool = true

    /// The catalog's query for every trigger a user made in the desk's schema.
    static let catalogQuery = """
        SELECT t.tgname, t.tgenabled::text AS enabled, c.relname::text AS table_name, t.tgtype::int8 AS type,
               p.proname::text AS function, encode(t.tgargs, 'hex') AS arguments, p.prosrc AS body,
               (t.tgqual IS NULL AND t.tgattr::text = '' AND l.lanname = 'plpgsql' AND p.pronargs = 0) AS plain
        FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_class c ON c.oid = t.tgrelid
             JOIN pg_language l ON l.oid = p.prolang
        WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
        """

    /// The triggers the migrations make, read from their SQL: each `CREATE TRIGGER`, with the
    /// body of the last `CREATE FUNCTION` of its function.
    static let expected: [String: TriggerShape] = {
        var bodies: [String: String] = [:]
        var triggers: [(name: String, shape: TriggerShape)] = []
        let function = /^CREATE (?:OR REPLACE )?FUNCTION (\w+)\(\) RETURNS trigger LANGUAGE plpgsql AS \$\$(.*)\$\$$/
            .dotMatchesNewlines()
        let trigger = /^CREATE TRIGGER (\w+) (BEFORE|AFTER) (INSERT|UPDATE|DELETE|TRUNCATE) ON (\w+)\s+FOR EACH (ROW|STATEMENT) EXECUTE FUNCTION (\w+)\((.*)\)$/
        for migration in PostgresSchema.migrations {
            for statement in PostgresSession.statements(migration.sql) {
                if let match = statement.wholeMatch(of: function) {
                    bodies[String(match.1)] = String(match.2)
                } else if let match = statement.wholeMatch(of: trigger) {
                    let events = ["INSERT": 4, "DELETE": 8, "UPDATE": 16, "TRUNCATE": 32]
                    let type = (match.5 == "ROW" ? 1 : 0) + (match.2 == "BEFORE" ? 2 : 0) + (events[String(match.3)] ?? 0)
                    triggers.append((name: String(match.1), shape: TriggerShape(
                        table: String(match.4), type: type, function: String(match.6),
                        arguments: argumentsHex(String(match.7)), body: "")))
                }
            }
        }
        return Dictionary(triggers.map { entry in
            var shape = entry.shape
            shape.body = bodies[shape.function] ?? ""
            return (entry.name, shape)
        }, uniquingKeysWith: { $1 })
    }()

    /// The arguments of a trigger's function call (quoted literals, as the migrations write
    /// them) as `tgargs` holds them, in hex.
    private static func argumentsHex(_ list: String) -> String {
        var bytes: [UInt8] = []
        for literal in list.matches(of: /'((?:[^']|'')*)'/) {
            bytes += Array(String(literal.1).replacingOccurrences(of: "''", with: "'").utf8) + [0]
        }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }
}
