import Foundation
import FactDeskKit

/// Where output goes and how it looks: data to stdout, messages to stderr, colour only
/// on a terminal and never when `NO_COLOR` is set.
enum Terminal {
    static let isTTY = isatty(STDOUT_FILENO) == 1
    static let colors = isTTY && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty

    /// Prints a line of data to stdout.
    static func print(_ line: String = "", terminator: String = "\n") {
        Swift.print(line, terminator: terminator)
    }

    /// Prints a message for the person (not data) to stderr.
    static func message(_ line: String) {
        FileHandle.standardError.write(Data(("factdesk: " + safe(line) + "\n").utf8))
    }

    /// Prints an error to stderr.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("factdesk: error: " + safe(line) + "\n").utf8))
    }

    /// Writes a whole document to a file, or to stdout when no file is named.
    static func write(_ document: Data, to file: String?) throws {
        guard let file else {
            FileHandle.standardOutput.write(document)
            return
        }
        guard FileManager.default.createFile(atPath: file, contents: document) else {
            throw DeskError.invalidValue("cannot write \(file); check the folder exists and is writable")
        }
    }

    /// Prints a value as JSON to stdout.
    static func json<T: Encodable>(_ value: T) throws {
        print(try JSONView.encode(value))
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    /// Text in a style, when colours are on.
    static func styled(_ text: String, _ style: Style) -> String {
        colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// A workflow state in the colour of what it means.
    static func state(_ name: String, final: Bool) -> String {
        switch name {
        case "verified": styled(name, .green)
        case "disputed": styled(name, .red)
        case "unverifiable": styled(name, .yellow)
        case "skipped": styled(name, .dim)
        default: final ? styled(name, .magenta) : styled(name, .cyan)
        }
    }

    /// Text from outside (articles, notes, evidence) made safe for a terminal: control
    /// characters, escape sequences included, are shown as `\u{1B}` rather than obeyed, and
    /// bidirectional overrides and zero-width characters as `⟨U+202E⟩`.
    static func safe(_ text: String, keepNewlines: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if InvisibleCharacters.isInvisible(scalar) {
                out += InvisibleCharacters.visible(scalar)
                continue
            }
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if isControl && !(keepNewlines && scalar == "\n") {
                out += scalar == "\n" ? " " : "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// How many columns a string takes on a terminal: combining marks (harakat) and
    /// format characters take none, wide East Asian characters two.
    static func width(_ text: String) -> Int {
        var columns = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" { inEscape = true; continue }
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
                columns += 2
            default:
                columns += 1
            }
        }
        return columns
    }

    /// A count and its noun, singular for one: "1 claim", "34 claims".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The text cut to at most `columns` terminal columns, ending in `…` when cut.
    static func truncated(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        var out = ""
        var used = 0
        for character in text {
            used += width(String(character))
            if used > columns - 1 { break }
            out.append(character)
        }
        return out + "…"
    }

    /// Rows printed as an aligned table under a header; the last column is not padded,
    /// so long (and right-to-left) text can run to the end of the line.
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header.map { styled($0, .bold) }] + rows
        var widths = Array(repeating: 0, count: header.count)
        for row in all {
            for (column, cell) in row.enumerated() where column < header.count - 1 {
                widths[column] = max(widths[column], width(cell))
            }
        }
        for row in all {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - width(cell))
            }
            print(cells.joined(separator: "  "))
        }
    }
}
