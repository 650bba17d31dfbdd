import Foundation

// MARK: - Two-factor logins
//
// A second factor guards the web desk's login: a code from an authenticator app (TOTP) or
// one of ten single-use recovery codes, asked after the password. Turning it on or off is
// an event; the secret and the codes never are. The rules are TwoFactorRules'.

/// What `2fa enable` hands a person once: the URI for their authenticator app and their
/// recovery codes. The desk keeps the secret and the codes' digests only.
public struct TwoFactorEnrollment: Sendable {
    public var handle: String
    public var uri: String
    public var recoveryCodes: [String]
}

/// What a reviewer's stored second factor holds: its secret and the last step a code was used for.
struct StoredSecondFactor {
    var secret: String
    var lastStep: Int64
}

extension Logins {
    /// Turns on a second factor for a reviewer, replacing any they had: a new secret and ten
    /// new recovery codes, returned once. Ends the reviewer's web sessions, so that a session
    /// opened with a stolen password before does not outlive it.
    public func enableTwoFactor(for handle: String, by actor: String) async throws -> TwoFactorEnrollment {
        let codes = OneTimeCodes.random()
        let recovery = RecoveryCodes.random()
        let digests = recovery.map { RecoveryCodes.digest($0, handle: handle) }
        return try await storage.writing { tx in
            let acting = try await tx.activeReviewer(actor)
            try TwoFactorRules.check(.enable, actor: acting, target: handle)
            _ = try await tx.activeReviewer(handle)
            let now = clock()
            try await tx.setSecondFactor(secret: codes.secret, recoveryDigests: digests, of: handle, at: now)
            try await tx.deleteSessions(of: handle)
            try await tx.record(AuditEvent(at: now, actor: actor,
                                     .twoFactorEnable(.init(handle: handle))), signer)
            let desk = try await tx.desk()?.name ?? "desk"
            return TwoFactorEnrollment(handle: handle, uri: codes.uri(desk: desk, handle: handle), recoveryCodes: recovery)
        }
    }

    /// Turns a reviewer's second factor off: themselves, or an editor for anyone.
    public func disableTwoFactor(for handle: String, by actor: String) async throws {
        try await storage.writing { tx in
            let acting = try await tx.activeReviewer(actor)
            try TwoFactorRules.check(.disable, actor: acting, target: handle)
            guard try await tx.reviewer(handle) != nil else { throw DeskError.reviewerNotFound(handle) }
            guard try await tx.hasSecondFactor(handle) else { throw AccessError.noSecondFactor(handle) }
            try await tx.removeSecondFactor(of: handle)
            try await tx.record(AuditEvent(at: clock(), actor: actor,
                                     .twoFactorDisable(.init(handle: handle))), signer)
        }
    }

    /// Whether a reviewer logs in with a second factor.
    public func hasTwoFactor(_ handle: String) async throws -> Bool {
        try await storage.reading { try await $0.hasSecondFactor(handle) }
    }

    /// The second half of a login, after its password was right: the reviewer's code, or
    /// one of their unused recovery codes, when they have a second factor; when they have
    /// none, whether `requirement` lets them in. A refusal counts toward the lockouts.
    func checkSecondFactor(handle: String, code: String?, requirement: TwoFactorRequirement?,
                           failureKeys: [String]) async throws {
        let typed = (code ?? "").trimmingWhitespace()
        let refusal = try await storage.writing { tx -> AccessError? in
            guard let stored = try await tx.secondFactor(of: handle) else {
                guard let requirement, let reviewer = try await tx.reviewer(handle), requirement.covers(reviewer.role) else { return nil }
                return .secondFactorRequired(requirement)
            }
            guard !typed.isEmpty else { return .secondFactorMissing }
            if OneTimeCodes.looksLikeCode(typed) {
                guard let step = OneTimeCodes(secret: stored.secret).matchingStep(typed, at: clock(), after: stored.lastStep),
                      try await tx.useStep(step, of: handle) else { return .wrongSecondFactor }
                return nil
            }
            guard typed.utf8.count <= 64,
                  try await tx.useRecoveryCode(RecoveryCodes.digest(typed, handle: handle), of: handle, at: clock()) else {
                return .wrongSecondFactor
            }
            return nil
        }
        if let refusal {
            try await recordFailure(failureKeys)
            throw refusal
        }
    }
}
