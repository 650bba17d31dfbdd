extension ArabicCatalog {
    /// The Arabic strings of the time part.
    static let time: [String: String] = [:]
}
