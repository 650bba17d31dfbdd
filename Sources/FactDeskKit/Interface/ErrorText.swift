/// One sentence of the catalog an error says: its key, its values and, for a counted
/// sentence, the number that chooses its plural form.
public struct CatalogMessage: Sendable, Equatable {
    /// The catalog key of the sentence (for a counted one, without its `#category`).
    public var key: String
    /// The sentence's `{name}` values, numbers written as plain digits.
    public var values: [String: String]
    /// The number a counted sentence agrees with, written as `{n}`; nil for a plain one.
    public var count: Int?

    public init(_ key: String, _ values: [String: String] = [:], count: Int? = nil) {
        self.key = key
        self.values = values
        self.count = count
    }

    /// The sentence in `localizer`'s language.
    public func text(in localizer: Localizer) -> String {
        if let count { return localizer.count(key, count, values) }
        return localizer.text(key, values)
    }
}

/// An error whose sentences live in the catalog, so that the web desk can say them in the
/// reader's language and the command line in English.
///
/// A case whose whole sentence is free text (a server's own words, a message built by
/// its caller) gives no catalog message: ``FactDeskError/message(in:)`` then says its
/// kind instead, in every language but English.
public protocol CatalogError: FactDeskError {
    /// The catalog sentence of this error, or nil when its sentence is free text.
    var catalogMessage: CatalogMessage? { get }
}

extension CatalogError {
    /// The English sentence, as the command line prints it: the catalog's, or `freeText`
    /// for a case that has none.
    func englishText(or freeText: String = "") -> String {
        catalogMessage?.text(in: .english) ?? freeText
    }
}

extension FactDeskError {
    /// What went wrong, in the reader's language.
    ///
    /// An error with a catalog sentence says it; any other says its ``description`` in
    /// English and, in another language, one sentence for its kind of failure.
    public func message(in localizer: Localizer) -> String {
        if let error = self as? any CatalogError, let message = error.catalogMessage {
            return message.text(in: localizer)
        }
        if localizer.language == .en { return description }
        return localizer.text(kind.sentenceKey)
    }
}

extension FailureKind {
    /// The catalog key of the one sentence that says this kind of failure.
    public var sentenceKey: String {
        switch self {
        case .usage: "error_kind_usage"
        case .notFound: "error_kind_not_found"
        case .transitionNotAllowed: "error_kind_transition_not_allowed"
        case .permissionDenied: "error_kind_permission_denied"
        case .invalidInput: "error_kind_invalid_input"
        case .conflict: "error_kind_conflict"
        case .storeBusy: "error_kind_store_busy"
        case .storeUnusable: "error_kind_store_unusable"
        case .tampered: "error_kind_tampered"
        case .unavailable: "error_kind_unavailable"
        }
    }
}
