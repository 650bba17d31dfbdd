extension EnglishCatalog {
    /// The English strings of the mail part.
    static let mail: [String: String] = [:]
}
