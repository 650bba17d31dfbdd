/// Why a login, a session or an API token was refused, or a password not accepted.
///
/// The messages never say whether a handle exists: a wrong handle and a wrong password
/// read the same.
public enum AccessError: CatalogError, Equatable {
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
        case .weakPassword(let reason): reason
        default: englishText()
        }
    }

    public var catalogMessage: CatalogMessage? {
        switch self {
        case .wrongCredentials:
            CatalogMessage("error_wrong_credentials")
        case .lockedOut(let minutes):
            CatalogMessage("error_locked_out", count: minutes)
        case .weakPassword:
            nil
        case .notLoggedIn:
            CatalogMessage("error_not_logged_in")
        case .passwordPredatesDigests:
            CatalogMessage("error_password_predates_digests")
        case .tokenNotFound(let id):
            CatalogMessage("error_token_not_found", ["id": String(id)])
        case .secondFactorMissing:
            CatalogMessage("error_second_factor_missing")
        case .wrongSecondFactor:
            CatalogMessage("error_wrong_second_factor")
        case .secondFactorRequired(let requirement):
            CatalogMessage(requirement == .all ? "error_second_factor_required_all" : "error_second_factor_required_editors")
        case .noSecondFactor(let handle):
            CatalogMessage("error_no_second_factor", ["handle": handle])
        }
    }
}
