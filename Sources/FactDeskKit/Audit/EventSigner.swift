import Crypto
import Foundation

/// Signs each event a desk writes: with the key of the reviewer who acts, or with a
/// registered service's key when a service acts for them.
///
/// The key must be the one the desk has registered for its holder, so a command whose
/// actor's key this machine does not hold is refused before its transaction commits.
public struct EventSigner: Sendable {
    public let keys: Keyring
    /// The registered service that signs every event, if the desk is used through one.
    public let service: String?

    public init(keys: Keyring, service: String? = nil) {
        self.keys = keys
        self.service = service
    }

    /// Signs an event whose hash is made: sets its signature (and signer for a service).
    func sign(_ event: inout AuditEvent, _ tx: any StorageReader) async throws {
        let key: Curve25519.Signing.PrivateKey
        if let service {
            guard let registered = try await tx.service(service), registered.active else { throw KeyError.noService(name: service) }
            guard let own = try keys.privateKey(.service(service)) else {
                throw KeyError.noServiceKey(name: service, folder: keys.location)
            }
            guard PublicKeyText.text(of: own.publicKey) == registered.publicKey else {
                throw KeyError.serviceKeyMismatch(name: service, folder: keys.location)
            }
            key = own
            event.signer = service
        } else {
            guard let own = try keys.privateKey(.reviewer(event.actor)) else {
                throw KeyError.noPrivateKey(handle: event.actor, folder: keys.location)
            }
            guard let registered = try await tx.registeredKey(of: event.actor) else {
                throw KeyError.noRegisteredKey(handle: event.actor)
            }
            guard PublicKeyText.text(of: own.publicKey) == registered else {
                throw KeyError.keyMismatch(handle: event.actor, folder: keys.location)
            }
            key = own
            event.signer = nil
        }
        event.signature = try key.signature(for: Self.message(hash: event.hash)).base64EncodedString()
    }

    /// What is signed: the event's hash (64 hexadecimal digits) as its 32 bytes.
    public static func message(hash: String) -> Data {
        let digits = Array(hash.utf8)
        return Data(stride(from: 0, to: digits.count - 1, by: 2).map { Self.nibble(digits[$0]) << 4 | Self.nibble(digits[$0 + 1]) })
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit &- UInt8(ascii: "0")
    }
}
