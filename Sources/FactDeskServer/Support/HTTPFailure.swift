import FactDeskKit
import Hummingbird
import NIOCore
import NIOHTTP1

/// A refusal of the server's own: a body too large, a form that is not UTF-8, a missing
/// CSRF token, a page that does not exist.
struct HTTPFailure: Error, CustomStringConvertible {
    var status: HTTPResponse.Status
    var description: String

    static func badRequest(_ message: String) -> HTTPFailure { .init(status: .badRequest, description: message) }
    static func forbidden(_ message: String) -> HTTPFailure { .init(status: .forbidden, description: message) }
    static let notFound = HTTPFailure(status: .notFound, description: "there is no such page on this desk")
    static func tooLarge(_ limit: Int) -> HTTPFailure {
        .init(status: .contentTooLarge, description: "the request is over \(limit) bytes; send less")
    }
}

/// The HTTP status and the error kind that answer a failure, matching the command line's
/// exit codes: 400 invalid input or malformed HTTP, 401 not logged in, 403 not allowed, 404 not
/// found, 409 a transition not allowed or a claim changed, 413 too large, 421 another host,
/// 429 locked out, 503 busy.
enum FailureResponse {
    static func status(for error: any Error) -> HTTPResponse.Status {
        switch error {
        case let failure as HTTPFailure: return failure.status
        case let access as AccessError:
            switch access {
            case .lockedOut: return .tooManyRequests
            case .wrongCredentials, .notLoggedIn, .secondFactorMissing, .wrongSecondFactor: return .unauthorized
            default: break
            }
        case is NIOTooManyBytesError: return .contentTooLarge
        case is HTTPParserError: return .badRequest
        case let http as any HTTPResponseError: return http.status
        default: break
        }
        guard let desk = error as? any FactDeskError else { return .internalServerError }
        if case DeskError.tooManyTips = error { return .tooManyRequests }
        switch desk.kind {
        case .usage, .invalidInput: return .badRequest
        case .notFound: return .notFound
        case .transitionNotAllowed, .conflict: return .conflict
        case .permissionDenied: return .forbidden
        case .storeBusy: return .serviceUnavailable
        // The page named could not be fetched: the fault is upstream of the desk.
        case .unavailable: return .badGateway
        case .storeUnusable, .tampered: return .internalServerError
        }
    }

    /// The one-line reason shown to the person; an unexpected error is not described.
    static func message(for error: any Error) -> String {
        switch error {
        case let failure as HTTPFailure: failure.description
        case let desk as any FactDeskError: desk.description
        case is NIOTooManyBytesError: "the request is too large; send less"
        case let parse as HTTPParserError: "the request is not well-formed HTTP (\(parse)); send it again whole"
        case let http as HTTPError:
            http.status == .notFound ? HTTPFailure.notFound.description : http.body ?? "the request was refused"
        default: "the desk could not do that; the server's log says why"
        }
    }

    /// The `kind` of an API error body.
    static func kind(for error: any Error) -> String {
        switch status(for: error) {
        case .badRequest: "invalid_input"
        case .unauthorized: "not_logged_in"
        case .forbidden: "not_allowed"
        case .notFound: "not_found"
        case .conflict: (error as? any FactDeskError)?.kind == .conflict ? "conflict" : "transition_not_allowed"
        case .contentTooLarge: "too_large"
        case .misdirectedRequest: "wrong_host"
        case .tooManyRequests: "locked_out"
        case .serviceUnavailable: "busy"
        default: "internal"
        }
    }
}
