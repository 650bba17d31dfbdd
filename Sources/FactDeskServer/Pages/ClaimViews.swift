import FactDeskKit
import Foundation

/// Claims as rows of the queue and the claim list.
enum ClaimRows {
    static func rows(_ claims: [Claim], workflow: Workflow, _ l: Localizer, now: Date = Date()) -> [[String: Any]] {
        claims.map { claim in
            let id = claim.id ?? 0
            var row: [String: Any] = [
                "id": String(id), "number": l.number(Int(id)), "label": l.text("claims_row_label", ["id": l.number(Int(id))]),
                "state": Piece.state(claim.state, workflow: workflow, l),
                "score": l.number(claim.worthiness), "assignee": claim.assignee ?? false,
                "due": claim.dueAt.map { Piece.time($0, l, now: now) } ?? "—", "overdue": claim.isOverdue(at: now, in: workflow),
                "source": String(claim.sourceID), "sourceNumber": l.number(Int(claim.sourceID)),
                "claimText": Piece.text(claim.text), "speaker": false,
            ]
            if let speaker = claim.speaker { row["speaker"] = Piece.text(speaker) }
            return row
        }
    }

    /// A table of claims with its caption and the words it shows when empty.
    static func table(_ claims: [Claim], workflow: Workflow, _ l: Localizer, caption: String, empty: String) -> [String: Any] {
        ["claims": rows(claims, workflow: workflow, l), "caption": caption, "empty": empty]
    }
}

/// The values of the claim page, built from the overview that `claim show` prints.
struct ClaimPage {
    var overview: ClaimOverview
    var team: [Reviewer]
    var csrf: String
    var l: Localizer

