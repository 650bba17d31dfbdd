/// The errors of desk operations: missing records, refused transitions, bad values.
///
/// Each case reads as a sentence that tells the user what went wrong and what to do.
public enum DeskError: FactDeskError, Equatable {
    case claimNotFound(Int64)
    case sourceNotFound(Int64)
    case reviewerNotFound(String)
    case speakerNotFound(String)
    case reviewerExists(String)
    case reviewerInactive(String)
    case unknownTransition(String, available: [String])
    case transitionNotAllowed(claim: Int64, transition: String, state: String, allowed: [String])
    case notPermitted(actor: String, transition: String, claim: Int64, who: String)
    case editorOnly(actor: String, action: String)
    case noteRequired(transition: String)
    case evidenceRequired(transition: String, needed: Int, given: Int)
    case assigneeRequired(transition: String)
    case assigneeNotExpected(transition: String)
    case versionConflict(claim: Int64, expected: Int64, actual: Int64, lastChange: String?)
    case textNotInSource(source: Int64)
    case invalidValue(String)
    /// A state name that the desk's workflow does not have, as a filter names it.
    case unknownState(String, states: [String])
    /// Parts of a request that do not go together, such as a stance without evidence.
    case mismatchedInput(String)
    case lastEditor(String)
    case sameReviewer(actor: String, transition: String, claim: Int64, earlier: String)
    case nothingProposed(claim: Int64, transition: String)
    case invalidDeadline(String)
    case deadlineWithoutAssignment
    case invalidPublicationDate(String)
    case invalidLanguage(String)
    case emptyClaimText
    case tooLarge(name: String, size: Int?, limit: Int)
    /// A text holds a character no desk stores (``StoredText``).
    case forbiddenCharacter(field: String, scalar: String)

    // MARK: - Web pages

    /// A page in a character set FactDesk does not decode, named as the page or server named it.
    case unreadableCharset(String)
    /// A page whose bytes are not valid in the character set it declares.
    case invalidPageBytes(charset: String)
    /// A page in which no article text could be told apart from the site's furniture.
    case noArticleText(url: String)

    // MARK: - Feeds and tips

    /// A feed that is neither RSS, Atom nor JSON Feed, or is malformed.
    case invalidFeed(url: String, reason: String)
    case feedNotFound(Int64)
    case feedExists(url: String, id: Int64)
    case tipNotFound(String)
    /// A tip already accepted, rejected or merged.
    case tipDecided(id: Int64, status: String)
    /// Too many tips from one address within the hour.
    case tooManyTips(limit: Int)

    // MARK: - Notifications

    /// A note mentions `@handle`, and no reviewer has that handle.
    case unknownMention(String, suggestion: String?)
    case webhookNotFound(Int64)
    case deliveryNotFound(Int64)
    case inboxItemNotFound(Int64)

    public var kind: FailureKind {
        switch self {
        case .claimNotFound, .sourceNotFound, .reviewerNotFound, .speakerNotFound, .unknownTransition, .feedNotFound, .tipNotFound,
             .webhookNotFound, .deliveryNotFound, .inboxItemNotFound:
            .notFound
        case .unknownMention:
            .invalidInput
        case .transitionNotAllowed:
            .transitionNotAllowed
        case .notPermitted, .editorOnly, .reviewerInactive, .lastEditor, .sameReviewer:
            .permissionDenied
        case .nothingProposed:
            .transitionNotAllowed
        case .versionConflict:
            .conflict
        // Values a person typed (a filter, a form field, an option), not a file's content.
        case .unknownState, .invalidPublicationDate, .invalidLanguage, .mismatchedInput:
            .usage
        case .reviewerExists, .noteRequired, .evidenceRequired, .assigneeRequired,
             .assigneeNotExpected, .textNotInSource, .invalidValue, .invalidDeadline, .deadlineWithoutAssignment,
             .emptyClaimText, .tooLarge, .forbiddenCharacter:
            .invalidInput
        case .unreadableCharset, .invalidPageBytes, .noArticleText, .invalidFeed, .feedExists:
            .invalidInput
        case .tipDecided:
            .conflict
        case .tooManyTips:
            .storeBusy
        }
    }

