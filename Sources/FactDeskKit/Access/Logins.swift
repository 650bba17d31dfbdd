import Foundation

// MARK: - Passwords, sessions and API tokens
//
// The rules are here and in LoginRules and PasswordPolicy; the rows are the storage's.

extension Logins {
    /// Sets a reviewer's password: editors for anyone, a reviewer for themselves. Ends
    /// every session of that reviewer and revokes their API tokens, each revocation an
    /// event. The change is an event that holds the SHA-256 of the stored hash (never the
    /// hash), which every login checks the stored hash against. On a PostgreSQL desk it is
    /// also the password of the reviewer's login role.
    public func setPassword(_ password: String, for handle: String, by actor: String,
                            cost: UInt8 = PasswordPolicy.defaultCost) async throws {
        try PasswordPolicy.check(password, handle: handle)
        // bcrypt is slow on purpose: hash before taking the write lock.
        let hash = PasswordPolicy.hash(password, cost: cost)
        try await storage.writing { tx in
            let acting = try await tx.activeReviewer(actor)
            if acting.handle != handle && acting.role != .editor {
                throw DeskError.editorOnly(actor: actor, action: "set another reviewer's password")
            }
            guard try await tx.reviewer(handle) != nil else { throw DeskError.reviewerNotFound(handle) }
            let now = clock()
            try await tx.setPasswordHash(hash, of: handle, at: now)
            try await tx.setDatabasePassword(password, of: handle)
            try await tx.deleteSessions(of: handle)
            for token in try await tx.apiTokens(of: handle) where token.revokedAt == nil {
                try await revoke(token, by: actor, at: now, tx)
            }
            try await tx.record(AuditEvent(at: now, actor: actor,
                                     .reviewerPassword(.init(handle: handle, sha256: sha256Hex(hash)))), signer)
        }
    }

    /// Checks a handle and password and opens a session, or records the failure.
    ///
    /// Five failures for one handle, or from one address, within 15 minutes lock further
    /// attempts for 15 minutes, whoever tries. A wrong handle and a wrong password are
    /// refused alike, after the same bcrypt work. A stored hash that the reviewer's newest
    /// password event did not set (one copied into the row) is refused as a wrong password.
    /// A reviewer with a second factor must also give its `code` (see TwoFactor.swift);
    /// `requirement` turns away those it covers who have none.
    public func logIn(handle: String, password: String, address: String, code: String? = nil,
                      requirement: TwoFactorRequirement? = nil) async throws -> NewLogin {
        let keys = ["handle:" + handle, "address:" + address]
        let (until, stored) = try await storage.reading { tx in (try await tx.lockedUntil(keys: keys), try await tx.passwordHash(of: handle)) }
        if let until, until > clock() {
            throw AccessError.lockedOut(minutes: max(1, Int((until.timeIntervalSince(clock()) / 60).rounded(.up))))
        }
        guard let stored, PasswordPolicy.matches(password, hash: stored) else {
            if stored == nil { _ = PasswordPolicy.matches(password, hash: PasswordPolicy.decoy) }
            try await recordFailure(keys)
            throw AccessError.wrongCredentials
        }
        let recorded = try await storage.reading { tx in
            try await SignedRecords.credentialIsRecorded(stored, of: handle, tx, checked: verifiedSignatures)
        }
        guard let recorded else { throw AccessError.passwordPredatesDigests }
        guard recorded else {
            try await recordFailure(keys)
            throw AccessError.wrongCredentials
        }
        try await checkSecondFactor(handle: handle, code: code, requirement: requirement, failureKeys: keys)
        let sessionKey = try signer.keys.sessionKey(service: signer.service)
        let secret = Secret.random()
        let csrf = Secret.random().text
        let session = try await storage.writing { tx -> LoginSession in
            let reviewer = try await tx.activeReviewer(handle)
            let now = clock()
            try await tx.forgetFailures(key: keys[0])
            try await tx.deleteSessions(createdBefore: now.addingTimeInterval(-LoginRules.absoluteTimeout))
            try await tx.insertSession(tokenHash: secret.mac(sessionKey), handle: handle, csrf: csrf, at: now)
            return LoginSession(reviewer: reviewer, csrf: csrf, createdAt: now, lastSeenAt: now)
        }
        return NewLogin(secret: secret, session: session)
    }

    func recordFailure(_ keys: [String]) async throws {
        try await storage.writing { tx in
            let now = clock()
            let since = now.addingTimeInterval(-LoginRules.failureWindow)
            try await tx.forgetFailures(before: since)
            for key in keys where try await tx.recordFailure(key: key, at: now, countingSince: since) >= LoginRules.failureLimit {
                try await tx.lock(key: key, until: now.addingTimeInterval(LoginRules.lockout))
            }
        }
    }

