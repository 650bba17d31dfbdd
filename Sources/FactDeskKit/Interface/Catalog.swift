/// The interface's words, one catalog per language, each made of parts kept beside the
/// code that uses them: the web desk, times and dates, emails, the annotated report.
///
/// A key names one string. A counted string has one key per CLDR plural category,
/// `key#one`, `key#other` (English) or all six (Arabic). A string's values are named
/// `{name}` and filled in whole: no sentence is built by putting words together.
public enum Catalog {
    /// Every key and its string in `language`.
    public static func entries(_ language: InterfaceLanguage) -> [String: String] {
        switch language {
        case .en: english
        case .ar: arabic
        }
    }

    static let english: [String: String] = merged([EnglishCatalog.desk, EnglishCatalog.time, EnglishCatalog.mail,
                                                   EnglishCatalog.report, EnglishCatalog.errors])
    static let arabic: [String: String] = merged([ArabicCatalog.desk, ArabicCatalog.time, ArabicCatalog.mail,
                                                  ArabicCatalog.report, ArabicCatalog.errors])

    private static func merged(_ parts: [[String: String]]) -> [String: String] {
        parts.reduce(into: [:]) { all, part in all.merge(part) { first, _ in first } }
    }

    /// The key of one plural form of a counted string.
    static func pluralKey(_ key: String, _ category: PluralCategory) -> String { key + "#" + category.rawValue }
}

/// The English catalog; each part is in its own file.
enum EnglishCatalog {}

/// The Arabic catalog; each part is in its own file.
enum ArabicCatalog {}
