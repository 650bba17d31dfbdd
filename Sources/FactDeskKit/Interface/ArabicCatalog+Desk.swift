extension ArabicCatalog {
    /// The Arabic strings of the desk part.
    static let desk: [String: String] = [:]
}