    /// The open session a cookie's secret names, or nil when it is unknown, expired, or
    /// its reviewer deactivated. Notes its use at most once a minute.
    ///
    /// A session is found by the MAC of its secret under the session key of this server's
    /// key folder: a row planted in the desk, whose secret its planter knows, has no MAC
    /// they can make, so no cookie opens it.
    public func session(secret: String) async throws -> LoginSession? {
        let digest = Secret(text: secret).mac(try signer.keys.sessionKey(service: signer.service))
        let now = clock()
        let found = try await storage.reading { tx -> LoginSession? in
            guard let row = try await tx.session(tokenHash: digest) else { return nil }
            guard let reviewer = try await tx.reviewer(row.handle), reviewer.active else { return nil }
            return LoginSession(reviewer: reviewer, csrf: row.csrf, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt)
        }
        guard var session = found, LoginRules.isOpen(created: session.createdAt, lastSeen: session.lastSeenAt, now: now) else {
            if found != nil { try await logOut(secret: secret) }
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) >= LoginRules.touchInterval {
            try await storage.writing { try await $0.touchSession(tokenHash: digest, at: now) }
            session.lastSeenAt = now
        }
        return session
    }

    /// Ends the session a cookie's secret names.
    public func logOut(secret: String) async throws {
        let digest = Secret(text: secret).mac(try signer.keys.sessionKey(service: signer.service))
        try await storage.writing { try await $0.deleteSession(tokenHash: digest) }
    }

    /// Creates an API token for the acting reviewer; its secret is returned once.
    ///
    /// Its event, signed by whoever creates it, holds the SHA-256 of the secret: the server
    /// accepts a token only when that event is in the history, so a token row planted in
    /// the desk opens nothing.
    public func createToken(name: String?, expiresAt: Date?, by actor: String) async throws -> (token: APIToken, secret: Secret) {
        let label = name?.trimmingWhitespace() ?? ""
        guard label.count <= 200, !label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw DeskError.invalidValue("a token's name is one line of at most 200 characters")
        }
        let secret = Secret.random(prefix: "fdt_")
        return try await storage.writing { tx in
            let reviewer = try await tx.activeReviewer(actor)
            let now = clock()
            let title = label.isEmpty ? "token" : label
            try await tx.record(AuditEvent(at: now, actor: actor,
                                     .tokenCreate(.init(handle: reviewer.handle, title: title, sha256: secret.digest))), signer)
            let id = try await tx.insertAPIToken(name: title, tokenHash: secret.digest, handle: reviewer.handle,
                                           createdAt: now, expiresAt: expiresAt)
            return (APIToken(id: id, name: title, handle: reviewer.handle, createdAt: now, expiresAt: expiresAt), secret)
        }
    }

    /// The acting reviewer's API tokens; an editor's list holds everyone's.
    public func tokens(visibleTo actor: String) async throws -> [APIToken] {
        try await storage.reading { tx in
            let reviewer = try await tx.activeReviewer(actor)
            return try await tx.apiTokens(of: reviewer.role == .editor ? nil : reviewer.handle)
        }
    }

    /// Revokes a token: its owner or an editor may.
    @discardableResult
    public func revokeToken(_ id: Int64, by actor: String) async throws -> APIToken {
        try await storage.writing { tx in
            let reviewer = try await tx.activeReviewer(actor)
            guard var token = try await tx.apiToken(id: id),
                  token.handle == reviewer.handle || reviewer.role == .editor else {
                throw AccessError.tokenNotFound(id)
            }
            guard token.revokedAt == nil else { return token }
            let now = clock()
            try await revoke(token, by: actor, at: now, tx)
            token.revokedAt = now
            return token
        }
    }

    /// Revokes a token in a write transaction, with its event: the event holds the token's
    /// digest, so that a revoked token stays refused even if its row is made usable again.
    private func revoke(_ token: APIToken, by actor: String, at now: Date, _ tx: any StorageWriter) async throws {
        try await tx.revokeAPIToken(id: token.id, at: now)
        try await tx.record(AuditEvent(at: now, actor: actor,
                                 .tokenRevoke(.init(handle: token.handle, title: token.name,
                                                    sha256: try await tx.apiTokenDigest(id: token.id)))), signer)
    }

    /// The active reviewer an API token's secret stands for, or nil: nil too when no signed
    /// `token.create` event holds the secret's digest, or an event revoked it.
    public func reviewer(forToken secret: String) async throws -> Reviewer? {
        let now = clock()
        let digest = Secret(text: secret).digest
        return try await storage.reading { tx in
            guard let token = try await tx.apiToken(hash: digest), token.isUsable(at: now),
                  try await SignedRecords.tokenIsRecorded(token, digest: digest, tx, checked: verifiedSignatures),
                  let reviewer = try await tx.reviewer(token.handle), reviewer.active else { return nil }
            return reviewer
        }
    }
}
