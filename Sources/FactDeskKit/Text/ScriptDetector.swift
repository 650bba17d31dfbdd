/// Guesses an article's language from the script its letters are written in.
///
/// This is enough to tell Arabic from English and other Latin-script languages, which
/// is what decides right-to-left display and Arabic normalization; `--lang` overrides it.
public enum ScriptDetector {
    /// An ISO 639-1 code: `ar` when most letters are Arabic, `fa` when those letters
    /// include Persian-only ones, `en` when most are Latin, `und` when there are none.
    public static func language(of text: String) -> String {
        var arabic = 0, persian = 0, latin = 0
        for scalar in text.unicodeScalars.prefix(20_000) {
            switch scalar.value {
            case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9: arabic += 1; persian += 1
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: arabic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            default: break
            }
        }
        if arabic == 0 && latin == 0 { return "und" }
        if arabic >= latin { return persian * 20 > arabic ? "fa" : "ar" }
        return "en"
    }
}
