import Foundation

/// The `@handle` mentions of a note: whom it tells.
///
/// A mention is `@` at the start of the note or after a character that is neither a letter
/// nor a digit (so that `desk@example.org` is an address, not a mention), followed by a
/// handle's characters (``Reviewer/validate(handle:)``). A `.`, `-` or `_` that ends it is
/// the sentence's, not the handle's: "ask @sara." mentions `sara`.
public enum Mentions {
    /// The handles mentioned, each once, in the order they first appear.
    public static func handles(in text: String) -> [String] {
        var found: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "@" else { continue }
            if index > 0, isHandleScalar(scalars[index - 1]) { continue }
            var end = index + 1
            while end < scalars.count, isHandleScalar(scalars[end]) { end += 1 }
            var handle = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            while let last = handle.last, "._-".contains(last) { handle.removeLast() }
            if !handle.isEmpty, handle.count <= 64, !found.contains(handle) { found.append(handle) }
            index = end - 1
        }
        return found
    }

    static func isHandleScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar)
            || scalar.properties.generalCategory == .nonspacingMark
    }

    /// Refuses a note whose mention is a misspelt handle of the desk, naming the one meant.
    ///
    /// A mention spelt like no one on the desk (`@WHO`, an account a claim quotes) is the
    /// note's own text, kept and told to nobody: fact-checkers quote handles all day. One a
    /// letter or two from a reviewer's (one for a handle of four letters or fewer) is taken
    /// for a slip: the note would tell nobody, and its writer means someone.
    static func check(_ note: String, _ tx: any StorageReader) async throws {
        let mentioned = handles(in: note)
        guard !mentioned.isEmpty else { return }
        var everyone: [String]?
        for handle in mentioned where try await tx.reviewer(handle.lowercased()) == nil {
            if everyone == nil { everyone = try await tx.reviewers().map(\.handle) }
            if let meant = closestWord(to: handle.lowercased(), in: everyone ?? [], limit: handle.count <= 4 ? 1 : 2) {
                throw DeskError.unknownMention(handle, suggestion: meant)
            }
        }
    }
}
