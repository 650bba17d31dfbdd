import Foundation

/// What goes wrong with keys, each with what to do about it.
public enum KeyError: CatalogError, Equatable {
    case malformedPublicKey(String)
    case malformedPrivateKey(path: String)
    case readableByOthers(path: String)
    case noPrivateKey(handle: String, folder: String)
    case noServiceKey(name: String, folder: String)
    case noRegisteredKey(handle: String)
    case keyMismatch(handle: String, folder: String)
    case noService(name: String)
    case serviceKeyMismatch(name: String, folder: String)
    case cannotWrite(path: String, reason: String)

    public var kind: FailureKind {
        switch self {
        case .malformedPublicKey, .malformedPrivateKey: .invalidInput
        case .readableByOthers, .noPrivateKey, .noServiceKey, .noRegisteredKey, .keyMismatch, .noService, .serviceKeyMismatch: .permissionDenied
        case .cannotWrite: .storeUnusable
        }
    }

    public var description: String { englishText() }

    public var catalogMessage: CatalogMessage? {
        switch self {
        case .malformedPublicKey(let text):
            CatalogMessage("error_malformed_public_key", ["text": text])
        case .malformedPrivateKey(let path):
            CatalogMessage("error_malformed_private_key", ["path": path])
        case .readableByOthers(let path):
            CatalogMessage("error_key_readable_by_others", ["path": path])
        case .noPrivateKey(let handle, let folder):
            CatalogMessage("error_no_private_key", ["handle": handle, "folder": folder])
        case .noServiceKey(let name, let folder):
            CatalogMessage("error_no_service_key", ["name": name, "folder": folder])
        case .noRegisteredKey(let handle):
            CatalogMessage("error_no_registered_key", ["handle": handle])
        case .keyMismatch(let handle, let folder):
            CatalogMessage("error_key_mismatch", ["handle": handle, "folder": folder])
        case .noService(let name):
            CatalogMessage("error_no_service", ["name": name])
        case .serviceKeyMismatch(let name, let folder):
            CatalogMessage("error_service_key_mismatch", ["name": name, "folder": folder])
        case .cannotWrite(let path, let reason):
            CatalogMessage("error_cannot_write_key", ["path": path, "reason": reason])
        }
    }
}
