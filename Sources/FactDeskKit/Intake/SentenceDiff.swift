import Foundation

/// The sentences two versions of an article differ by, in reading order: what an outlet
/// changed in a stealth edit. Sentences are compared with their white space collapsed, so a
/// re-flowed paragraph is not a change; a changed word is the old sentence out, the new one in.
public enum SentenceDiff {
    public enum Line: Sendable, Equatable {
        case kept(String)
        case removed(String)
        case added(String)
    }

    /// Every sentence of both versions, each kept, removed or added (a longest common
    /// subsequence of sentences; articles hold hundreds, not millions).
    public static func lines(from old: String, to new: String) -> [Line] {
        let a = sentences(old), b = sentences(new)
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var lines: [Line] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append(.kept(a[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] > table[i + 1][j] {
                lines.append(.added(b[j])); j += 1
            } else {
                lines.append(.removed(a[i])); i += 1
            }
        }
        return lines
    }

    /// Only the changes.
    public static func changes(from old: String, to new: String) -> [Line] {
        lines(from: old, to: new).filter { if case .kept = $0 { false } else { true } }
    }

    static func sentences(_ text: String) -> [String] {
        SentenceSegmenter.sentences(in: text).map { collapse($0.text) }.filter { !$0.isEmpty }
    }

    /// The text with every run of white space one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
