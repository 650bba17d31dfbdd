extension EnglishCatalog {
    /// The English strings of the time part.
    static let time: [String: String] = [:]
}
