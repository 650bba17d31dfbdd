import Foundation

/// An article read from a web page.
///
/// The fetching and the storing happen elsewhere; this is what lies between them, so it holds
/// only what a page says about itself.
public struct WebArticle: Sendable, Equatable {
    /// The article's body, paragraphs separated by "\n\n".
    public var text: String
    public var title: String?
    /// og:site_name, else JSON-LD publisher.name.
    public var outlet: String?
    /// YYYY-MM-DD from article:published_time, JSON-LD datePublished, or `<time datetime>`.
    public var publishedOn: String?
    /// Two or three lowercase letters from `<html lang>`, JSON-LD inLanguage, or og:locale.
    public var language: String?
    /// `<link rel=canonical>`, else og:url, made absolute against the page's URL.
    public var canonicalURL: String?

    public init(
        text: String, title: String? = nil, outlet: String? = nil, publishedOn: String? = nil,
        language: String? = nil, canonicalURL: String? = nil
    ) {
        self.text = text
        self.title = title
        self.outlet = outlet
        self.publishedOn = publishedOn
        self.language = language
        self.canonicalURL = canonicalURL
    }
}
