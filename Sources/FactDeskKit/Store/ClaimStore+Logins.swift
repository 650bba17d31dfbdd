import Foundation
import GRDB

// MARK: - Passwords, sessions and API tokens
//
// The rules (what a password must be, how long a session lives, when a lockout starts)
// are in Access/; this file holds the SQL that keeps them.

extension ClaimStore {
    /// Sets a reviewer's password: editors for anyone, a reviewer for themselves. Ends
    /// every session of that reviewer; the change is an event, the hash never is.
    public func setPassword(_ password: String, for handle: String, by actor: String,
                            cost: UInt8 = PasswordPolicy.defaultCost) throws {
        try PasswordPolicy.check(password, handle: handle)
        // bcrypt is slow on purpose: hash before taking the write lock.
        let hash = PasswordPolicy.hash(password, cost: cost)
        try write { db in
            let acting = try activeReviewer(actor, in: db)
            if acting.handle != handle && acting.role != .editor {
                throw DeskError.editorOnly(actor: actor, action: "set another reviewer's password")
            }
            guard try Reviewer.filter(Reviewer.Columns.handle == handle).fetchCount(db) > 0 else {
                throw DeskError.reviewerNotFound(handle)
            }
            let now = clock()
            try db.execute(sql: """
                INSERT INTO credential (handle, password_hash, set_at) VALUES (?, ?, ?)
                ON CONFLICT(handle) DO UPDATE SET password_hash = excluded.password_hash, set_at = excluded.set_at
                """, arguments: [handle, hash, StoredTime.text(now)])
            try db.execute(sql: "DELETE FROM login_session WHERE handle = ?", arguments: [handle])
            try record(AuditEvent(at: now, actor: actor, action: AuditAction.reviewerPassword,
                                  details: EventDetails(handle: handle)), in: db)
        }
    }

