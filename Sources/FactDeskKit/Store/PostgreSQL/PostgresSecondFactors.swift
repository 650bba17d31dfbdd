import Foundation
import PostgresNIO

/// Second factors on PostgreSQL. Reviewers and editors see only who has one; the secret,
/// the last step and the recovery codes are the owner's (the server's), and a reviewer's
/// own `2fa enable` and `disable` go through the checked functions of the v12 migration.
extension PostgresTransaction {
    func hasSecondFactor(_ handle: String) async throws -> Bool {
        try await session.query("SELECT EXISTS (SELECT 1 FROM second_factor WHERE handle = $1) AS found", [.text(handle)])
            .first.map { try PGRow($0).bool("found") } ?? false
    }

    func secondFactorHandles() async throws -> [String] {
        try await session.query("SELECT handle FROM second_factor ORDER BY handle").map { try PGRow($0).text("handle") }
    }

    func secondFactor(of handle: String) async throws -> StoredSecondFactor? {
        try await session.query("SELECT secret, last_step FROM second_factor WHERE handle = $1", [.text(handle)]).first.map {
            let row = PGRow($0)
            return StoredSecondFactor(secret: try row.text("secret"), lastStep: try row.int("last_step"))
        }
    }

    func setSecondFactor(secret: String, recoveryDigests: [String], of handle: String, at: Date) async throws {
        try await session.query("SELECT factdesk_set_second_factor($1, $2, $3, $4)",
                                [.text(handle), .text(secret), .text(recoveryDigests.joined(separator: ",")), .time(at)])
    }

    func removeSecondFactor(of handle: String) async throws {
        try await session.query("SELECT factdesk_clear_second_factor($1)", [.text(handle)])
    }

    func useStep(_ step: Int64, of handle: String) async throws -> Bool {
        !(try await session.query("""
            UPDATE second_factor SET last_step = $1 WHERE handle = $2 AND last_step < $1 RETURNING handle
            """, [.integer(step), .text(handle)])).isEmpty
    }

    func useRecoveryCode(_ digest: String, of handle: String, at: Date) async throws -> Bool {
        !(try await session.query("""
            UPDATE recovery_code SET used_at = $1 WHERE handle = $2 AND digest = $3 AND used_at IS NULL RETURNING handle
            """, [.time(at), .text(handle), .text(digest)])).isEmpty
    }
}
