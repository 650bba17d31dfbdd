import Foundation

/// Reads schema.org ClaimReview JSON-LD as fact-checkers publish it: one review, an array
/// of them, a `DataFeed` whose `dataFeedElement` holds reviews or `DataFeedItem`s with
/// their `item`, or a document with an `@graph`. `factdesk export claimreview` writes
/// the array form.
///
/// A file is taken whole or refused whole, with its path and what is wrong.
public enum ClaimReviewReader {
    /// The reviews of one file's text.
    public static func reviews(in text: String, file: String) throws(DeskError) -> [KnownCheck.Content] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw .invalidValue("\(file) is not JSON (\(reason(error))); give a ClaimReview JSON-LD file")
        }
        var nodes: [([String: Any], String)] = []
        var others: Set<String> = []
        collect(root, place: "", into: &nodes, others: &others)
        guard !nodes.isEmpty else {
            let found = others.isEmpty ? "no schema.org item" : "only " + others.sorted().joined(separator: ", ")
            throw .invalidValue("\(file) holds no ClaimReview (\(found)); give a ClaimReview, an array of them or a DataFeed")
        }
        var reviews: [KnownCheck.Content] = []
        for (node, place) in nodes {
            do {
                reviews.append(try review(node))
            } catch let error as Problem {
                throw .invalidValue("\(file): the review at \(place.isEmpty ? "the top" : place) \(error.text)")
            } catch {
                throw .invalidValue("\(file): \(error)")
            }
        }
        return reviews
    }

    private struct Problem: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    /// Every ClaimReview node under `value`, with where it is (`[2].item[0]`), and the
    /// types of other nodes met where a review could be.
    private static func collect(_ value: Any, place: String, into nodes: inout [([String: Any], String)],
                                others: inout Set<String>) {
        if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                collect(element, place: place + "[\(index)]", into: &nodes, others: &others)
            }
            return
        }
        guard let object = value as? [String: Any] else { return }
        let types = self.types(object)
        if types.contains("ClaimReview") {
            nodes.append((object, place))
        } else if let graph = object["@graph"] {
            collect(graph, place: place + ".@graph", into: &nodes, others: &others)
        } else if let elements = object["dataFeedElement"] {
            collect(elements, place: place + ".dataFeedElement", into: &nodes, others: &others)
        } else if let item = object["item"], types.isEmpty || types.contains("DataFeedItem") || types.contains("ListItem") {
            collect(item, place: place + ".item", into: &nodes, others: &others)
        } else {
            others.formUnion(types.isEmpty ? ["an object without @type"] : types)
        }
    }

    /// A node's `@type`: one name or several, without a `schema:` or URL prefix.
    private static func types(_ object: [String: Any]) -> Set<String> {
        let raw = (object["@type"] as? [Any] ?? [object["@type"] as Any]).compactMap { $0 as? String }
        return Set(raw.map { name in
            String(name.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last ?? Substring(name))
        })
    }

    private static func review(_ node: [String: Any]) throws -> KnownCheck.Content {
        guard let claim = string(node["claimReviewed"]), !claim.isEmpty else {
            throw Problem("has no claimReviewed: the words it checked")
        }
        guard let publisher = name(node["author"]) ?? name(node["publisher"]) else {
            throw Problem("names no author: the organization that published it")
        }
        var url: String?
        if let given = string(node["url"]), !given.isEmpty {
            guard let parsed = URL(string: given), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                  parsed.host?.isEmpty == false else {
                throw Problem("has the url '\(given)', which is not an http or https address")
            }
            url = given
        }
        var date: String?
        if let given = string(node["datePublished"]), !given.isEmpty {
            let day = String(given.prefix(10))
            guard CivilDate.dayNumber(day) != nil else {
                throw Problem("has the datePublished '\(given)', which is not a date (YYYY-MM-DD)")
            }
            date = day
        }
        let rating = node["reviewRating"] as? [String: Any]
        let ratingName = rating.flatMap { string($0["alternateName"]) ?? string($0["name"]) }
        let value = rating.flatMap { scalar($0["ratingValue"]) }
        guard ratingName != nil || value != nil else {
            throw Problem("has no reviewRating with an alternateName or a ratingValue: its verdict")
        }
        return KnownCheck.Content(
            url: url, publisher: publisher, publishedOn: date, claimReviewed: claim, rating: ratingName,
            ratingValue: value, bestRating: rating.flatMap { scalar($0["bestRating"]) },
            worstRating: rating.flatMap { scalar($0["worstRating"]) }, language: language(node["inLanguage"]))
    }

    /// A text, trimmed; nil for anything else or only white space.
    private static func string(_ value: Any?) -> String? {
        guard let text = (value as? String)?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// A number or a text, as written.
    private static func scalar(_ value: Any?) -> String? {
        // A yes or no is not a rating: JSON's true and false read as NSNumbers of type "c".
        if let number = value as? NSNumber, String(cString: number.objCType) != "c" {
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : String(double)
        }
        return string(value)
    }

    /// An organization's or a person's name: a text, a node with `name`, or the first of a list.
    private static func name(_ value: Any?) -> String? {
        if let list = value as? [Any] { return list.lazy.compactMap { name($0) }.first }
        if let node = value as? [String: Any] { return string(node["name"]) ?? string(node["alternateName"]) }
        return string(value)
    }

    /// A language: a code, or a `Language` node with its `alternateName` (the code) or `name`.
    private static func language(_ value: Any?) -> String? {
        if let node = value as? [String: Any] { return string(node["alternateName"]) ?? string(node["name"]) }
        return string(value)
    }

    private static func reason(_ error: any Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 } ?? "it does not parse"
    }
}
