import Foundation

/// Header fields written the way RFC 5322 and RFC 2047 want them: on one logical line, in
/// ASCII, and folded so that no physical line passes 78 characters.
///
/// Text that is not plain ASCII becomes `=?UTF-8?B?...?=` encoded-words, each at most 75
/// characters and each holding whole characters, so that a reader that decodes the words
/// one by one never meets half a letter.
enum HeaderText {
    /// The longest line a header is folded to.
    static let lineLimit = 78
    /// The longest encoded-word (RFC 2047, section 2).
    static let wordLimit = 75

    private static let wordStart = "=?UTF-8?B?"
    private static let wordEnd = "?="

    /// `text` with every line break and other control character turned into a space:
    /// what comes from a claim or a reviewer's name can never start a header of its own.
    static func singleLine(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            let control = scalar.properties.generalCategory == .control
                || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
            result.append(control ? " " : scalar)
        }
        return String(result)
    }

    /// Whether `text` may be written as it is: printable ASCII words separated by single
    /// spaces, none of which could be taken for an encoded-word or is too long to fold.
    static func isPlain(_ text: String, longestWord: Int) -> Bool {
        guard !text.isEmpty, !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("  "), !text.contains("=?") else {
            return false
        }
        guard text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else { return false }
        return text.split(separator: " ").allSatisfy { $0.utf8.count <= longestWord }
    }

    /// Encoded-words holding `text`, the first no longer than `firstLimit` characters.
    static func encodedWords(_ text: String, firstLimit: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func capacity() -> Int {
            let limit = min(words.isEmpty ? firstLimit : lineLimit - 1, wordLimit)
            return max((limit - wordStart.count - wordEnd.count) / 4, 1) * 3
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > capacity() {
                words.append(wordStart + Data(chunk).base64EncodedString() + wordEnd)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(wordStart + Data(chunk).base64EncodedString() + wordEnd) }
        return words
    }

    /// The words of unstructured text (a subject, an added header's value), plain or encoded.
    ///
    /// A subject with a word too long to fold is encoded, so that its lines stay short; an
    /// added header keeps its ASCII words whole, since its reader (a `List-Unsubscribe`
    /// address, say) may not decode encoded-words.
    static func unstructured(_ text: String, after name: String, keepLongWords: Bool = false) -> [String] {
        let line = singleLine(text)
        let firstLimit = lineLimit - name.count - 2
        if isPlain(line, longestWord: keepLongWords ? 900 : lineLimit - 1)
            || (keepLongWords && line.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) && line.contains { $0 != " " }) {
            return line.split(separator: " ").map(String.init)
        }
        return encodedWords(line, firstLimit: firstLimit)
    }

    /// A mailbox's words: its name, plain when it is simple words and encoded otherwise,
    /// then the address in angle brackets.
    static func mailbox(_ mailbox: MailAddress, firstLimit: Int) -> [String] {
        guard let name = mailbox.name else { return [mailbox.address] }
        let atext = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")
        let words = name.unicodeScalars.allSatisfy(atext.contains) && isPlain(name, longestWord: lineLimit - 1)
            ? name.split(separator: " ").map(String.init)
            : encodedWords(name, firstLimit: firstLimit)
        return words + ["<\(mailbox.address)>"]
    }

    /// `name: words`, the words joined by spaces, and a line break before any word that
    /// would take the line past the limit. A single word longer than a line stays whole.
    static func field(_ name: String, _ words: [String]) -> String {
        var result = name + ":"
        var lineLength = result.count
        for word in words {
            if lineLength + 1 + word.count > lineLimit && lineLength > name.count + 1 {
                result += "\r\n"
                lineLength = 0
            }
            result += " " + word
            lineLength += 1 + word.count
        }
        return result + "\r\n"
    }
}
