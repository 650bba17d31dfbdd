/// Invisible characters that can make Arabic text read differently from what is stored.
///
/// Bidirectional overrides and isolates reorder what a reader sees, and zero-width
/// characters hide inside words, so a claim can display as something it does not say.
/// FactDesk keeps them (the text is evidence) but shows them visibly and flags them.
public enum InvisibleCharacters {
    static let names: [UInt32: String] = [
        0x200B: "zero width space", 0x200C: "zero width non-joiner", 0x200D: "zero width joiner",
        0x200E: "left-to-right mark", 0x200F: "right-to-left mark", 0x061C: "Arabic letter mark",
        0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding", 0x202C: "pop directional formatting",
        0x202D: "left-to-right override", 0x202E: "right-to-left override",
        0x2066: "left-to-right isolate", 0x2067: "right-to-left isolate", 0x2068: "first strong isolate",
        0x2069: "pop directional isolate", 0x2060: "word joiner", 0xFEFF: "zero width no-break space",
    ]

    /// Whether a scalar is one of them.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        names[scalar.value] != nil
    }

    /// How a scalar is shown: `⟨U+202E⟩`.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        "⟨U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "⟩"
    }

    /// The text with each invisible character written out as ``visible(_:)`` shows it,
    /// for a page that prints it: what the reader sees is then what is stored.
    public static func shown(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isInvisible) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { out.append(contentsOf: visible(scalar).unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// What a claim's own words hold: its text and its speaker, the speaker counted only when
    /// it is not a part of the text (it mostly is, and one character would count twice).
    public static func report(claim text: String, speaker: String?) -> [String] {
        report(text + (speaker.map { text.contains($0) ? "" : $0 } ?? ""))
    }

    /// Each kind found in the text with its count, as "U+202E right-to-left override ×2".
    public static func report(_ text: String) -> [String] {
        var counts: [UInt32: Int] = [:]
        for scalar in text.unicodeScalars where isInvisible(scalar) {
            counts[scalar.value, default: 0] += 1
        }
        return counts.keys.sorted().map { value in
            "U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4)) \(names[value] ?? "") ×\(counts[value] ?? 0)"
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
