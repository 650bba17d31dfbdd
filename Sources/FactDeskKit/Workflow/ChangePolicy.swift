/// Decides whether a change that is not a transition may be made: who may change the team,
/// its keys and services, the workflow, and who may add to the desk.
///
/// The sibling of ``TransitionGuard``: a pure function of who asks and the team as it is,
/// called by the write path inside its transaction and by the audit's replay of the history,
/// so that a rule is written once and a history that broke it is reported.
public enum ChangePolicy {
    /// A reviewer as the rules see them.
    public struct Person: Sendable, Equatable {
        public var handle: String
        public var role: Reviewer.Role
        public var active: Bool
        /// Whether a public key is registered for them.
        public var hasKey: Bool

        public init(handle: String, role: Reviewer.Role, active: Bool, hasKey: Bool) {
            (self.handle, self.role, self.active, self.hasKey) = (handle, role, active, hasKey)
        }

        public init(_ reviewer: Reviewer) {
            self.init(handle: reviewer.handle, role: reviewer.role, active: reviewer.active, hasKey: reviewer.publicKey != nil)
        }

        /// An active editor.
        var leads: Bool { active && role == .editor }
    }

    /// A change, with the reviewer it is about when it is about one.
    public enum Change: Sendable, Equatable {
        /// The founding editor adding themselves, right after creating the desk.
        case foundDesk
        case addReviewer
        case setActive(Person, to: Bool)
        case setRole(Person, to: Reviewer.Role)
        case registerKey(for: Person)
        case registerService
        case removeService
        case installWorkflow
        /// Watching a feed, or no longer: the desk then imports from it on its own.
        case watchFeeds
        /// Accepting, rejecting or merging readers' tips, and forgetting their contacts.
        case triageTips
        /// Setting how the desk's events leave it: the mail transport and webhooks.
        case sendOutside
        /// A source, a claim, a note, evidence, a link, an alias or a known fact-check: any active reviewer's.
        case contribute
        /// A password, an API token, a second factor or the notification settings of this
        /// reviewer's: their own, or an editor's doing.
        case access(of: String)

        /// What the actor would be doing, as a refusal names it.
        public var doing: String {
            switch self {
            case .foundDesk, .addReviewer: "add reviewers"
            case .setActive(_, let active): active ? "activate reviewers" : "deactivate reviewers"
            case .setRole: "change roles"
            case .registerKey: "register reviewers' keys"
            case .registerService: "register services"
            case .removeService: "remove services"
            case .installWorkflow: "install a workflow"
            case .watchFeeds: "watch feeds"
            case .triageTips: "triage readers' tips"
            case .sendOutside: "set up email and webhooks"
            case .contribute: "add to the desk"
            case .access: "change another reviewer's login or settings"
            }
        }
    }

    /// Why a change may not be made.
    public enum Refusal: Sendable, Equatable {
        /// The actor is not one of the desk's reviewers.
        case notAReviewer
        /// The actor is not active.
        case inactive
        /// Only an editor may.
        case editorOnly
        /// The change would leave the desk without an active editor; the handle is that last editor's.
        case lastEditor(String)
    }

    /// Every rule the change breaks, in the order a person fixes them (none when it may be made).
    ///
    /// `activeEditors` is how many active editors the desk has before the change.
    public static func refusals(_ change: Change, actor handle: String, as actor: Person?, activeEditors: Int) -> [Refusal] {
        if change == .foundDesk { return [] }
        var refusals: [Refusal] = actor == nil ? [.notAReviewer] : actor?.active == true ? [] : [.inactive]
        if needsEditor(change, actor: handle), actor?.role != .editor { refusals.append(.editorOnly) }
        if let last = lastEditor(change, activeEditors: activeEditors) { refusals.append(.lastEditor(last)) }
        return refusals
    }

    /// Whether only an editor may make the change, for this actor.
    static func needsEditor(_ change: Change, actor: String) -> Bool {
        switch change {
        case .foundDesk, .contribute: false
        case .registerKey(let target):
            // A reviewer with no key yet (on a desk made before signing) registers their own.
            !(target.handle == actor && !target.hasKey)
        case .access(let owner): owner != actor
        case .addReviewer, .setActive, .setRole, .registerService, .removeService, .installWorkflow, .watchFeeds, .triageTips, .sendOutside: true
        }
    }

    /// The editor the change would leave the desk without, if it would leave none active.
    static func lastEditor(_ change: Change, activeEditors: Int) -> String? {
        switch change {
        case .setActive(let target, false) where target.leads && activeEditors <= 1: target.handle
        case .setRole(let target, let role) where target.leads && role != .editor && activeEditors <= 1: target.handle
        default: nil
        }
    }
}
