extension ArabicCatalog {
    /// The Arabic strings of the errors part.
    static let errors: [String: String] = [:]
}
