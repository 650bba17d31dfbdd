import Crypto
import Foundation
import Synchronization

/// The private keys this machine holds, by whose they are: a reviewer's handle, or a
/// service's name (a service signs for the people it acts for, as `factdesk serve` does).
///
/// A folder keeps one file per key, `HANDLE.key` and `services/NAME.key`, each readable
/// only by its owner; a key file that others can read is refused, as ssh refuses one.
/// Beside a service's key, `services/NAME.session-key` authenticates the web desk's sessions.
public final class Keyring: Sendable {
    /// Whose key: a reviewer's or a service's.
    public enum Holder: Hashable, Sendable {
        case reviewer(String)
        case service(String)
    }

    private enum Place {
        case folder(String)
        case memory
    }

    private let place: Place
    /// The keys read or made so far.
    private let loaded = Mutex<[Holder: Curve25519.Signing.PrivateKey]>([:])
    private let sessionKeys = Mutex<[String: SymmetricKey]>([:])

    private init(_ place: Place) {
        self.place = place
    }

    /// The keys in a folder.
    public static func folder(_ path: String) -> Keyring {
        Keyring(.folder(path))
    }

    /// The folder `$FACTDESK_KEYS` names, else `~/.config/factdesk/keys`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> Keyring {
        if let path = environment["FACTDESK_KEYS"], !path.isEmpty { return .folder(path) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return .folder(home + "/.config/factdesk/keys")
    }

    /// Keys that live in this process only and are made the first time they are asked for:
    /// for desks in memory, previews and tests, never for a desk people share.
    public static let memory = Keyring(.memory)

    /// Where the keys are, for messages.
    public var location: String {
        switch place {
        case .folder(let path): path
        case .memory: "this process's memory"
        }
    }

    /// The private key of a reviewer or service, or nil when this machine does not hold it.
    public func privateKey(_ holder: Holder) throws(KeyError) -> Curve25519.Signing.PrivateKey? {
        try loaded.withLock { (loaded) throws(KeyError) -> Curve25519.Signing.PrivateKey? in
            if let key = loaded[holder] { return key }
            switch place {
            case .memory:
                let key = Curve25519.Signing.PrivateKey()
                loaded[holder] = key
                return key
            case .folder:
                let path = self.path(of: holder)
                var info = stat()
                guard stat(path, &info) == 0 else { return nil }
                if info.st_mode & 0o077 != 0 { throw .readableByOthers(path: path) }
                guard let data = FileManager.default.contents(atPath: path), data.count < 4_096,
                      let key = Self.decode(String(decoding: data, as: UTF8.self)) else {
                    throw .malformedPrivateKey(path: path)
                }
                loaded[holder] = key
                return key
            }
        }
    }

    /// The public key (`ed25519:...`) of a key this machine holds, or nil.
    public func publicKeyText(_ holder: Holder) throws(KeyError) -> String? {
        try privateKey(holder).map { PublicKeyText.text(of: $0.publicKey) }
    }

    /// The key of a reviewer or service, made and saved when this machine has none yet;
    /// says whether it was made.
    @discardableResult
    public func create(_ holder: Holder) throws(KeyError) -> (key: Curve25519.Signing.PublicKey, created: Bool) {
        if let existing = try privateKey(holder) { return (existing.publicKey, false) }
        guard case .folder = place else { preconditionFailure("a memory keyring makes its keys when asked") }
        let key = Curve25519.Signing.PrivateKey()
        let path = self.path(of: holder)
        let text = Self.privatePrefix + key.rawRepresentation.base64EncodedString() + "\n"
        guard try Self.writeNew(text, to: path) else {
            // Someone made it meanwhile: theirs is the key.
            if let theirs = try privateKey(holder) { return (theirs.publicKey, false) }
            throw .cannotWrite(path: path, reason: String(cString: strerror(EEXIST)))
        }
        loaded.withLock { $0[holder] = key }
        return (key.publicKey, true)
    }

    /// The file that holds a key.
    public func path(of holder: Holder) -> String {
        let folder: String
        switch place {
        case .folder(let path): folder = path
        case .memory: folder = ""
        }
        switch holder {
        case .reviewer(let handle): return folder + "/" + handle + ".key"
        case .service(let name): return folder + "/services/" + name + ".key"
        }
    }

    private static let privatePrefix = "factdesk-ed25519-private:"
    private static let sessionPrefix = "factdesk-session-hmac-sha256:"

    // MARK: - The session key

    /// The secret that authenticates the web desk's sessions: `services/NAME.session-key`
    /// beside the service's signing key (`desk.session-key` for a desk served without a
    /// service), made when missing, refused when others can read it.
    ///
    /// The servers of one desk share it, as they share the service key: a session a server
    /// opened is good on every server that holds the same file, and on no other.
    public func sessionKey(service: String?) throws(KeyError) -> SymmetricKey {
        let name = service ?? ""
        if let known = sessionKeys.withLock({ $0[name] }) { return known }
        let key: SymmetricKey
        switch place {
        case .memory:
            key = SymmetricKey(size: .bits256)
        case .folder:
            let path = sessionKeyPath(service: service)
            if let existing = try Self.readSessionKey(path) {
                key = existing
            } else {
                let made = SymmetricKey(size: .bits256)
                let text = Self.sessionPrefix + made.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
                // Another server may have made it meanwhile: then theirs is the key.
                key = try Self.writeNew(text, to: path) ? made : try Self.readSessionKey(path) ?? made
            }
        }
        return sessionKeys.withLock { known in
            if let raced = known[name] { return raced }
            known[name] = key
            return key
        }
    }

    /// The file that holds the session key of a service (or of a desk served without one).
    public func sessionKeyPath(service: String?) -> String {
        let folder: String
        switch place {
        case .folder(let path): folder = path
        case .memory: folder = ""
        }
        return service.map { folder + "/services/" + $0 + ".session-key" } ?? folder + "/desk.session-key"
    }

    private static func readSessionKey(_ path: String) throws(KeyError) -> SymmetricKey? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if info.st_mode & 0o077 != 0 { throw .readableByOthers(path: path) }
        let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }?.trimmingWhitespace() ?? ""
        guard text.hasPrefix(sessionPrefix), let raw = Data(base64Encoded: String(text.dropFirst(sessionPrefix.count))),
              raw.count == 32 else { throw .malformedPrivateKey(path: path) }
        return SymmetricKey(data: raw)
    }

    /// Writes a new key file, readable only by its owner, through a temporary file linked
    /// into place, never over a key; false when the file already exists.
    private static func writeNew(_ text: String, to path: String) throws(KeyError) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(path: path, reason: "its folder cannot be made (\(error.localizedDescription))")
        }
        let temporary = path + ".new-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
        close(descriptor)
        defer { unlink(temporary) }
        guard written == bytes.count else { throw .cannotWrite(path: path, reason: "the disk took only part of it") }
        if link(temporary, path) != 0 {
            if errno == EEXIST { return false }
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        return true
    }

    private static func decode(_ text: String) -> Curve25519.Signing.PrivateKey? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix(privatePrefix),
              let raw = Data(base64Encoded: String(trimmed.dropFirst(privatePrefix.count))), raw.count == 32 else { return nil }
        return try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }
}
