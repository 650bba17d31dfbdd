import Foundation

/// The fields of a form or a query string, each name with all its values in order.
///
/// Parsed by hand so that a field may repeat (`evidence`), and so that bytes that are not
/// UTF-8 are refused with a 400 rather than turned into replacement characters.
struct FormData: Sendable {
    private(set) var fields: [(name: String, value: String)] = []
    /// Uploaded files of a multipart form: field name, file name, bytes.
    private(set) var files: [(name: String, filename: String, data: Data)] = []

    init() {}

    /// The first value of a field, trimmed; nil when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = fields.first(where: { $0.name == name })?.value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first value of a field as given, blank or not.
    func raw(_ name: String) -> String? {
        fields.first(where: { $0.name == name })?.value
    }

    /// Every non-blank value of a repeated field.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }
            .map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    func file(_ name: String) -> (filename: String, data: Data)? {
        files.first(where: { $0.name == name }).map { ($0.filename, $0.data) }
    }

    /// An `application/x-www-form-urlencoded` body or a query string.
    static func urlEncoded(_ bytes: some Collection<UInt8>) throws -> FormData {
        var form = FormData()
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            form.fields.append((name, value))
        }
        return form
    }

    static func query(_ query: String?) throws -> FormData {
        try urlEncoded(Array((query ?? "").utf8))
    }

    private static func decode(_ bytes: some Collection<UInt8>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): out.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hex), let low = iterator.next().flatMap(hex) else {
                    throw HTTPFailure.badRequest("refusal_form_escape")
                }
                out.append(high << 4 | low)
            default: out.append(byte)
            }
        }
        return try text(out)
    }

    /// Bytes as text, refusing what is not UTF-8 and the NUL character.
    static func text(_ bytes: [UInt8]) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw HTTPFailure.badRequest("refusal_form_utf8")
        }
        guard !bytes.contains(0) else {
            throw HTTPFailure.badRequest("refusal_form_nul")
        }
        return text
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A `multipart/form-data` body: text fields are checked as UTF-8, files kept as bytes.
    static func multipart(_ body: [UInt8], boundary: String) throws -> FormData {
        let delimiter = Array("--\(boundary)".utf8)
        var form = FormData()
        var parts = split(body, on: delimiter)
        guard parts.count >= 2 else { throw HTTPFailure.badRequest("refusal_upload_incomplete") }
        parts.removeFirst()  // the preamble
        // A body cut short (a dropped connection, a truncated file) has no closing delimiter:
        // refuse it whole rather than keep the part that came.
        guard let closing = parts.firstIndex(where: { $0.starts(with: Array("--".utf8)) }) else {
            throw HTTPFailure.badRequest("refusal_upload_unclosed")
        }
        for var part in parts[..<closing] {
            if part.starts(with: [13, 10]) { part.removeFirst(2) }
            if part.suffix(2) == [13, 10] { part.removeLast(2) }
            guard let end = firstRange(of: [13, 10, 13, 10], in: part) else {
                throw HTTPFailure.badRequest("refusal_upload_headers")
            }
            let headers = try text(Array(part[..<end.lowerBound]))
            let content = Array(part[end.upperBound...])
            let disposition = headers.split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("content-disposition:") }.map(String.init) ?? ""
            guard let name = parameter("name", in: disposition) else { continue }
            if let filename = parameter("filename", in: disposition) {
                form.files.append((name, filename, Data(content)))
            } else {
                form.fields.append((name, try text(content)))
            }
        }
        return form
    }

    private static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard pair.hasPrefix(key + "=") else { continue }
            var value = String(pair.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    private static func split(_ bytes: [UInt8], on delimiter: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + delimiter.count <= bytes.count {
            if bytes[index] == delimiter[0] && Array(bytes[index..<index + delimiter.count]) == delimiter {
                result.append(Array(bytes[start..<index]))
                index += delimiter.count
                start = index
            } else {
                index += 1
            }
        }
        result.append(Array(bytes[start...]))
        return result
    }

    private static func firstRange(of needle: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= needle.count else { return nil }
        for index in 0...(bytes.count - needle.count) where Array(bytes[index..<index + needle.count]) == needle {
            return index..<index + needle.count
        }
        return nil
    }
}
