import Foundation

/// Reads an article's text and its metadata out of a web page.
///
/// The text is the page's schema.org JSON-LD `articleBody` when it has one (NewsArticle,
/// Article, ReportageNewsArticle and kin). Otherwise the block that holds most of the
/// page's prose: paragraphs are scored by length and punctuation, Latin and Arabic, and
/// credited to the element that holds them; elements whose class or id says navigation,
/// comments, sharing or "read also" are passed over, as are paragraphs that are mostly
/// links, and `<article>`/`<main>` count for more.
public enum WebPageReader {
    public static func article(from body: Data, contentType: String?, url: String) throws(DeskError) -> WebArticle {
        let html = try PageCharset.decode(body, contentType: contentType)
        guard let root = HTMLNode.parse(html, url: url) else { throw .noArticleText(url: url) }
        let linked = LinkedData(root)
        let meta = Metadata(root)
        let text = linked.articleBody.map(paragraphs(of:)) ?? MainText.paragraphs(in: root)
        let joined = text.joined(separator: "\n\n")
        guard joined.count >= 100 else { throw .noArticleText(url: url) }
        return WebArticle(
            text: joined,
            title: (linked.headline ?? meta["og:title"] ?? meta.title).map(collapse),
            outlet: (meta["og:site_name"] ?? linked.publisher).map(collapse),
            publishedOn: (meta["article:published_time"] ?? linked.datePublished ?? meta.time).flatMap(day),
            language: (meta.language ?? linked.language ?? meta["og:locale"]).flatMap(languageCode),
            canonicalURL: (meta.canonical ?? meta["og:url"]).flatMap { URL(string: $0, relativeTo: URL(string: url))?.absoluteString })
    }

    /// A JSON-LD body's paragraphs: its lines, white space collapsed. Some sites put HTML in it:
    /// then the blocks of that markup (`<p>`s, `<br>`s), or its lines with `&quot;` and kin decoded.
    static func paragraphs(of body: String) -> [String] {
        let tagged = body.range(of: "</?[a-zA-Z][^<>]*>", options: .regularExpression) != nil
        let escaped = body.range(of: "&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);", options: .regularExpression) != nil
        guard tagged || escaped else { return body.components(separatedBy: .newlines).map(collapse).filter { !$0.isEmpty } }
        let markup = tagged ? body : body.components(separatedBy: .newlines).joined(separator: "<br>")
        guard let root = HTMLNode.parse("<html><body>" + markup + "</body></html>", url: "about:blank") else { return [] }
        return MainText.blocks(in: root).blocks.map(\.text)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The YYYY-MM-DD that an ISO 8601 date or moment begins with.
    static func day(_ text: String) -> String? {
        let prefix = String(text.trimmingCharacters(in: .whitespaces).prefix(10))
        return NewSource.isCalendarDate(prefix) ? prefix : nil
    }

    /// `ar`, from `ar`, `ar-EG` or `ar_AR`.
    static func languageCode(_ text: String) -> String? {
        let code = text.lowercased().prefix { $0.isLetter }
        return (2...3).contains(code.count) && code.allSatisfy(\.isASCII) ? String(code) : nil
    }
}

/// What a page's `<head>` says of it.
struct Metadata {
    private var values: [String: String] = [:]
    var title: String?
    var canonical: String?
    var language: String?
    var time: String?

    init(_ root: HTMLNode) {
        language = root.attributes["lang"]
        for element in root.elements(where: { ["meta", "link", "title", "time"].contains($0.name ?? "") }) {
            let attributes = element.attributes
            switch element.name {
            case "meta":
                if let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"])?.lowercased(),
                   let content = attributes["content"], values[key] == nil {
                    values[key] = content
                }
            case "link":
                if attributes["rel"]?.lowercased().split(separator: " ").contains("canonical") == true { canonical = attributes["href"] }
            case "title":
                if title == nil { title = element.text }
            case "time":
                if time == nil { time = attributes["datetime"] }
            default: break
            }
        }
    }

    subscript(key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }
}

/// The schema.org article a page describes in JSON-LD, if any.
struct LinkedData {
    var articleBody: String?
    var headline: String?
    var datePublished: String?
    var publisher: String?
    var language: String?

    static let articleTypes: Set<String> = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                                            "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "Report"]

    init(_ root: HTMLNode) {
        let scripts = root.elements { $0.name == "script" && $0.attributes["type"]?.lowercased().contains("ld+json") == true }
        for script in scripts {
            let source = script.children.map { if case .text(let text) = $0 { text } else { "" } }.joined()
            guard let json = try? JSONSerialization.jsonObject(with: Data(source.utf8)) else { continue }
            for object in Self.objects(in: json) where Self.isArticle(object) {
                guard let body = object["articleBody"] as? String, !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    continue
                }
                articleBody = body
                headline = object["headline"] as? String
                datePublished = object["datePublished"] as? String
                language = object["inLanguage"] as? String
                let publisher = object["publisher"]
                self.publisher = (publisher as? [String: Any])?["name"] as? String ?? (publisher as? [[String: Any]])?.first?["name"] as? String
                return
            }
        }
    }

    /// Every object of a JSON-LD document: itself, the items of an array, those of `@graph`.
    static func objects(in json: Any) -> [[String: Any]] {
        if let array = json as? [Any] { return array.flatMap(objects) }
        guard let object = json as? [String: Any] else { return [] }
        return [object] + (object["@graph"].map(objects) ?? [])
    }

    static func isArticle(_ object: [String: Any]) -> Bool {
        let types = (object["@type"] as? [String]) ?? [(object["@type"] as? String) ?? ""]
        return types.contains { articleTypes.contains($0.replacingOccurrences(of: "schema:", with: "")) }
    }
}
