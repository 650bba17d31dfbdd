/// The replay of feeds and readers' tips, and the check of their rows.
extension HistoryReplay {
    /// A tip comes from a reader, not from the team: the event must be signed by a service
    /// (the web desk that took it), and name the reader as its actor.
    mutating func receiveTip(_ event: Event, _ tip: EventPayload.TipReceived) {
        guard event.signer != nil, event.actor == AuditAction.tipActor else {
            return problem(.notAllowed, event.seq, "a tip must come through the web desk, signed by its service")
        }
        if tips[tip.tip] != nil { return problem(.notAllowed, event.seq, "it receives tip \(tip.tip) a second time") }
        tips[tip.tip] = TipState(words: Self.tipDigest(tip.text, tip.url, tip.language, at: event.at))
    }

    /// A tip accepted, rejected or merged: once, from new, into a tip that exists.
    mutating func decideTip(_ event: Event, _ payload: EventPayload, _ decided: EventPayload.TipDecided) {
        guard var tip = tips[decided.tip] else {
            return problem(.notAllowed, event.seq, "it decides tip \(decided.tip), which was never received")
        }
        guard tip.status == .new else { return problem(.notAllowed, event.seq, "it decides tip \(decided.tip) a second time") }
        switch payload {
        case .tipAccept:
            guard let claim = event.claimID else { return malformed(event) }
            (tip.status, tip.claim) = (.accepted, claim)
        case .tipReject: (tip.status, tip.note) = (.rejected, decided.note)
        default:
            guard let into = decided.into, into != decided.tip, tips[into] != nil else { return malformed(event) }
            (tip.status, tip.into) = (.merged, into)
        }
        (tip.by, tip.at) = (event.actor, event.at)
        tips[decided.tip] = tip
    }

    static func tipDigest(_ text: String?, _ url: String?, _ language: String?, at: String?) -> Digest {
        Digest([text, url, language, at])
    }

    /// A feed's row must be one the history watches, as the history has it.
    mutating func checkFeed(_ text: (String) -> String?) {
        let id = Int64(text("id") ?? "") ?? -1
        guard let recorded = feeds.removeValue(forKey: id) else {
            return problem(.rowChanged, nil, "no event watches this feed, or one stopped watching it", row: "feed \(id)")
        }
        if text("url") != recorded.url || text("outlet") != recorded.outlet || text("added_by") != recorded.by
            || text("added_seq") != String(recorded.seq) || recorded.every.map({ text("every_seconds") != String($0) }) == true {
            problem(.rowChanged, nil, "its address, outlet, period or owner is not what its feed.add event recorded", row: "feed \(id)")
        }
    }

    /// A tip's row must hold the words its `tip.receive` event recorded, and the triage its history made.
    mutating func checkTip(_ text: (String) -> String?) {
        let id = Int64(text("id") ?? "") ?? -1
        guard let recorded = tips.removeValue(forKey: id) else {
            return problem(.rowChanged, nil, "no event received this tip", row: "tip \(id)")
        }
        if Self.tipDigest(text("text"), text("url"), text("language"), at: text("received_at")) != recorded.words {
            return problem(.rowChanged, nil, "its words are not what the reader sent, as its history recorded them", row: "tip \(id)")
        }
        if text("status") != recorded.status.rawValue || text("claim_id") != recorded.claim.map(String.init)
            || text("merged_into") != recorded.into.map(String.init) || text("note") != recorded.note
            || text("decided_by") != recorded.by || text("decided_at") != recorded.at {
            problem(.rowChanged, nil, "it says \(text("status") ?? "nothing"), which is not the triage its history made", row: "tip \(id)")
        }
    }

    /// Feeds and tips the history has whose rows are gone.
    mutating func finishIntake() {
        for id in feeds.keys.sorted() { problem(.rowChanged, nil, "its history watches it but the feed is gone", row: "feed \(id)") }
        for id in tips.keys.sorted() { problem(.rowChanged, nil, "its history received it but the tip is gone", row: "tip \(id)") }
        (feeds, tips) = ([:], [:])
    }
}
