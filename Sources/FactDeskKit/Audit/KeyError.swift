import Foundation

/// What goes wrong with keys, each with what to do about it.
public enum KeyError: FactDeskError, Equatable {
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

    public var description: String {
        switch self {
        case .malformedPublicKey(let text):
            "'\(text)' is not a public key; give one as `factdesk key show` prints it: ed25519: and 44 characters of base64"
        case .malformedPrivateKey(let path):
            "\(path) is not a FactDesk private key; move it away and run `factdesk key create`"
        case .readableByOthers(let path):
            "\(path) can be read by other users, so it is not used; run `chmod 600 \(path)` if it is yours, else make a new key"
        case .noPrivateKey(let handle, let folder):
            "you do not hold \(handle)'s key: there is no \(handle).key in \(folder); act as yourself, or set FACTDESK_KEYS to the folder that holds your key"
        case .noServiceKey(let name, let folder):
            "this machine does not hold the key of the service \(name): there is no services/\(name).key in \(folder); run `factdesk service add \(name)` here as an editor"
        case .noRegisteredKey(let handle):
            "\(handle) has no key on this desk; an editor registers one with `factdesk reviewer key \(handle) ed25519:...` (\(handle) prints it with `factdesk key show`)"
        case .keyMismatch(let handle, let folder):
            "the key of \(handle) in \(folder) is not the one this desk has for \(handle); use the folder that holds the registered key, or ask an editor to run `factdesk reviewer key \(handle) ...` with `factdesk key show`'s key"
        case .noService(let name):
            "no service '\(name)' is registered on this desk; an editor registers it with `factdesk service add \(name)`"
        case .serviceKeyMismatch(let name, let folder):
            "the key of the service \(name) in \(folder) is not the one this desk has registered; register it again with `factdesk service add \(name) --key ...`"
        case .cannotWrite(let path, let reason):
            "cannot write the key \(path): \(reason)"
        }
    }
}
