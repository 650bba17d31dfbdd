/// One trigger or trigger function of those that keep the history append-only, as a backend's
/// catalog describes it: its definition in the database's own text.
struct ProtectionObject: Sendable, Equatable {
    enum Kind: String, Sendable {
        case trigger, function
    }

    var kind: Kind
    var name: String
    /// The table a trigger is on; nil for a function.
    var table: String?
    /// The definition as the database renders it, names unqualified by the desk's schema.
    var definition: String
    /// Whether a trigger fires (PostgreSQL can disable one without dropping it).
    var enabled = true
}

/// Compares the history's protections a desk holds with those its migrations make, and says
/// what differs, once for every backend.
///
/// Each backend only reports: its installed triggers and trigger functions, and the same made
/// from its migrations (SQLite in memory, PostgreSQL in a scratch schema in a transaction rolled
/// back), so both sides are written by the same database and nothing is hard-coded here.
enum HistoryProtection {
    /// What is wrong with the installed protections, one sentence each, in the order of their names.
    static func problems(installed: [ProtectionObject], expected: [ProtectionObject]) -> [String] {
        problems(.trigger, installed, expected) + problems(.function, installed, expected)
    }

    private static func problems(_ kind: ProtectionObject.Kind, _ installed: [ProtectionObject],
                                 _ expected: [ProtectionObject]) -> [String] {
        let present = Dictionary(installed.filter { $0.kind == kind }.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        let wanted = Dictionary(expected.filter { $0.kind == kind }.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        var problems: [String] = []
        for (name, object) in wanted.sorted(by: { $0.key < $1.key }) {
            guard let found = present[name] else {
                problems.append(kind == .trigger ? "the trigger \(name) that protects the history is gone"
                                    : "the function \(name) that the history's triggers call is gone")
                continue
            }
            if found.definition != object.definition || found.table != object.table {
                problems.append(kind == .trigger ? "the trigger \(name) was replaced by another that does something else"
                                    : "the function \(name) that the history's triggers call was changed")
            } else if !found.enabled {
                problems.append("the \(kind.rawValue) \(name) that protects the history is disabled")
            }
        }
        for name in present.keys.sorted() where wanted[name] == nil {
            problems.append("a \(kind == .trigger ? "trigger" : "trigger function") FactDesk did not make, \(name), was added")
        }
        return problems
    }
}
