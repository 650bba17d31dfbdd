import Foundation
import GRDB

/// Second factors on the desk file: the TOTP secret, the last step used, and recovery codes' digests.
extension SQLiteTransaction {
    func hasSecondFactor(_ handle: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM second_factor WHERE handle = ?)", arguments: [handle]) ?? false
    }

    func secondFactorHandles() throws -> [String] {
        try String.fetchAll(db, sql: "SELECT handle FROM second_factor ORDER BY handle")
    }

    func secondFactor(of handle: String) throws -> StoredSecondFactor? {
        try Row.fetchOne(db, sql: "SELECT secret, last_step FROM second_factor WHERE handle = ?", arguments: [handle])
            .map { StoredSecondFactor(secret: $0["secret"], lastStep: $0["last_step"]) }
    }

    func setSecondFactor(secret: String, recoveryDigests: [String], of handle: String, at: Date) throws {
        try removeSecondFactor(of: handle)
        try db.execute(sql: "INSERT INTO second_factor (handle, secret, last_step, enabled_at) VALUES (?, ?, 0, ?)",
                       arguments: [handle, secret, StoredTime.text(at)])
        for digest in recoveryDigests {
            try db.execute(sql: "INSERT INTO recovery_code (handle, digest) VALUES (?, ?)", arguments: [handle, digest])
        }
    }

    func removeSecondFactor(of handle: String) throws {
        try db.execute(sql: "DELETE FROM recovery_code WHERE handle = ?", arguments: [handle])
        try db.execute(sql: "DELETE FROM second_factor WHERE handle = ?", arguments: [handle])
    }

    func useStep(_ step: Int64, of handle: String) throws -> Bool {
        try db.execute(sql: "UPDATE second_factor SET last_step = ? WHERE handle = ? AND last_step < ?",
                       arguments: [step, handle, step])
        return db.changesCount == 1
    }

    func useRecoveryCode(_ digest: String, of handle: String, at: Date) throws -> Bool {
        try db.execute(sql: "UPDATE recovery_code SET used_at = ? WHERE handle = ? AND digest = ? AND used_at IS NULL",
                       arguments: [StoredTime.text(at), handle, digest])
        return db.changesCount == 1
    }
}
