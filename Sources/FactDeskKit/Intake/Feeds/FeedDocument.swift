import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The items of a news feed: RSS 2.0, Atom 1.0 or JSON Feed, told apart by their content.
///
/// XML is read with FoundationXML's `XMLParser`, external entities never resolved (no file
/// or address a feed names is ever opened) and no DTD loaded. Only what the desk needs is
/// read: each item's link, title and date. An item without an http(s) link is left out.
public struct FeedDocument: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var link: String
        public var title: String?
        public var published: String?
    }

    public enum Format: String, Sendable { case rss, atom, json }

    public var format: Format
    public var title: String?
    public var items: [Item]

    /// Reads a feed; throws ``DeskError/invalidFeed(url:reason:)`` for anything else.
    public static func read(_ body: Data, url: String) throws(DeskError) -> FeedDocument {
        let start = body.prefix(512).drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if start.first == UInt8(ascii: "{") { return try json(body, url: url) }
        // A feed needs no document type; its entities are how a small file expands into a huge
        // one (the parser expands internal entities), so a DTD is refused before parsing.
        if body.range(of: Data("<!DOCTYPE".utf8)) != nil || body.range(of: Data("<!ENTITY".utf8)) != nil
            || body.range(of: Data("<!doctype".utf8)) != nil {
            throw .invalidFeed(url: url, reason: .documentType)
        }
        let parser = XMLParser(data: body)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let reader = XMLFeedReader()
        parser.delegate = reader
        let parsed = parser.parse()
        let error = reader.error ?? parser.parserError
        guard parsed, error == nil, reader.depth == 0, let format = reader.format else {
            let reason: FeedProblem = reader.format == nil ? .notAFeed : .malformedXML(libxml2Error: error.map { ($0 as NSError).code })
            throw .invalidFeed(url: url, reason: reason)
        }
        return FeedDocument(format: format, title: reader.feedTitle, items: resolved(reader.items, base: url))
    }

    private static func json(_ body: Data, url: String) throws(DeskError) -> FeedDocument {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              let version = object["version"] as? String, version.hasPrefix("https://jsonfeed.org/version/") else {
            throw .invalidFeed(url: url, reason: .notJSONFeed)
        }
        let items = (object["items"] as? [[String: Any]] ?? []).compactMap { item -> Item? in
            guard let link = (item["url"] as? String) ?? (item["external_url"] as? String) else { return nil }
            return Item(link: link, title: item["title"] as? String, published: item["date_published"] as? String)
        }
        return FeedDocument(format: .json, title: object["title"] as? String, items: resolved(items, base: url))
    }

    /// Links made absolute against the feed's address, http(s) only, each once.
    private static func resolved(_ items: [Item], base: String) -> [Item] {
        var seen: Set<String> = []
        return items.compactMap { item in
            let trimmed = item.link.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let absolute = URL(string: trimmed, relativeTo: URL(string: base))?.absoluteURL,
                  ["http", "https"].contains(absolute.scheme?.lowercased() ?? ""), absolute.host != nil,
                  seen.insert(absolute.absoluteString).inserted else { return nil }
            var item = item
            item.link = absolute.absoluteString
            item.title = item.title?.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return item
        }
    }
}

/// Why a document is not a feed FactDesk reads.
public enum FeedProblem: Sendable, Equatable {
    /// It declares a document type, which a feed does not need and which can expand it.
    case documentType
    /// It is neither RSS, Atom nor JSON Feed.
    case notAFeed
    /// Its XML is malformed: the parser's error code, or nil for elements left unclosed.
    case malformedXML(libxml2Error: Int?)
    /// It is JSON without a jsonfeed.org version.
    case notJSONFeed

    /// The sentence that refuses the feed at `url` for this reason.
    func message(url: String) -> CatalogMessage {
        switch self {
        case .documentType: CatalogMessage("error_feed_document_type", ["url": url])
        case .notAFeed: CatalogMessage("error_feed_not_a_feed", ["url": url])
        case .malformedXML(let code?): CatalogMessage("error_feed_malformed_xml", ["url": url, "code": String(code)])
        case .malformedXML(nil): CatalogMessage("error_feed_unclosed_xml", ["url": url])
        case .notJSONFeed: CatalogMessage("error_feed_not_json_feed", ["url": url])
        }
    }
}

/// Collects items from RSS's `<item>` and Atom's `<entry>`, by element name without prefix.
private final class XMLFeedReader: NSObject, XMLParserDelegate {
    var format: FeedDocument.Format?
    var feedTitle: String?
    var items: [FeedDocument.Item] = []
    private var current: (link: String?, title: String?, published: String?, guid: String?, guidIsLink: Bool)?
    private var text = ""
    /// How deep the parser is: 0 again at the end of a well-formed document.
    private(set) var depth = 0
    private(set) var error: (any Error)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if error == nil { error = parseError }
    }

    private static func local(_ name: String) -> String {
        String(name.split(separator: ":").last ?? Substring(name)).lowercased()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        let element = Self.local(name)
        if depth == 1 {
            switch element {
            case "rss", "rdf": format = .rss
            case "feed": format = .atom
            default: parser.abortParsing()
            }
        }
        text = ""
        switch element {
        case "item", "entry": current = (nil, nil, nil, nil, false)
        case "link" where format == .atom && current != nil:
            let relation = attributes["rel"] ?? "alternate"
            if relation == "alternate", let href = attributes["href"] { current?.link = href }
        case "guid": current?.guidIsLink = attributes["isPermaLink"]?.lowercased() != "false"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if text.utf8.count < 64 * 1024 { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if text.utf8.count < 64 * 1024 { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        let element = Self.local(name)
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard current != nil else {
            if element == "title", feedTitle == nil, !value.isEmpty { feedTitle = value }
            return
        }
        switch element {
        case "link" where format == .rss && !value.isEmpty: current?.link = value
        case "title": current?.title = value
        case "guid": current?.guid = value
        case "pubdate", "published", "updated", "date": if current?.published == nil { current?.published = value }
        case "item", "entry":
            if let entry = current, let link = entry.link ?? (entry.guidIsLink ? entry.guid : nil) {
                items.append(.init(link: link, title: entry.title, published: entry.published))
            }
            current = nil
        default: break
        }
        text = ""
    }
}
