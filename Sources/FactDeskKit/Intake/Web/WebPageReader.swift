import Foundation

// Placeholder with the reader's contract, replaced by the libxml2 reader.
public struct WebArticle: Sendable, Equatable {
    public var text: String
    public var title: String?
    public var outlet: String?
    public var publishedOn: String?
    public var language: String?
    public var canonicalURL: String?
}

public enum WebPageReader {
    public static func article(from body: Data, contentType: String?, url: String) throws(DeskError) -> WebArticle {
        let text = String(decoding: body, as: UTF8.self)
        let paragraphs = text.components(separatedBy: "<p>").dropFirst().map { $0.components(separatedBy: "</p>")[0] }
        guard !paragraphs.isEmpty else { throw .invalidValue("the page at \(url) has no article text") }
        return WebArticle(text: paragraphs.joined(separator: "\n\n"))
    }
}
