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

    /// Whether a text is written as an address with a scheme (`javascript:...`, `ftp://...`),
    /// rather than as a citation (`تقرير الوكالة، 2025`, `Reuters: the report`).
    public static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon > text.startIndex else { return false }
        let scheme = text[..<colon], after = text[text.index(after: colon)...]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+.-".unicodeScalars.contains($0)) })
        else { return false }
        return after.first.map { !$0.isWhitespace } ?? false
    }

    /// A source's address or an address given as evidence: http or https, with a host.
    static func check(_ address: String, what: String) throws(DeskError) {
        guard href(address) != nil else {
            throw .invalidValue("\(what) \(address) is not an http or https address; give one that starts with https://")
        }
    }
}
