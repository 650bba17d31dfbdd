/// The replay's rules for changes that are not transitions: ``ChangePolicy``, as the history had the team.
extension HistoryReplay {
    /// The change an event makes, as ``ChangePolicy`` sees it; nil when the reviewer it is
    /// about was not on the team.
    func change(_ payload: EventPayload, by actor: String) -> ChangePolicy.Change? {
        func person(_ handle: String) -> ChangePolicy.Person? {
            reviewers[handle].map {
                ChangePolicy.Person(handle: handle, role: Reviewer.Role(rawValue: $0.role) ?? .reviewer, active: $0.active,
                                    hasKey: $0.key != nil)
            }
        }
        switch payload {
        case .reviewerAdd(let added): return reviewers.isEmpty && added.handle == actor ? .foundDesk : .addReviewer
        case .reviewerActivate(let subject): return person(subject.handle).map { .setActive($0, to: true) }
        case .reviewerDeactivate(let subject): return person(subject.handle).map { .setActive($0, to: false) }
        case .reviewerRole(let change):
            return person(change.handle).map { .setRole($0, to: Reviewer.Role(rawValue: change.role ?? "") ?? .reviewer) }
        case .reviewerKey(let change): return person(change.handle).map { .registerKey(for: $0) }
        case .serviceAdd: return .registerService
        case .serviceRemove: return .removeService
        case .workflowInstall: return .installWorkflow
        case .feedAdd, .feedRemove: return .watchFeeds
        case .tipAccept, .tipReject, .tipMerge, .tipForget: return .triageTips
        case .mailSet, .webhookAdd, .webhookRemove: return .sendOutside
        case .reviewerNotify(let settings): return .access(of: settings.handle)
        case .reviewerPassword(let credential): return .access(of: credential.handle)
        case .tokenCreate(let token), .tokenRevoke(let token): return .access(of: token.handle ?? actor)
        case .twoFactorEnable, .twoFactorDisable:
            // Who may is TwoFactorRules' (HistoryReplay+TwoFactor.swift); here, only that the actor was active.
            return .contribute
        default: return .contribute
        }
    }

    /// Reports each rule of the change policy the event broke.
    mutating func permit(_ change: ChangePolicy.Change, _ event: Event) {
        let actor = reviewers[event.actor].map {
            ChangePolicy.Person(handle: event.actor, role: Reviewer.Role(rawValue: $0.role) ?? .reviewer, active: $0.active,
                                hasKey: $0.key != nil)
        }
        let editors: Int
        switch change {
        case .setActive, .setRole: editors = reviewers.values.reduce(0) { $0 + ($1.active && $1.role == Reviewer.Role.editor.rawValue ? 1 : 0) }
        default: editors = 0
        }
        for refusal in ChangePolicy.refusals(change, actor: event.actor, as: actor, activeEditors: editors) {
            switch refusal {
            case .notAReviewer, .inactive: problem(.notAllowed, event.seq, "\(event.actor) was not an active reviewer then")
            case .editorOnly:
                problem(.notAllowed, event.seq, "only an editor may \(event.action), and \(event.actor) was not one then")
            case .lastEditor(let last):
                problem(.notAllowed, event.seq, "it leaves the desk without an active editor: \(last) was the last one")
            }
        }
    }

    mutating func actorIsActive(_ event: Event) -> Bool {
        guard let person = reviewers[event.actor], person.active else {
            problem(.notAllowed, event.seq, "\(event.actor) was not an active reviewer then")
            return false
        }
        return true
    }

    mutating func isEditor(_ event: Event) -> Bool {
        guard reviewers[event.actor]?.role == Reviewer.Role.editor.rawValue else {
            problem(.notAllowed, event.seq, "only an editor may \(event.action), and \(event.actor) was not one then")
            return false
        }
        return true
    }
}
