import Foundation

/// Which addresses a page may turn into links: http and https only, so that a
/// `javascript:` or `data:` address stored as a source's URL or as evidence stays text.
public enum WebLink {
    /// The address as a link target, or nil when it must be shown as text.
    public static func href(_ address: String) -> String? {
        let lower = address.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              let url = URL(string: address), url.host?.isEmpty == false else { return nil }
        return address
    }
}
