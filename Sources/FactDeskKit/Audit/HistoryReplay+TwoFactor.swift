/// The replay's rules for second factors: TwoFactorRules, as the history had the people.
extension HistoryReplay {
    /// `twofactor.enable`: for an active reviewer, by themselves or an editor.
    mutating func enableTwoFactor(_ event: Event, _ details: EventPayload.Subject) {
        guard let handle = twoFactorTarget(event, details, .enable) else { return }
        guard reviewers[handle]?.active == true else {
            return problem(.notAllowed, event.seq, "it turns on a two-factor login for \(handle), who was not an active reviewer then")
        }
        secondFactors.insert(handle)
    }

    /// `twofactor.disable`: of someone who had one, by themselves or an editor.
    mutating func disableTwoFactor(_ event: Event, _ details: EventPayload.Subject) {
        guard let handle = twoFactorTarget(event, details, .disable) else { return }
        guard secondFactors.remove(handle) != nil else {
            return problem(.notAllowed, event.seq, "it turns off the two-factor login of \(handle), who had none then")
        }
    }

    /// The reviewer an event names, once the actor was allowed to change their second factor.
    private mutating func twoFactorTarget(_ event: Event, _ details: EventPayload.Subject, _ change: TwoFactorRules.Change) -> String? {
        let handle = details.handle
        guard reviewers[handle] != nil else {
            problem(.notAllowed, event.seq, "its details lack what a \(event.action) event records")
            return nil
        }
        let actorIsEditor = reviewers[event.actor]?.role == Reviewer.Role.editor.rawValue
        guard TwoFactorRules.mayChange(change, actor: event.actor, actorIsEditor: actorIsEditor, target: handle) else {
            problem(.notAllowed, event.seq, "only \(handle) or an editor may \(event.action) for \(handle), and \(event.actor) was neither")
            return nil
        }
        return handle
    }

    /// A stored second factor: there must be one for each reviewer the history left with one.
    mutating func checkSecondFactorRow(handle: String) {
        if secondFactors.remove(handle) == nil {
            problem(.rowChanged, nil, "no event turned on a two-factor login for \(handle), or one turned it off since",
                    row: "second factor \(handle)")
        }
    }

    /// The second factors the history turned on that no row holds: turned off without an event.
    mutating func finishSecondFactors() {
        for handle in secondFactors.sorted() {
            problem(.rowChanged, nil, "its history turned on \(handle)'s two-factor login but it is gone",
                    row: "second factor \(handle)")
        }
        secondFactors = []
    }
}
