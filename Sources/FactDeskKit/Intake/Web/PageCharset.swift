import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The character set of a fetched page and its text in UTF-8.
///
/// The charset comes from the Content-Type header, else a byte order mark, else a
/// `<meta charset>` (or `http-equiv`) in the first 4 KiB, else UTF-8. Arabic sites still
/// serve windows-1256 and ISO-8859-6, which glibc's iconv decodes; any other is refused by name.
enum PageCharset {
    static func decode(_ body: Data, contentType: String?) throws(DeskError) -> String {
        var bytes = body
        var name = contentType.flatMap(charset(inHeader:))
        if name == nil {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { name = "utf-8" }
            else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { name = "utf-16" }
        }
        if name == nil { name = charset(inMeta: bytes.prefix(4096)) }
        let label = (name ?? "utf-8").lowercased().trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'")))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        switch label {
        case "utf-8", "utf8", "us-ascii", "ascii":
            guard let text = String(data: bytes, encoding: .utf8) else { throw .invalidPageBytes(charset: label) }
            return text
        case "windows-1256", "cp1256", "x-cp1256":
            return try iconv(bytes, from: "CP1256", label: label)
        case "iso-8859-6", "iso_8859-6", "arabic", "iso-ir-127", "ecma-114", "asmo-708", "iso8859-6":
            return try iconv(bytes, from: "ISO-8859-6", label: label)
        default:
            throw .unreadableCharset(label)
        }
    }

    static func charset(inHeader header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset", !pair[1].isEmpty { return pair[1] }
        }
        return nil
    }

    /// The charset a `<meta>` names near the top of the page.
    static func charset(inMeta head: Data) -> String? {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        guard let range = text.range(of: "charset=") else { return nil }
        let rest = text[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

    private static func iconv(_ bytes: Data, from encoding: String, label: String) throws(DeskError) -> String {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { throw .unreadableCharset(label) }
        defer { iconv_close(converter) }
        var input = [CChar](bytes.map { CChar(bitPattern: $0) })
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 ? nil : outBuffer.count - outLeft
            }
        }
        guard let produced else { throw .invalidPageBytes(charset: label) }
        return String(decoding: output[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
