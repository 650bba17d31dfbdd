/// The replay's rules for second factors: TwoFactorRules, as the history had the people.
extension HistoryReplay {
    /// `twofactor.enable`: for an active reviewer, by themselves or an editor.
    mutating func enableTwoFactor(_ event: Event, _ details: EventDetails) {
        guard let handle = twoFactorTarget(event, details, .enable) else { return }
        guard reviewers[handle]?.active == true else {
            return problem(.notAllowed, event.seq, "it turns on a two-factor login for \(handle), who was not an active reviewer then")
        }
        secondFactors.insert(handle)
    }

    /// `twofactor.disable`: of someone who had one, by themselves or an editor.
    mutating func disableTwoFactor(_ event: Event, _ details: EventDetails) {
        guard let handle = twoFactorTarget(event, details, .disable) else { return }
        guard secondFactors.remove(handle) != nil else {
            return problem(.notAllowed, event.seq, "it turns off the two-factor login of \(handle), who had none then")
        }
    }

    /// The reviewer an event names, once the actor was allowed to change their second factor.
    private mutating func twoFactorTarget(_ event: Event, _ details: EventDetails, _ change: TwoFactorRules.Change) -> String? {
        guard let handle = details.handle, reviewers[handle] != nil else {
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
}