    public var description: String {
        switch self {
        case .claimNotFound(let id):
            "no claim \(id) in this desk; `factdesk claim list` shows the claims"
        case .sourceNotFound(let id):
            "no source \(id) in this desk; `factdesk source list` shows the sources"
        case .reviewerNotFound(let handle):
            "no reviewer '\(handle)' in this desk; an editor adds one with `factdesk reviewer add \(handle)`"
        case .speakerNotFound(let name):
            "no claim on this desk is attributed to '\(name)'; `factdesk speaker list` shows who is"
        case .reviewerExists(let handle):
            "reviewer '\(handle)' already exists; `factdesk reviewer list` shows the desk's reviewers"
        case .reviewerInactive(let handle):
            "reviewer '\(handle)' is deactivated; an editor can run `factdesk reviewer activate \(handle)`"
        case .unknownTransition(let name, let available):
            "this desk's workflow has no transition '\(name)'; it has: \(available.joined(separator: ", "))"
        case .transitionNotAllowed(let claim, let transition, let state, let allowed):
            allowed.isEmpty
                ? "claim \(claim) is '\(state)': '\(transition)' is not allowed, and no transition leaves '\(state)'"
                : "claim \(claim) is '\(state)': '\(transition)' is not allowed; from '\(state)' you can: \(allowed.joined(separator: ", "))"
        case .notPermitted(let actor, let transition, let claim, let who):
            "\(actor) may not \(transition) claim \(claim): only \(who) may"
        case .editorOnly(let actor, let action):
            "\(actor) may not \(action): only an editor may"
        case .noteRequired(let transition):
            "'\(transition)' needs a note saying why"
        case .evidenceRequired(let transition, let needed, let given):
            "'\(transition)' needs at least \(needed) evidence item\(needed == 1 ? "" : "s") (the claim has \(given)); add a URL or a citation"
        case .assigneeRequired(let transition):
            "'\(transition)' assigns the claim: name the reviewer"
        case .assigneeNotExpected(let transition):
            "'\(transition)' does not assign the claim: name no reviewer"
        case .versionConflict(let claim, let expected, let actual, let lastChange):
            "claim \(claim) changed since you looked (version \(expected), now \(actual)"
                + (lastChange.map { ": \($0)" } ?? "")
                + "); run `factdesk claim show \(claim)` and try again"
        case .textNotInSource(let source):
            "that text does not appear word for word in source \(source); copy it exactly, or record it as a paraphrase"
        case .invalidValue(let message), .mismatchedInput(let message):
            message
        case .sameReviewer(let actor, let transition, let claim, let earlier):
            "\(actor) may not \(transition) claim \(claim): \(actor) ran '\(earlier)' on it, and a second person must decide"
        case .nothingProposed(let claim, let transition):
            "claim \(claim) has no proposed verdict to \(transition)"
        case .unknownState(let name, let states):
            "no state '\(name)' in this desk's workflow; states: \(states.joined(separator: ", "))"
        case .invalidDeadline(let text):
            "'\(text)' is not a deadline; write 2h, 3d, 1w, YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)"
        case .deadlineWithoutAssignment:
            "a deadline goes with a transition that assigns, such as assign"
        case .invalidPublicationDate(let text):
            "the publication date '\(text)' is not a date; write it as YYYY-MM-DD"
        case .invalidLanguage(let text):
            "'\(text)' is not a language code; use a code such as ar or en"
        case .emptyClaimText:
            "the claim's text is empty"
        case .tooLarge(let name, let size, let limit):
            "\(name) is " + (size.map { "\($0) bytes, " } ?? "") + "over the \(limit)-byte limit"
        case .forbiddenCharacter(let field, let scalar):
            "the \(field) holds \(scalar), a character FactDesk does not store; remove it and try again"
        case .lastEditor(let handle):
            "\(handle) is the desk's last active editor; make another reviewer an editor first"
        case .unreadableCharset(let name):
            "the page is in \(name), which FactDesk does not read; save it as UTF-8 and import the file"
        case .invalidPageBytes(let charset):
            "the page's bytes are not valid \(charset); save it as UTF-8 and import the file"
        case .noArticleText(let url):
            "the page at \(url) has no article text FactDesk can find; save the text and import the file"
        case .invalidFeed(let url, let reason):
            "\(url) is not a feed FactDesk reads: \(reason); give the address of its RSS, Atom or JSON Feed"
        case .feedNotFound(let id):
            "there is no feed \(id); `factdesk feed list` shows the feeds"
        case .feedExists(let url, let id):
            "the desk already watches \(url) (feed \(id)); `factdesk feed remove \(id)` first to add it again"
        case .tipNotFound(let id):
            "there is no tip \(id); `factdesk tip list` shows the tips"
        case .tipDecided(let id, let status):
            "tip \(id) is already \(status); only a new tip can be accepted, rejected or merged"
        case .tooManyTips(let limit):
            "this address has sent \(limit) tips within the hour, the most the desk takes; try again later"
        case .unknownMention(let handle, let suggestion):
            "the note mentions @\(handle), who is not on the desk; "
                + (suggestion.map { "did you mean @\($0)?" } ?? "`factdesk reviewer list` shows the handles")
        case .webhookNotFound(let id):
            "there is no webhook \(id); `factdesk webhook list` shows the webhooks"
        case .deliveryNotFound(let id):
            "there is no delivery \(id); `factdesk webhook deliveries ID` shows a webhook's deliveries"
        case .inboxItemNotFound(let id):
            "there is no item \(id) in your inbox; `factdesk inbox` shows it"
        }
    }
}
