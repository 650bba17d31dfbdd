extension ArabicCatalog {
    /// The Arabic strings of the mail part.
    static let mail: [String: String] = [:]
}
