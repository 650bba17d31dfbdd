import HTTPTypes
import Hummingbird

/// The headers the desk reads or sets that HTTPTypes has no name for.
enum HeaderNames {
    static let csrfToken = "X-CSRF-Token"
    static let forwardedFor = "X-Forwarded-For"
    static let referrerPolicy = "Referrer-Policy"
    static let frameOptions = "X-Frame-Options"
    /// Where a reconnecting Server-Sent Events client stopped.
    static let lastEventID = "Last-Event-ID"
}

extension HTTPFields {
    /// A header's value by its name, any case.
    subscript(named name: String) -> String? {
        get { HTTPField.Name(name).flatMap { self[$0] } }
        set { if let field = HTTPField.Name(name) { self[field] = newValue } }
    }
}
