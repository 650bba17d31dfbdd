import FactDeskKit
import Foundation

/// Claims as rows of the queue and the claim list.
enum ClaimRows {
    static func rows(_ claims: [Claim], workflow: Workflow, now: Date = Date()) -> [[String: Any]] {
        claims.map { claim in
            var row: [String: Any] = [
                "id": String(claim.id ?? 0), "state": claim.state,
                "stateClass": Piece.stateClass(claim.state, workflow: workflow),
                "score": String(claim.worthiness), "assignee": claim.assignee ?? "—",
                "due": claim.dueAt.map(Piece.time) ?? "—", "overdue": claim.isOverdue(at: now, in: workflow),
                "source": String(claim.sourceID), "claimText": Piece.text(claim.text),
            ]
            if let speaker = claim.speaker { row["speaker"] = Piece.text(speaker) }
            return row
        }
    }
}

/// The values of the claim page, built from the overview that `claim show` prints.
struct ClaimPage {
    var overview: ClaimOverview
    var team: [Reviewer]
    var csrf: String

    var data: [String: Any] {
        let detail = overview.detail
        let claim = detail.claim
        let workflow = overview.workflow
        let language = detail.source.language
        let id = String(claim.id ?? 0)
        var data: [String: Any] = [
            "id": id, "state": claim.state, "stateClass": Piece.stateClass(claim.state, workflow: workflow),
            "assignee": claim.assignee ?? "nobody", "sourceID": String(claim.sourceID),
            "sourceTitle": Piece.text(detail.source.title, language: language),
            "score": String(claim.worthiness), "reasons": claim.reasons, "version": String(claim.version),
            "lang": language, "dir": Piece.direction(language), "csrf": csrf,
            "noteCount": String(detail.notes.count), "evidenceCount": String(detail.evidence.count),
        ]
        if let speaker = claim.speaker { data["speaker"] = Piece.text(speaker, language: language) }
        if let due = claim.dueAt {
            data["due"] = Piece.time(due)
            data["overdue"] = claim.isOverdue(at: Date(), in: workflow)
        }
        let hidden = InvisibleCharacters.report(claim: claim.text, speaker: claim.speaker)
        if !hidden.isEmpty { data["hidden"] = hidden.joined(separator: ", ") }
        if let start = claim.spanStart, let end = claim.spanEnd {
            let paragraph = TextSpan.paragraph(of: start..<end, in: detail.source.body)
            data["before"] = InvisibleCharacters.shown(paragraph.before)
            data["span"] = InvisibleCharacters.shown(paragraph.span)
            data["after"] = InvisibleCharacters.shown(paragraph.after)
        } else {
            data["span"] = InvisibleCharacters.shown(claim.text)
            data["paraphrase"] = true
        }
        data["forms"] = forms(claimID: id, version: String(claim.version))
        let others = overview.transitions.filter { !$0.permitted }.map { "\($0.0.name) (\($0.0.whoMayRun))" }
        if !others.isEmpty { data["others"] = others.joined(separator: ", ") }
        data["related"] = overview.related.map { match -> [String: Any] in
            [
                "id": String(match.claim.id ?? 0), "sourceID": String(match.claim.sourceID), "claimID": id,
                "state": match.claim.state, "stateClass": Piece.stateClass(match.claim.state, workflow: workflow),
                "decidedBy": match.decidedBy ?? false, "score": String(format: "%.2f", match.score),
                "link": match.link?.rawValue ?? false, "claimText": Piece.text(match.claim.text), "csrf": csrf,
            ]
        }
        data["knownChecks"] = overview.knownChecks.map { match -> [String: Any] in
            let review = match.check.content
            return [
                "publisher": InvisibleCharacters.shown(review.publisher), "date": review.publishedOn ?? "undated",
                "rating": InvisibleCharacters.shown(review.ratingText), "score": String(format: "%.2f", match.score),
                "claimText": Piece.text(review.claimReviewed),
                "href": review.url.flatMap(WebLink.href) ?? false, "url": review.url.map(InvisibleCharacters.shown) ?? false,
            ]
        }
        data["hasKnownChecks"] = !overview.knownChecks.isEmpty
        data["notes"] = detail.notes.map { ["at": Piece.time($0.createdAt), "author": $0.author, "body": Piece.text($0.body)] }
        data["evidenceItems"] = detail.evidence.map { item -> [String: Any] in
            var row: [String: Any] = ["stance": item.stance.rawValue, "url": InvisibleCharacters.shown(item.url),
                                      "addedBy": item.addedBy, "href": WebLink.href(item.url) ?? false]
            if let note = item.note { row["note"] = Piece.text(note) }
            return row
        }
        data["history"] = detail.history.reversed().map(Self.event)
        return data
    }

    /// One form for each transition the viewer may run now.
    private func forms(claimID: String, version: String) -> [[String: Any]] {
        overview.transitions.filter(\.permitted).map { transition, _ in
            var form: [String: Any] = [
                "name": transition.name, "to": transition.to, "claimID": claimID, "version": version, "csrf": csrf,
                "needsNote": transition.requiresNote, "assigns": transition.setsAssignee,
                "evidence": transition.minimumEvidence > 0 || transition.proposes != nil
                    || overview.workflow.evidenceStance(for: transition.name) != .context,
                "needsEvidence": transition.minimumEvidence > 0 ? String(transition.minimumEvidence) : false,
            ]
            if let summary = transition.summary { form["summary"] = summary }
            if transition.setsAssignee {
                form["reviewers"] = team.map { ["handle": $0.handle, "name": $0.displayName] }
            }
            return form
        }
    }

    /// One line of a claim's history: what that event itself set.
    ///
    /// Every key the line reads is present, `false` when the event did not set it: a
    /// Mustache section looks a missing key up in the page around it, which would label
    /// the event with the claim's current assignee and deadline.
    static func event(_ event: AuditEvent) -> [String: Any] {
        var row: [String: Any] = [
            "seq": String(event.seq ?? 0), "at": Piece.time(event.at), "actor": event.actor, "action": event.action,
            "hash": event.hash, "change": false, "assignee": false, "due": false, "note": false,
        ]
        if let from = event.fromState, let to = event.toState { row["change"] = "\(from) → \(to)" }
        if let assignee = event.payload.transition?.assignee { row["assignee"] = assignee }
        if let due = event.payload.transition?.due { row["due"] = due }
        if let note = event.payload.note { row["note"] = Piece.text(note) }
        return row
    }
}
