import FactDeskKit

/// What a failure says on the command line: the library's sentence, with the flag that
/// mends it where there is one. The library names no flags; the web desk says the same
/// things in its own words.
enum FlagHints {
    static func message(for failure: any FactDeskError) -> String {
        switch failure {
        case DeskError.noteRequired(let transition):
            "'\(transition)' needs a note: add --note \"why\""
        case DeskError.evidenceRequired(let transition, let needed, let given):
            "'\(transition)' needs at least \(needed) evidence item\(needed == 1 ? "" : "s") (the claim has \(given)): add --evidence URL"
        case DeskError.assigneeRequired(let transition):
            "'\(transition)' assigns the claim: add --to HANDLE"
        case DeskError.assigneeNotExpected(let transition):
            "'\(transition)' does not assign the claim: drop --to"
        case DeskError.textNotInSource(let source):
            "that text does not appear word for word in source \(source); copy it exactly, or add --paraphrase"
        case DeskError.invalidDeadline(let text):
            "--due '\(text)' is not a deadline; write 2h, 3d, 1w, YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)"
        case DeskError.deadlineWithoutAssignment:
            "--due goes with a transition that assigns, such as assign"
        case DeskError.invalidPublicationDate(let text):
            "--published '\(text)' is not a date; write it as YYYY-MM-DD"
        case DeskError.invalidLanguage(let text):
            "--lang '\(text)' is not a language code; use a code such as ar or en"
        case DeskError.emptyClaimText:
            "the claim's text is empty; give it with --text"
        case DeskError.tooLarge:
            failure.description + "; raise it with --max-size"
        case StoreError.noDesk(let path):
            "no desk at \(path); create one with `factdesk init --db \(path)`, or point --db or FACTDESK_DB at yours"
        case StoreError.notADesk:
            failure.description + "; check the --db path"
        case StoreError.busy:
            failure.description + ", or raise --busy-timeout"
        default:
            failure.description
        }
    }
}
