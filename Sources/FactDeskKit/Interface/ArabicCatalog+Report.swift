extension ArabicCatalog {
    /// The Arabic strings of the report part.
    static let report: [String: String] = [:]
}
