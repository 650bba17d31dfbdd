/// The characters no desk stores, refused by the library itself on every write.
///
/// NUL ends a C string: a text bound as one (as the SQLite layer binds text) would be cut
/// at it while its signed event kept the whole, and PostgreSQL refuses it outright.
/// Noncharacters (U+FDD0-U+FDEF and the last two code points of every plane) are not
/// meant for interchange, and a lone surrogate is not a character at all (a Swift string
/// cannot hold one; JSON's `\ud800` is refused where it is decoded). Everything else is
/// kept: a note or an article is evidence, and the listings show what is invisible.
public enum StoredText {
    /// The first scalar of a text that no desk stores, if any.
    public static func firstForbidden(in text: String) -> Unicode.Scalar? {
        // Nearly every text is free of them: one pass over its bytes tells, for the common case.
        var suspicious = false
        for byte in text.utf8 where byte == 0 || byte == 0xEF || byte >= 0xF0 {
            suspicious = true
            break
        }
        guard suspicious else { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }

    /// Whether a scalar is one no desk stores.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0 || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// Refuses a text that holds such a scalar, naming the field and the scalar.
    public static func check(_ text: String, field: String) throws(DeskError) {
        if let scalar = firstForbidden(in: text) {
            throw .forbiddenCharacter(field: field, scalar: InvisibleCharacters.visible(scalar))
        }
    }

    /// Refuses the first of several texts that holds such a scalar.
    static func check(_ fields: [(field: String, text: String?)]) throws(DeskError) {
        for (field, text) in fields {
            if let text { try check(text, field: field) }
        }
    }
}
