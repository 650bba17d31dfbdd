/// The errors of desk operations: missing records, refused transitions, bad values.
///
/// Each case reads as a sentence that tells the user what went wrong and what to do.
public enum DeskError: CatalogError, Equatable {
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
    case invalidFeed(url: String, reason: FeedProblem)
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
        case .invalidValue(let text), .mismatchedInput(let text): text
        default: englishText()
        }
    }

    public var catalogMessage: CatalogMessage? {
        switch self {
        case .claimNotFound(let id):
            CatalogMessage("error_claim_not_found", ["id": String(id)])
        case .sourceNotFound(let id):
            CatalogMessage("error_source_not_found", ["id": String(id)])
        case .reviewerNotFound(let handle):
            CatalogMessage("error_reviewer_not_found", ["handle": handle])
        case .speakerNotFound(let name):
            CatalogMessage("error_speaker_not_found", ["name": name])
        case .reviewerExists(let handle):
            CatalogMessage("error_reviewer_exists", ["handle": handle])
        case .reviewerInactive(let handle):
            CatalogMessage("error_reviewer_inactive", ["handle": handle])
        case .unknownTransition(let name, let available):
            CatalogMessage("error_unknown_transition", ["name": name, "transitions": available.joined(separator: ", ")])
        case .transitionNotAllowed(let claim, let transition, let state, let allowed):
            allowed.isEmpty
                ? CatalogMessage("error_transition_not_allowed_anywhere",
                                 ["claim": String(claim), "transition": transition, "state": state])
                : CatalogMessage("error_transition_not_allowed", ["claim": String(claim), "transition": transition, "state": state,
                                                                   "allowed": allowed.joined(separator: ", ")])
        case .notPermitted(let actor, let transition, let claim, let who):
            CatalogMessage("error_not_permitted", ["actor": actor, "transition": transition, "claim": String(claim), "who": who])
        case .editorOnly(let actor, let action):
            CatalogMessage("error_editor_only", ["actor": actor, "action": action])
        case .noteRequired(let transition):
            CatalogMessage("error_note_required", ["transition": transition])
        case .evidenceRequired(let transition, let needed, let given):
            CatalogMessage("error_evidence_required", ["transition": transition, "given": String(given)], count: needed)
        case .assigneeRequired(let transition):
            CatalogMessage("error_assignee_required", ["transition": transition])
        case .assigneeNotExpected(let transition):
            CatalogMessage("error_assignee_not_expected", ["transition": transition])
        case .versionConflict(let claim, let expected, let actual, let lastChange):
            if let lastChange {
                CatalogMessage("error_version_conflict_change", ["claim": String(claim), "expected": String(expected),
                                                                  "actual": String(actual), "change": lastChange])
            } else {
                CatalogMessage("error_version_conflict", ["claim": String(claim), "expected": String(expected), "actual": String(actual)])
            }
        case .textNotInSource(let source):
            CatalogMessage("error_text_not_in_source", ["source": String(source)])
        case .invalidValue, .mismatchedInput:
            nil
        case .sameReviewer(let actor, let transition, let claim, let earlier):
            CatalogMessage("error_same_reviewer", ["actor": actor, "transition": transition, "claim": String(claim), "earlier": earlier])
        case .nothingProposed(let claim, let transition):
            CatalogMessage("error_nothing_proposed", ["claim": String(claim), "transition": transition])
        case .unknownState(let name, let states):
            CatalogMessage("error_unknown_state", ["name": name, "states": states.joined(separator: ", ")])
        case .invalidDeadline(let text):
            CatalogMessage("error_invalid_deadline", ["text": text])
        case .deadlineWithoutAssignment:
            CatalogMessage("error_deadline_without_assignment")
        case .invalidPublicationDate(let text):
            CatalogMessage("error_invalid_publication_date", ["text": text])
        case .invalidLanguage(let text):
            CatalogMessage("error_invalid_language", ["text": text])
        case .emptyClaimText:
            CatalogMessage("error_empty_claim_text")
        case .tooLarge(let name, let size, let limit):
            if let size {
                CatalogMessage("error_too_large_size", ["name": name, "size": String(size), "limit": String(limit)])
            } else {
                CatalogMessage("error_too_large", ["name": name, "limit": String(limit)])
            }
        case .forbiddenCharacter(let field, let scalar):
            CatalogMessage("error_forbidden_character", ["field": field, "scalar": scalar])
        case .lastEditor(let handle):
            CatalogMessage("error_last_editor", ["handle": handle])
        case .unreadableCharset(let name):
            CatalogMessage("error_unreadable_charset", ["charset": name])
        case .invalidPageBytes(let charset):
            CatalogMessage("error_invalid_page_bytes", ["charset": charset])
        case .noArticleText(let url):
            CatalogMessage("error_no_article_text", ["url": url])
        case .invalidFeed(let url, let problem):
            problem.message(url: url)
        case .feedNotFound(let id):
            CatalogMessage("error_feed_not_found", ["id": String(id)])
        case .feedExists(let url, let id):
            CatalogMessage("error_feed_exists", ["url": url, "id": String(id)])
        case .tipNotFound(let id):
            CatalogMessage("error_tip_not_found", ["id": id])
        case .tipDecided(let id, let status):
            CatalogMessage("error_tip_decided", ["id": String(id), "status": status])
        case .tooManyTips(let limit):
            CatalogMessage("error_too_many_tips", ["limit": String(limit)])
        case .unknownMention(let handle, let suggestion):
            if let suggestion {
                CatalogMessage("error_unknown_mention_suggestion", ["handle": handle, "suggestion": suggestion])
            } else {
                CatalogMessage("error_unknown_mention", ["handle": handle])
            }
        case .webhookNotFound(let id):
            CatalogMessage("error_webhook_not_found", ["id": String(id)])
        case .deliveryNotFound(let id):
            CatalogMessage("error_delivery_not_found", ["id": String(id)])
        case .inboxItemNotFound(let id):
            CatalogMessage("error_inbox_item_not_found", ["id": String(id)])
        }
    }
}
