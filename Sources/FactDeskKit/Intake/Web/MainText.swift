import Foundation

/// The prose of a page without JSON-LD: the paragraphs of the element that holds the most of it.
enum MainText {
    /// Elements whose content is never the article.
    static let furniture: Set<String> = ["script", "style", "noscript", "template", "nav", "footer", "header", "aside",
                                         "form", "button", "select", "iframe", "svg", "figcaption", "figure", "menu",
                                         "amp-sidebar", "amp-social-share", "amp-ad", "h1"]
    /// Words in a class or id that mark the site's furniture, and those that mark the article.
    /// Embedded posts (a tweet's `<blockquote class="twitter-tweet">`), video embeds and pull
    /// quotes, which repeat a sentence of the article, are furniture too.
    static let negative = ["comment", "footer", "nav", "menu", "share", "social", "related", "read-more", "readmore",
                           "read-also", "readalso", "sidebar", "widget", "advert", "promo", "caption", "breadcrumb",
                           "newsletter", "tags", "cookie", "banner", "ticker", "popup", "subscribe", "most-read",
                           "author-box", "more-news", "recommend", "twitter-tweet", "instagram-media", "tiktok-embed",
                           "embed", "pull-quote", "pullquote", "disclaimer"]
    static let positive = ["article", "content", "story", "entry", "post-body", "text", "main", "body", "matn", "khabar",
                           "details", "news-text"]
    /// What an inline "read also" item begins with, in Arabic and English.
    static let readAlso = ["اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ ايضا", "شاهد أيضا", "شاهد أيضاً",
                           "مواضيع ذات صلة", "اقرأ المزيد", "Read also", "Read more"]

    struct Block {
        var text: String
        var linkCharacters: Int
        var ancestors: [Int]
    }

    /// How much of a paragraph's score goes to the element holding it, to that element's
    /// parent and to its grandparent: the last lets a live blog or a site that wraps each
    /// paragraph in its own `<div>` be read whole rather than one entry of it.
    static let shares: [Double] = [1, 1 / 2, 1 / 4]

