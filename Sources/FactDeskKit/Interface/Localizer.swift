import Foundation

/// The interface's words for one reader: the language, the digits they read, and the
/// desk's month names, with the catalog's strings filled in.
public struct Localizer: Sendable {
    public var language: InterfaceLanguage
    public var digits: DigitStyle
    public var months: MonthNames
    private let entries: [String: String]

    public init(_ language: InterfaceLanguage, digits: DigitStyle = .western, months: MonthNames = .levantine) {
        self.language = language
        self.digits = digits
        self.months = months
        entries = Catalog.entries(language)
    }

    /// English with Western digits, as the command line writes.
    public static let english = Localizer(.en)

    /// The direction of the interface: `rtl` for Arabic.
    public var direction: String { language.direction }

    /// A string of the catalog with its values filled in, as plain text.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(entries[key] ?? key, values)
    }

    /// A counted string: the plural form that `count` takes, `{n}` its number in the reader's digits.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["n"] = number(count)
        return Self.fill(countedEntry(key, count), values)
    }

    /// A string of the catalog as HTML: its own words escaped, and each value escaped and
    /// isolated in `<bdi>`, so that a number, a handle or a Latin name inside an Arabic
    /// sentence (or the other way round) keeps its place. `markup` values are the desk's own
    /// HTML, put in as they are.
    public func html(_ key: String, _ values: [String: String] = [:], markup: [String: String] = [:]) -> String {
        Self.fill(HTMLText.escaped(entries[key] ?? key), Self.isolated(values), markup: markup)
    }

    /// A counted string as HTML, as ``html(_:_:markup:)`` writes it.
    public func countHTML(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        var values = Self.isolated(values)
        values["n"] = "<bdi>" + number(count) + "</bdi>"
        return Self.fill(HTMLText.escaped(countedEntry(key, count)), values)
    }

    /// A number as the reader reads it.
    public func number<Number: BinaryInteger>(_ value: Number) -> String { digits.apply(String(value)) }

    /// Digits of the interface's own text (a date, a count, a score) in the reader's style.
    public func digitsOf(_ text: String) -> String { digits.apply(text) }

    /// Every plain string of the catalog, for the templates' `{{t.key}}`.
    public var table: [String: String] { entries }

    private func countedEntry(_ key: String, _ count: Int) -> String {
        let category = PluralCategory.of(count, in: language)
        return entries[Catalog.pluralKey(key, category)] ?? entries[Catalog.pluralKey(key, .other)] ?? key
    }

    private static func isolated(_ values: [String: String]) -> [String: String] {
        values.mapValues { "<bdi>" + HTMLText.escaped($0) + "</bdi>" }
    }

    /// `template` with every `{name}` replaced by its value; an unknown name stays as written.
    static func fill(_ template: String, _ values: [String: String], markup: [String: String] = [:]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] ?? markup[name] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }
}

/// HTML escaping for text put into a page by hand.
public enum HTMLText {
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension Localizer {
    /// One plural form of a counted string, with `{n}` left in: for the script that
    /// rewrites a count on the page without asking the server.
    public func pluralForm(_ key: String, _ category: PluralCategory) -> String {
        table[Catalog.pluralKey(key, category)] ?? table[Catalog.pluralKey(key, .other)] ?? key
    }
}
