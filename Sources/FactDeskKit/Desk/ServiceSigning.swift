extension ClaimStore {
    /// The desk signing as a registered service (the web desk), with this machine's key for it.
    ///
    /// The key in `keys` must be the one the desk registered for the service: a different
    /// key, or none beside a registered one, is refused, so a server never signs what the
    /// history would not accept. A service not yet registered is registered by `actor`, which
    /// only an editor may do; `registered` then names it, for the person starting the server.
    public func signingAsService(_ name: String, keys: Keyring, by actor: String) async throws
        -> (store: ClaimStore, registered: Service?) {
        let registered = try await team.services().first { $0.name == name && $0.active }?.publicKey
        var added: Service?
        switch (registered, try keys.publicKeyText(.service(name))) {
        case let (registered?, local?) where registered == local:
            break
        case (_?, _?):
            throw KeyError.serviceKeyMismatch(name: name, folder: keys.location)
        case (_?, nil):
            throw KeyError.noServiceKey(name: name, folder: keys.location)
        case (nil, _):
            added = try await team.addService(name, key: nil, by: actor)
        }
        return (signing(with: EventSigner(keys: keys, service: name)), added)
    }
}
