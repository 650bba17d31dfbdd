import GRDB

/// Why the desk file could not be opened or written.
public enum StoreError: FactDeskError, Equatable {
    case noDesk(path: String)
    case alreadyExists(path: String)
    case notADesk(path: String)
    case newerDesk(path: String)
    case busy(seconds: Double)
    case readOnly(path: String)
    case cannotOpen(path: String, reason: String)
    case database(String)

    public var kind: FailureKind {
        switch self {
        case .noDesk: .notFound
        case .alreadyExists: .invalidInput
        case .busy: .storeBusy
        case .notADesk, .newerDesk, .readOnly, .cannotOpen, .database: .storeUnusable
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
        }
    }

    /// Translates an SQLite failure into the error a user can act on.
    static func from(_ error: DatabaseError, path: String, busyTimeout: Double) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy(seconds: busyTimeout)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: .notADesk(path: path)
        case .SQLITE_READONLY: .readOnly(path: path)
        case .SQLITE_CANTOPEN: .cannotOpen(path: path, reason: error.message ?? "the file cannot be opened")
        default: .database(error.message ?? "\(error)")
        }
    }
}

extension Double {
    fileprivate func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
