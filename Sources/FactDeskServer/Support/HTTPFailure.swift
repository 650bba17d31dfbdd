import FactDeskKit
import Hummingbird
import NIOCore
import NIOHTTP1

/// A refusal of the server's own: a body too large, a form that is not UTF-8, a missing
/// CSRF token, a page that does not exist.
struct HTTPFailure: Error, CustomStringConvertible {
    var status: HTTPResponse.Status
    /// The catalog's key of the refusal's sentence, and its values.
    var key: String
    var values: [String: String] = [:]

    /// The sentence in English, as the API and the server's log give it.
    var description: String { Localizer.english.text(key, values) }

    /// The sentence in the reader's language.
    func message(in l: Localizer) -> String { l.text(key, values) }

    static func badRequest(_ key: String, _ values: [String: String] = [:]) -> HTTPFailure {
        .init(status: .badRequest, key: key, values: values)
    }
    static func forbidden(_ key: String, _ values: [String: String] = [:]) -> HTTPFailure {
        .init(status: .forbidden, key: key, values: values)
    }
    static let notFound = HTTPFailure(status: .notFound, key: "refusal_no_such_page")
    static func tooLarge(_ limit: Int) -> HTTPFailure {
        .init(status: .contentTooLarge, key: "refusal_too_large", values: ["limit": String(limit)])
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

    /// The one-line reason shown to the person, in their language; an unexpected error is
    /// not described.
    static func message(for error: any Error, in l: Localizer = .english) -> String {
        switch error {
        case let failure as HTTPFailure: failure.message(in: l)
        case let desk as any FactDeskError: desk.message(in: l)
        case is NIOTooManyBytesError: l.text("refusal_too_large_unsized")
        case let parse as HTTPParserError: l.text("refusal_malformed_http", ["problem": "\(parse)"])
        case let http as HTTPError:
            http.status == .notFound ? HTTPFailure.notFound.message(in: l) : l.language == .en ? http.body ?? l.text("refusal_refused")
                : l.text("refusal_refused")
        default: l.text("refusal_unexpected")
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
