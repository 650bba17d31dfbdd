extension EnglishCatalog {
    /// The English strings of the report part.
    static let report: [String: String] = [:]
}
