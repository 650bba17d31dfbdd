/// Why the desk could not be opened or written.
public enum StoreError: CatalogError, Equatable {
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
        case .accessDenied(let message): message
        default: englishText()
        }
    }

    public var catalogMessage: CatalogMessage? {
        switch self {
        case .noDesk(let path):
            CatalogMessage("error_no_desk", ["path": path])
        case .alreadyExists(let path):
            CatalogMessage("error_desk_already_exists", ["path": path])
        case .notADesk(let path):
            CatalogMessage("error_not_a_desk", ["path": path])
        case .newerDesk(let path):
            CatalogMessage("error_newer_desk", ["path": path])
        case .busy(let seconds):
            CatalogMessage("error_desk_busy", ["seconds": seconds.formatted()])
        case .readOnly(let path):
            CatalogMessage("error_desk_read_only", ["path": path])
        case .cannotOpen(let path, let reason):
            CatalogMessage("error_cannot_open_desk", ["path": path, "reason": reason])
        case .database(let message):
            CatalogMessage("error_database", ["message": message])
        case .unreachable(let place, let reason):
            CatalogMessage("error_postgres_unreachable", ["place": place, "reason": reason])
        case .interrupted(let place):
            CatalogMessage("error_postgres_interrupted", ["place": place])
        case .accessDenied:
            nil
        case .noDatabase(let name):
            CatalogMessage("error_no_database", ["name": name])
        case .notEmpty(let name):
            CatalogMessage("error_database_not_empty", ["name": name])
        }
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
