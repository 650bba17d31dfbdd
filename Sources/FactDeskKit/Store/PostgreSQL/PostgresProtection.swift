import Foundation

/// The triggers and trigger functions that protect a PostgreSQL desk's history, as the
/// catalog renders them: the desk's own, and those its migrations make, made again in the
/// session's temporary schema inside a transaction that is rolled back, so that the server
/// that renders the desk's renders the expected ones too. ``HistoryProtection`` compares them.
enum PostgresProtection {
    /// The catalog's triggers and trigger functions of one schema (an SQL expression of its oid).
    static func catalogQuery(schema: String) -> String {
        """
        SELECT 'trigger' AS kind, t.tgname::text AS name, c.relname::text AS table_name,
               pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relnamespace = \(schema)
        UNION ALL
        SELECT 'function', p.proname::text, NULL, pg_get_functiondef(p.oid), 'O'
        FROM pg_proc p WHERE p.pronamespace = \(schema) AND p.prorettype = 'trigger'::regtype
        """
    }

    /// The rows of ``catalogQuery(schema:)``, with the schema's name taken out of where the
    /// catalog qualifies a name by it.
    static func objects(_ rows: [PGRow], schema: String) throws -> [ProtectionObject] {
        try rows.map { row in
            var definition = try row.text("definition")
            for place in ["CREATE OR REPLACE FUNCTION ", " ON ", "EXECUTE FUNCTION "] {
                definition = definition.replacingOccurrences(of: place + schema + ".", with: place)
            }
            return ProtectionObject(kind: try row.text("kind") == "trigger" ? .trigger : .function, name: try row.text("name"),
                                    table: try row.optionalText("table_name"), definition: definition,
                                    enabled: try row.text("enabled") != "D")
        }
    }

    /// The migrations' statements that make the protections, written to make them in the
    /// session's temporary schema: a table of each name a trigger is on (with no columns, which
    /// a trigger's definition does not name), then each trigger function and trigger in order.
    static let scratchStatements: [String] = {
        let function = /^CREATE (OR REPLACE )?FUNCTION (\w+)\(\) RETURNS trigger/
        let trigger = /^CREATE TRIGGER \w+ .*? ON (\w+)\s/.dotMatchesNewlines()
        var tables: [String] = []
        var statements: [String] = []
        for migration in PostgresSchema.migrations {
            for statement in PostgresSession.statements(migration.sql) {
                if let match = statement.prefixMatch(of: function) {
                    statements.append("CREATE \(match.1 ?? "")FUNCTION pg_temp.\(match.2)() RETURNS trigger"
                                          + statement[match.range.upperBound...])
                } else if let match = statement.prefixMatch(of: trigger) {
                    let table = String(match.1)
                    if !tables.contains(table) {
                        tables.append(table)
                        statements.append("CREATE TEMPORARY TABLE \(table) ()")
                    }
                    statements.append(statement.replacing(/EXECUTE FUNCTION (\w+)\(/) { "EXECUTE FUNCTION pg_temp.\($0.1)(" })
                }
            }
        }
        return statements
    }()
}
