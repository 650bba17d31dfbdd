/// Why the desk could not be opened or written.
public enum StoreError: FactDeskError, Equatable {
    case noDesk(path: String)
    case alreadyExists(path: String)
    case notADesk(path: String)
    case newerDesk(path: String)
    case busy(seconds: Double)
    case readOnly(path: String)
    case cannotOpen(path: String, reason: String)
    case database(String)
    /// A PostgreSQL server that does not answer: not running, wrong host or port.
    case unreachable(place: String, reason: String)
    /// The connection to the server was lost in the middle of a command; nothing of it was kept.
    case interrupted(place: String)
    /// The database refused who is connecting, or what they asked.
    case accessDenied(String)
    /// A PostgreSQL database that does not exist.
    case noDatabase(String)
    /// A PostgreSQL database that holds something other than a desk.
    case notEmpty(String)

    public var kind: FailureKind {
        switch self {
        case .noDesk: .notFound
        case .alreadyExists: .invalidInput
        case .busy, .interrupted: .storeBusy
        case .accessDenied: .permissionDenied
        case .noDatabase: .notFound
        case .notEmpty: .invalidInput
        case .notADesk, .newerDesk, .readOnly, .cannotOpen, .database, .unreachable: .storeUnusable
        }
    }

    public var description: String {
        switch self {
        case .noDesk(let path):
            "no desk at \(path); create one with `factdesk init`"
        case .alreadyExists(let path):
            "\(path) already exists; choose another path, or use the desk that is there"
        case .notADesk(let path):
            "\(path) is not a FactDesk desk (not a desk file, or damaged)"
        case .newerDesk(let path):
            "\(path) was written by a newer FactDesk; upgrade factdesk to open it"
        case .busy(let seconds):
            "the desk is busy: another factdesk held it for more than \(seconds.formatted()) s; try again"
        case .readOnly(let path):
            "\(path) is read-only; make it writable (chmod u+w \(path)) to use it, or work on a copy"
        case .cannotOpen(let path, let reason):
            "cannot open \(path): \(reason)"
        case .database(let message):
            "the desk could not do that: \(message)"
        case .unreachable(let place, let reason):
            "cannot reach the PostgreSQL server at \(place): \(reason)"
        case .interrupted(let place):
            "the connection to the PostgreSQL server at \(place) was lost; nothing of this command was kept; try again"
        case .accessDenied(let message):
            message
        case .noDatabase(let name):
            "there is no database \(name); create it (createdb), then run `factdesk init` on it"
        case .notEmpty(let name):
            "the database \(name) already holds tables that are not a desk; give `factdesk init` an empty database"
        }
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
