extension FactDeskError {
    /// The error's sentence for a reader (until every error speaks from the catalog).
    public func message(in localizer: Localizer) -> String { description }
}
