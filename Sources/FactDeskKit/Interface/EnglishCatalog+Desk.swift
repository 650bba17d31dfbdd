extension EnglishCatalog {
    /// The English strings of the desk part.
    static let desk: [String: String] = [:]
}