    static func paragraphs(in root: HTMLNode) -> [String] {
        let blocks = self.blocks(in: root)
        var scores: [Int: Double] = [:]
        for block in blocks.blocks where block.text.count >= 25 && !isLinkList(block) {
            let punctuation = block.text.reduce(0) { $0 + (",،.؛:".contains($1) ? 1 : 0) }
            let score = 1 + Double(punctuation) + min(Double(block.text.count) / 100, 3)
            for (share, holder) in zip(shares, block.ancestors.reversed()) { scores[holder, default: 0] += score * share }
        }
        let weighted = scores.map { ($0.key, $0.value * (blocks.weights[$0.key] ?? 1)) }
        guard let best = weighted.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) })?.0 else { return [] }
        return blocks.blocks.filter { $0.ancestors.contains(best) && isProse($0) }.map(\.text)
    }

    /// Every block of text below the root that is not furniture, in document order, with the
    /// weight of each element that holds one.
    static func blocks(in root: HTMLNode) -> (blocks: [Block], weights: [Int: Double]) {
        var blocks: [Block] = []
        var weights: [Int: Double] = [:]
        var counter = 0
        collect(root, ancestors: [], into: &blocks, weights: &weights, counter: &counter)
        return (blocks, weights)
    }

    /// Whether a block of the chosen element reads as the article's: not a list of links, not a
    /// "read also" item, and not letterless (a live blog's "13:40", a counter).
    static func isProse(_ block: Block) -> Bool {
        !isLinkList(block) && !isReadAlso(block.text) && block.text.contains { $0.isLetter }
    }

    static func isLinkList(_ block: Block) -> Bool {
        Double(block.linkCharacters) > Double(block.text.count) * 0.5
    }

    static func isReadAlso(_ text: String) -> Bool {
        readAlso.contains { text.hasPrefix($0) }
    }

    /// Whether an element's class or id names the site's furniture.
    static func isFurniture(_ attributes: [String: String]) -> Bool {
        let hints = ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased()
        if hints.trimmingCharacters(in: .whitespaces).isEmpty { return false }
        if attributes["role"].map({ ["navigation", "complementary", "banner", "contentinfo"].contains($0) }) == true { return true }
        if hints.split(separator: " ").contains(where: isAdvertising) { return true }
        return negative.contains { hints.contains($0) } && !positive.contains { hints.contains("article-" + $0) || hints == $0 }
    }

    /// Whether one class or id names an advertisement: `ad`, `ads`, `ad-slot`, `top-ad`,
    /// `div-gpt-ad-1`, `adsbygoogle`; the letters "ad" inside a word (`header`, `read`) are not one.
    static func isAdvertising(_ token: Substring) -> Bool {
        token == "ad" || token == "ads" || token.hasPrefix("ad-") || token.hasPrefix("ads-") || token.hasPrefix("adsbygoogle")
            || token.hasSuffix("-ad") || token.hasSuffix("-ads") || token.contains("-ad-") || token.contains("-ads-")
    }

    private static func collect(_ node: HTMLNode, ancestors: [Int], into blocks: inout [Block],
                                weights: inout [Int: Double], counter: inout Int) {
        guard case .element(let name, let attributes, let children) = node else { return }
        if furniture.contains(name) || isFurniture(attributes) || attributes["hidden"] != nil { return }
        if name != "p" && isCaptionedImage(children) { return }
        counter += 1
        let id = counter
        let hints = ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "")).lowercased()
        var weight = positive.contains { hints.contains($0) } ? 1.5 : 1
        if name == "article" || name == "main" || attributes["itemprop"] == "articleBody" { weight *= 1.6 }
        weights[id] = weight
        let path = ancestors + [id]
        if ["p", "blockquote", "pre"].contains(name) {
            for run in runs(of: children) { blocks.append(Block(text: run.text, linkCharacters: run.links, ancestors: path)) }
            return
        }
        // Text standing directly in a block (an article written with <br>s), run by run.
        var inline: [HTMLNode] = []
        func flush() {
            for run in runs(of: inline) { blocks.append(Block(text: run.text, linkCharacters: run.links, ancestors: path)) }
            inline = []
        }
        for child in children {
            if case .element(let childName, _, _) = child, !inlineElements.contains(childName) {
                flush()
                collect(child, ancestors: path, into: &blocks, weights: &weights, counter: &counter)
            } else {
                inline.append(child)
            }
        }
        flush()
    }

    static let media: Set<String> = ["img", "picture", "amp-img", "video", "amp-video"]

    /// Whether an element holds an image and, beside it, one short line of text and nothing
    /// else: a caption that a site without `<figure>` and with meaningless classes writes as a
    /// `<span>` or bare text next to the `<img>`. (A `<p>` with an image in it is the article's:
    /// an emoji drawn as an `<img>`, say.)
    static func isCaptionedImage(_ children: [HTMLNode]) -> Bool {
        func hasMedia(_ node: HTMLNode) -> Bool {
            guard let name = node.name else { return false }
            return media.contains(name) || (inlineElements.contains(name) && node.children.contains(where: hasMedia))
        }
        guard children.contains(where: hasMedia),
              children.allSatisfy({ $0.name.map { media.contains($0) || inlineElements.contains($0) } ?? true }) else { return false }
        let lines = runs(of: children)
        return lines.count == 1 && lines[0].text.count <= 160
    }

    static let inlineElements: Set<String> = ["a", "b", "strong", "em", "i", "span", "br", "u", "small", "sup", "sub",
                                              "mark", "abbr", "cite", "q", "time", "font", "bdi", "bdo"]

    /// The paragraphs of inline content, split where a `<br>` breaks it, with how much of each is link text.
    private static func runs(of nodes: [HTMLNode]) -> [(text: String, links: Int)] {
        var runs: [(text: String, links: Int)] = []
        var current = "", links = 0
        func end() {
            let text = WebPageReader.collapse(current)
            if !text.isEmpty { runs.append((text, min(links, text.count))) }
            (current, links) = ("", 0)
        }
        func walk(_ node: HTMLNode, inLink: Bool) {
            switch node {
            case .text(let text):
                current += text
                if inLink { links += WebPageReader.collapse(text).count }
            case .element(let name, let attributes, let children):
                if name == "br" { end(); return }
                if furniture.contains(name) || isFurniture(attributes) { return }
                if !inlineElements.contains(name) { end() }
                for child in children { walk(child, inLink: inLink || name == "a") }
                if !inlineElements.contains(name) { end() }
            }
        }
        for node in nodes { walk(node, inLink: false) }
        end()
        return runs
    }
}