    var data: [String: Any] {
        let detail = overview.detail
        let claim = detail.claim
        let workflow = overview.workflow
        let language = detail.source.language
        let number = Int(claim.id ?? 0)
        let id = String(number)
        var data: [String: Any] = [
            "id": id, "heading": l.text("claim_heading", ["id": l.number(number)]),
            "state": Piece.state(claim.state, workflow: workflow, l),
            "assignee": claim.assignee ?? false, "sourceID": String(claim.sourceID), "sourceNumber": l.number(Int(claim.sourceID)),
            "sourceTitle": Piece.text(detail.source.title, language: language),
            "score": l.number(claim.worthiness), "reasons": claim.reasons.map { Self.reason($0, l) }, "versionNumber": l.number(Int(claim.version)),
            "lang": language, "dir": Piece.direction(language), "csrf": csrf,
            "notesHeading": l.count("claim_notes", detail.notes.count),
            "evidenceHeading": l.count("claim_evidence", detail.evidence.count),
            "speaker": false, "due": false,
        ]
        if let speaker = claim.speaker { data["speaker"] = Piece.text(speaker, language: language) }
        if let due = claim.dueAt {
            data["due"] = Piece.time(due, l)
            data["overdue"] = claim.isOverdue(at: Date(), in: workflow)
        }
        let hidden = InvisibleCharacters.report(claim: claim.text, speaker: claim.speaker)
        if !hidden.isEmpty { data["hidden"] = l.html("claim_hidden", ["characters": hidden.joined(separator: ", ")]) }
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
        let others = overview.transitions.filter { !$0.permitted }.map {
            l.text("claim_other_transition", ["transition": WorkflowText.transition($0.0, l),
                                               "who": WorkflowText.who($0.0, in: workflow, l)])
        }
        if !others.isEmpty {
            data["others"] = l.html("claim_others", ["transitions": others.joined(separator: l.text("workflow_list_separator"))])
        }
        data["related"] = overview.related.map { match -> [String: Any] in
            let other = Int(match.claim.id ?? 0)
            return [
                "id": String(other), "claimID": id,
                "where": l.html("claim_related_where", [:], markup: [
                    "claim": #"<a href="/claims/\#(other)">"# + HTMLText.escaped(l.text("claim_link_text", ["id": l.number(other)])) + "</a>",
                    "source": #"<a href="/sources/\#(match.claim.sourceID)">"# + l.number(Int(match.claim.sourceID)) + "</a>"]),
                "state": Piece.state(match.claim.state, workflow: workflow, l),
                "decidedBy": match.decidedBy ?? false,
                "score": l.html("claim_match_score", ["score": l.digitsOf(String(format: "%.2f", match.score))]),
                "link": match.link.map { Self.linkLabel($0, l) } ?? false, "claimText": Piece.text(match.claim.text), "csrf": csrf,
            ]
        }
        data["knownChecks"] = overview.knownChecks.map { match -> [String: Any] in
            let review = match.check.content
            return [
                "publisher": InvisibleCharacters.shown(review.publisher), "date": review.publishedOn.map(l.digitsOf) ?? l.text("claim_undated"),
                "rating": InvisibleCharacters.shown(review.ratingText),
                "score": l.html("claim_match_score", ["score": l.digitsOf(String(format: "%.2f", match.score))]),
                "claimText": Piece.text(review.claimReviewed),
                "href": review.url.flatMap(WebLink.href) ?? false, "url": review.url.map(InvisibleCharacters.shown) ?? false,
            ]
        }
        data["hasKnownChecks"] = !overview.knownChecks.isEmpty
        data["notes"] = detail.notes.map { ["at": Piece.time($0.createdAt, l), "author": $0.author, "body": Piece.text($0.body)] }
        data["evidenceItems"] = detail.evidence.map { item -> [String: Any] in
            var row: [String: Any] = ["stance": item.stance.rawValue, "stanceLabel": Self.stanceLabel(item.stance, l),
                                      "url": InvisibleCharacters.shown(item.url), "addedBy": item.addedBy,
                                      "href": WebLink.href(item.url) ?? false, "note": false]
            if let note = item.note { row["note"] = Piece.text(note) }
            return row
        }
        data["history"] = detail.history.reversed().map { Self.event($0, workflow: workflow, l) }
        return data
    }

    /// A reason for a claim's check-worthiness, as the extractor recorded it (`date: السبت`),
    /// in the reader's language: its kind from the catalog, the words it found isolated.
    static func reason(_ reason: String, _ l: Localizer) -> String {
        if reason == "quotation" { return l.html("reason_quotation") }
        if reason == "number: a percentage" { return l.html("reason_percentage") }
        let kinds = [("number: ", "reason_number"), ("date: ", "reason_date"), ("attribution: ", "reason_attribution"),
                     ("official or body: ", "reason_official")]
        for (prefix, key) in kinds where reason.hasPrefix(prefix) {
            return l.html(key, ["found": String(reason.dropFirst(prefix.count))])
        }
        return "<span dir=\"auto\">" + HTMLText.escaped(reason) + "</span>"
    }

    static func stanceLabel(_ stance: Evidence.Stance, _ l: Localizer) -> String {
        switch stance {
        case .supports: l.text("stance_supports")
        case .refutes: l.text("stance_refutes")
        case .context: l.text("stance_context")
        }
    }

    static func linkLabel(_ kind: ClaimLink.Kind, _ l: Localizer) -> String {
        switch kind {
        case .same: l.text("claim_marked_same")
        case .contradicts: l.text("claim_marked_contradicts")
        case .unrelated: l.text("claim_marked_unrelated")
        }
    }

    /// One form for each transition the viewer may run now.
    private func forms(claimID: String, version: String) -> [[String: Any]] {
        let workflow = overview.workflow
        return overview.transitions.filter(\.permitted).map { transition, _ in
            let target = transition.acceptsProposal ? l.text("claim_proposed_verdict") : WorkflowText.state(transition.to, in: workflow, l)
            var form: [String: Any] = [
                "name": transition.name, "label": WorkflowText.transition(transition, l),
                "arrow": l.language == .ar ? "←" : "→",
                "toLabel": l.html("claim_goes_to", ["state": target]), "claimID": claimID, "version": version, "csrf": csrf,
                "needsNote": transition.requiresNote, "assigns": transition.setsAssignee,
                "evidence": transition.minimumEvidence > 0 || transition.proposes != nil
                    || workflow.evidenceStance(for: transition.name) != .context,
                "evidenceLabel": transition.minimumEvidence > 0
                    ? HTMLText.escaped(l.count("claim_evidence_url_needed", transition.minimumEvidence))
                    : HTMLText.escaped(l.text("claim_evidence_url_field")),
                "summary": transition.summary(in: l.language) ?? false,
            ]
            if transition.setsAssignee {
                form["reviewers"] = team.map { ["handle": $0.handle, "name": $0.displayName] }
            }
            return form
        }
    }

    /// One line of a claim's history: what that event itself set, as a sentence of the
    /// reader's language.
    ///
    /// Every key the line reads is present, `false` when the event did not set it: a
    /// Mustache section looks a missing key up in the page around it, which would label
    /// the event with the claim's current assignee and deadline.
    static func event(_ event: AuditEvent, workflow: Workflow, _ l: Localizer) -> [String: Any] {
        var values = ["actor": event.actor, "action": event.action]
        var key = "history_other"
        if let from = event.fromState, let to = event.toState {
            values["from"] = WorkflowText.state(from, in: workflow, l)
            values["to"] = WorkflowText.state(to, in: workflow, l)
            values["transition"] = workflow.transition(named: event.action).map { WorkflowText.transition($0, l) } ?? event.action
            key = "history_transition"
            if let assignee = event.payload.transition?.assignee {
                values["assignee"] = assignee
                key = "history_transition_assigned"
                if let due = event.payload.transition?.due {
                    values["due"] = l.digitsOf(due)
                    key = "history_transition_assigned_due"
                }
            }
        } else {
            switch event.action {
            case AuditAction.claimAdd: key = "history_created"
            case AuditAction.claimNote: key = "history_note"
            case AuditAction.claimEvidence: key = "history_evidence"
            case AuditAction.claimLink: key = "history_link"
            default: break
            }
        }
        var row: [String: Any] = [
            "seq": l.number(Int(event.seq ?? 0)), "at": Piece.time(event.at, l), "hash": event.hash,
            "line": l.html(key, values), "note": false,
        ]
        if let note = event.payload.note { row["note"] = Piece.text(note) }
        return row
    }
}