    /// Whether a reviewer has a password, and so can log in to the web desk.
    public func hasPassword(_ handle: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM credential WHERE handle = ?", arguments: [handle]) ?? false
        }
    }

    /// Checks a handle and password and opens a session, or records the failure.
    ///
    /// Five failures for one handle, or from one address, within 15 minutes lock further
    /// attempts for 15 minutes, whoever tries. A wrong handle and a wrong password are
    /// refused alike, after the same bcrypt work.
    public func logIn(handle: String, password: String, address: String) throws -> NewLogin {
        let keys = ["handle:" + handle, "address:" + address]
        try checkLockout(keys)
        let stored = try read { db in
            try String.fetchOne(db, sql: """
                SELECT password_hash FROM credential JOIN reviewer USING (handle) WHERE handle = ? AND active
                """, arguments: [handle])
        }
        guard PasswordPolicy.matches(password, hash: stored ?? PasswordPolicy.decoy), stored != nil else {
            try recordFailure(keys)
            throw AccessError.wrongCredentials
        }
        let secret = Secret.random()
        let csrf = Secret.random().text
        let session = try write { db -> LoginSession in
            let reviewer = try activeReviewer(handle, in: db)
            let now = clock()
            try db.execute(sql: "DELETE FROM login_failure WHERE key = ?", arguments: [keys[0]])
            try db.execute(sql: "DELETE FROM login_session WHERE created_at < ?",
                           arguments: [StoredTime.text(now.addingTimeInterval(-LoginRules.absoluteTimeout))])
            try db.execute(sql: """
                INSERT INTO login_session (token_hash, handle, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [secret.digest, handle, csrf, StoredTime.text(now), StoredTime.text(now)])
            return LoginSession(reviewer: reviewer, csrf: csrf, createdAt: now, lastSeenAt: now)
        }
        return NewLogin(secret: secret, session: session)
    }

    private func checkLockout(_ keys: [String]) throws {
        let until = try read { db in
            try Date.fetchOne(db, sql: "SELECT max(until) FROM login_lock WHERE key IN (?, ?)", arguments: [keys[0], keys[1]])
        }
        if let until, until > clock() {
            throw AccessError.lockedOut(minutes: max(1, Int((until.timeIntervalSince(clock()) / 60).rounded(.up))))
        }
    }

    private func recordFailure(_ keys: [String]) throws {
        try write { db in
            let now = clock()
            let since = StoredTime.text(now.addingTimeInterval(-LoginRules.failureWindow))
            try db.execute(sql: "DELETE FROM login_failure WHERE at < ?", arguments: [since])
            for key in keys {
                try db.execute(sql: "INSERT INTO login_failure (key, at) VALUES (?, ?)", arguments: [key, StoredTime.text(now)])
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM login_failure WHERE key = ? AND at >= ?",
                                             arguments: [key, since]) ?? 0
                if count >= LoginRules.failureLimit {
                    try db.execute(sql: """
                        INSERT INTO login_lock (key, until) VALUES (?, ?)
                        ON CONFLICT(key) DO UPDATE SET until = excluded.until
                        """, arguments: [key, StoredTime.text(now.addingTimeInterval(LoginRules.lockout))])
                }
            }
        }
    }

    /// The open session a cookie's secret names, or nil when it is unknown, expired, or
    /// its reviewer deactivated. Notes its use at most once a minute.
    public func session(secret: String) throws -> LoginSession? {
        let digest = Secret(text: secret).digest
        let now = clock()
        let found = try read { db -> LoginSession? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT csrf, created_at, last_seen_at, handle FROM login_session WHERE token_hash = ?
                """, arguments: [digest]) else { return nil }
            guard let reviewer = try Reviewer.filter(Reviewer.Columns.handle == (row["handle"] as String)).fetchOne(db),
                  reviewer.active else { return nil }
            return LoginSession(reviewer: reviewer, csrf: row["csrf"], createdAt: row["created_at"], lastSeenAt: row["last_seen_at"])
        }
        guard var session = found, LoginRules.isOpen(created: session.createdAt, lastSeen: session.lastSeenAt, now: now) else {
            if found != nil { try logOut(secret: secret) }
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) >= LoginRules.touchInterval {
            try write { db in
                try db.execute(sql: "UPDATE login_session SET last_seen_at = ? WHERE token_hash = ?",
                               arguments: [StoredTime.text(now), digest])
            }
            session.lastSeenAt = now
        }
        return session
    }

    /// Ends the session a cookie's secret names.
    public func logOut(secret: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM login_session WHERE token_hash = ?", arguments: [Secret(text: secret).digest])
        }
    }

    /// Creates an API token for the acting reviewer; its secret is returned once.
    public func createToken(name: String?, expiresAt: Date?, by actor: String) throws -> (token: APIToken, secret: Secret) {
        let label = name?.trimmingWhitespace() ?? ""
        guard label.count <= 200, !label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw DeskError.invalidValue("a token's name is one line of at most 200 characters")
        }
        let secret = Secret.random(prefix: "fdt_")
        return try write { db in
            let reviewer = try activeReviewer(actor, in: db)
            let now = clock()
            let title = label.isEmpty ? "token" : label
            try db.execute(sql: """
                INSERT INTO api_token (name, token_hash, handle, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [title, secret.digest, reviewer.handle, StoredTime.text(now), expiresAt.map(StoredTime.text)])
            let token = APIToken(id: db.lastInsertedRowID, name: title, handle: reviewer.handle, createdAt: now,
                                 expiresAt: expiresAt)
            try record(AuditEvent(at: now, actor: actor, action: AuditAction.tokenCreate,
                                  details: EventDetails(handle: reviewer.handle, title: title)), in: db)
            return (token, secret)
        }
    }

    /// The acting reviewer's API tokens; an editor's list holds everyone's.
    public func tokens(visibleTo actor: String) throws -> [APIToken] {
        try read { db in
            let reviewer = try activeReviewer(actor, in: db)
            let everyone = reviewer.role == .editor
            return try Row.fetchAll(db, sql: """
                SELECT * FROM api_token WHERE ? OR handle = ? ORDER BY id
                """, arguments: [everyone, reviewer.handle]).map(Self.token)
        }
    }

    /// Revokes a token: its owner or an editor may.
    @discardableResult
    public func revokeToken(_ id: Int64, by actor: String) throws -> APIToken {
        try write { db in
            let reviewer = try activeReviewer(actor, in: db)
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE id = ?", arguments: [id]) else {
                throw AccessError.tokenNotFound(id)
            }
            var token = Self.token(row)
            guard token.handle == reviewer.handle || reviewer.role == .editor else { throw AccessError.tokenNotFound(id) }
            guard token.revokedAt == nil else { return token }
            let now = clock()
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ?", arguments: [StoredTime.text(now), id])
            token.revokedAt = now
            try record(AuditEvent(at: now, actor: actor, action: AuditAction.tokenRevoke,
                                  details: EventDetails(handle: token.handle, title: token.name)), in: db)
            return token
        }
    }

    /// The active reviewer an API token's secret stands for, or nil.
    public func reviewer(forToken secret: String) throws -> Reviewer? {
        let now = clock()
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_token WHERE token_hash = ?",
                                             arguments: [Secret(text: secret).digest]) else { return nil }
            guard Self.token(row).isUsable(at: now) else { return nil }
            guard let reviewer = try Reviewer.filter(Reviewer.Columns.handle == (row["handle"] as String)).fetchOne(db),
                  reviewer.active else { return nil }
            return reviewer
        }
    }

    private static func token(_ row: Row) -> APIToken {
        APIToken(id: row["id"], name: row["name"], handle: row["handle"], createdAt: row["created_at"],
                 expiresAt: row["expires_at"], revokedAt: row["revoked_at"])
    }
}
