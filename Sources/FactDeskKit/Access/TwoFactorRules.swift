/// Who may turn a reviewer's second factor on or off, and whom `serve --require-2fa` covers.
///
/// One rule for the write path and the audit replay. Anyone may turn their own on or off.
/// An editor may do either for another reviewer: to set up a colleague's phone in person,
/// or to let back in someone who lost theirs (as an editor may already set anyone's
/// password). Both are events that name who did it, and the person can run `2fa enable`
/// again at once for a secret that only they have seen. A reviewer may not touch
/// anyone else's, or a reviewer could hold a second factor of an editor.
public enum TwoFactorRules {
    /// The action an event names, and a sentence for a refusal.
    public enum Change: String, Sendable {
        case enable = "turn on another reviewer's two-factor login"
        case disable = "turn off another reviewer's two-factor login"
    }

    /// Whether `actor`, an active reviewer (an editor or not), may make `change` for `target`.
    public static func mayChange(_ change: Change, actor: String, actorIsEditor: Bool, target: String) -> Bool {
        actor == target || actorIsEditor
    }

    /// Throws unless the acting reviewer may change the target's second factor.
    static func check(_ change: Change, actor: Reviewer, target: String) throws {
        guard mayChange(change, actor: actor.handle, actorIsEditor: actor.role == .editor, target: target) else {
            throw DeskError.editorOnly(actor: actor.handle, action: change.rawValue)
        }
    }
}

/// Which people `factdesk serve --require-2fa` turns away from the web desk until they
/// have a second factor.
public enum TwoFactorRequirement: String, Sendable, CaseIterable {
    case editors
    case all

    /// Whether the requirement covers a reviewer of this role.
    public func covers(_ role: Reviewer.Role) -> Bool {
        self == .all || role == .editor
    }
}
