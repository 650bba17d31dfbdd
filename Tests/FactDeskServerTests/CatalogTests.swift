@testable import FactDeskKit
import Foundation
import Testing
@testable import FactDeskServer

/// The catalogs against the code and the templates: every key in both languages with the
/// same values, every key used and every used key there, and no words in a template.
@Suite struct CatalogTests {
    static let english = Catalog.entries(.en)
    static let arabic = Catalog.entries(.ar)

    /// A key without its plural category.
    static func base(_ key: String) -> String { String(key.split(separator: "#")[0]) }

    /// The `{names}` a string fills in.
    static func names(_ text: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The templates of every page and of the annotated report.
    static var templates: [String: String] {
        Templates.all.merging(["report": ArticleReport.template]) { first, _ in first }
    }

    /// Every Swift file of the desk's sources but the catalogs themselves.
    static func sources() throws -> String {
        let root = packageRoot.appendingPathComponent("Sources")
        var text = ""
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.lastPathComponent.contains("Catalog+") else { continue }
            text += try String(contentsOf: file, encoding: .utf8)
        }
        return text
    }

    @Test func everyKeyIsInBothLanguagesWithEveryPluralFormItsLanguageNeeds() {
        let englishKeys = Set(Self.english.keys.map(Self.base)), arabicKeys = Set(Self.arabic.keys.map(Self.base))
        #expect(englishKeys.subtracting(arabicKeys).sorted() == [], "keys missing in Arabic")
        #expect(arabicKeys.subtracting(englishKeys).sorted() == [], "keys missing in English")
        let counted = Set(Self.english.keys.filter { $0.contains("#") }.map(Self.base))
            .union(Self.arabic.keys.filter { $0.contains("#") }.map(Self.base))
        for key in counted {
            for (language, entries) in [(InterfaceLanguage.en, Self.english), (.ar, Self.arabic)] {
                let forms = Set(entries.keys.filter { Self.base($0) == key && $0.contains("#") }.map { String($0.split(separator: "#")[1]) })
                #expect(forms == Set(PluralCategory.required(in: language).map(\.rawValue)), "\(key) in \(language)")
                #expect(entries[key] == nil, "\(key) is counted and also plain in \(language)")
            }
        }
        #expect(Self.english.count > 300)
    }

    @Test func bothLanguagesFillTheSameValues() {
        for key in Set(Self.english.keys.map(Self.base)) {
            let english = Self.english.filter { Self.base($0.key) == key }.values.reduce(Set<String>()) { $0.union(Self.names($1)) }
            let arabic = Self.arabic.filter { Self.base($0.key) == key }.values.reduce(Set<String>()) { $0.union(Self.names($1)) }
            // An Arabic zero, one or two form says its number in words: `{n}` may be missing there.
            #expect(english.subtracting(["n"]) == arabic.subtracting(["n"]), "\(key): \(english) against \(arabic)")
        }
        for (key, text) in Self.arabic where !key.contains("#") {
            #expect(text != Self.english[key] || !text.contains(where: \.isLetter) || Self.sameInBoth.contains(key), "\(key) is not translated")
        }
    }

    /// Strings that read the same in both languages: a brand, or values alone.
    static let sameInBoth: Set<String> = ["webhooks_format_slack_short", "claim_other_transition", "history_other", "date_format",
                                          "mail_subject_one"]

    @Test func everyKeyIsUsedAndEveryUsedKeyExists() throws {
        let code = try Self.sources()
        let templates = Self.templates.values.joined(separator: "\n")
        var unused: [String] = []
        for key in Set(Self.english.keys.map(Self.base)) {
            let prefix = key.split(separator: "_").dropLast().joined(separator: "_") + "_"
            if templates.contains("t.\(key)}") || code.contains("\"\(key)\"") || code.contains("\"\(prefix)\\(") { continue }
            // The months' keys are named by their style and number.
            if key.hasPrefix("month_") && code.contains("\"month_\\(") { continue }
            unused.append(key)
        }
        #expect(unused.sorted() == [], "keys no code or template uses")
        let used = Self.templates.values.flatMap { template in
            template.matches(of: /\{\{\{?t\.([a-z0-9_]+)/).map { String($0.output.1) }
        } + code.matches(of: /\b(?:l|localizer|english)\.(?:text|html|count|countHTML)\(\s*"([a-z0-9_]+)"/).map { String($0.output.1) }
        let missing = Set(used).filter { key in Self.english[key] == nil && Self.english[key + "#other"] == nil }
        #expect(missing.sorted() == [], "keys used but not in the catalogs")
    }

    /// Attributes a person reads or hears.
    static let spokenAttributes = ["title", "aria-label", "placeholder", "alt"]

    /// What may stand in a template as it is: the brand, a protocol's header name, and
    /// example addresses, dates and URLs in placeholders.
    static func allowed(_ text: String) -> Bool {
        let trimmed = text.replacingOccurrences(of: "·", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || !trimmed.contains(where: \.isLetter) || ["FactDesk", "webhook-id"].contains(trimmed)
            || trimmed.contains("://") || trimmed.contains("@")
    }

    @Test func noTemplateHoldsAWordOfItsOwn() {
        for (name, template) in Self.templates {
            // Mustache tags out, then the CSS of the report's <style>.
            var text = template.replacing(/\{\{\{?[^}]*\}?\}\}/, with: "")
            text = text.replacing(/<style>[\s\S]*?<\/style>/, with: "")
            for match in text.matches(of: /<[^>]*>/) {
                let tag = String(match.output)
                for attribute in Self.spokenAttributes {
                    let quoted = tag.matches(of: Regex<(Substring, Substring)>(verbatim: " \(attribute)=\"([^\"]*)\"")).map { String($0.output.1) }
                    for value in quoted {
                        #expect(Self.allowed(value), "template \(name): \(attribute)=\"\(value)\"")
                    }
                }
            }
            let words = text.replacing(/<[^>]*>/, with: "\n").split(separator: "\n").map(String.init)
            for piece in words where !Self.allowed(piece) {
                Issue.record("template \(name) holds the words \"\(piece.trimmingCharacters(in: .whitespaces))\"")
            }
        }
    }
}

extension Regex where Output == (Substring, Substring) {
    /// A pattern with one capture, from text written at run time.
    init(verbatim pattern: String) {
        // The patterns are the test's own and valid; an invalid one matches nothing.
        self = (try? Regex<(Substring, Substring)>(pattern)) ?? /(?!)(.)/
    }
}
