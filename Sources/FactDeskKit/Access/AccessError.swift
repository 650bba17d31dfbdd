/// Why a login, a session or an API token was refused, or a password not accepted.
///
/// The messages never say whether a handle exists: a wrong handle and a wrong password
/// read the same.
public enum AccessError: FactDeskError, Equatable {
    case wrongCredentials
    case lockedOut(minutes: Int)
    case weakPassword(String)
    case notLoggedIn
    case tokenNotFound(Int64)
    case passwordPredatesDigests
    case secondFactorMissing
    case wrongSecondFactor
    case secondFactorRequired(TwoFactorRequirement)
    case noSecondFactor(String)

    public var kind: FailureKind {
        switch self {
        case .wrongCredentials, .lockedOut, .notLoggedIn, .passwordPredatesDigests, .secondFactorMissing, .wrongSecondFactor,
             .secondFactorRequired: .permissionDenied
        case .noSecondFactor: .notFound
        case .weakPassword: .invalidInput
        case .tokenNotFound: .notFound
        }
    }

    public var description: String {
        switch self {
        case .wrongCredentials:
            "wrong handle or password; check both, or ask an editor to set a new password"
        case .lockedOut(let minutes):
            "too many failed logins; try again in \(minutes) minute\(minutes == 1 ? "" : "s")"
        case .weakPassword(let reason):
            reason
        case .notLoggedIn:
            "you are not logged in, or your session ended; log in again"
        case .passwordPredatesDigests:
            "this password was set before the desk recorded what each password is; set it again with `factdesk reviewer password`, then log in"
        case .tokenNotFound(let id):
            "no API token \(id) of yours; `factdesk token list` shows them"
        case .secondFactorMissing:
            "this login needs a code: type the six digits your authenticator app shows, or an unused recovery code"
        case .wrongSecondFactor:
            "wrong or already used code; type the app's current six digits, or an unused recovery code"
        case .secondFactorRequired(let requirement):
            "this desk requires two-factor logins for \(requirement == .all ? "everyone" : "editors"); "
                + "turn yours on with `factdesk 2fa enable`, or ask an editor to, then log in with a code"
        case .noSecondFactor(let handle):
            "\(handle) has no two-factor login to turn off; `factdesk 2fa enable \(handle)` turns one on"
        }
    }
}
