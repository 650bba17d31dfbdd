extension EnglishCatalog {
    /// The English strings of the errors part.
    static let errors: [String: String] = [:]
}
