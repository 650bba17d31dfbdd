import Foundation
import Mustache

/// One self-contained HTML page: the article with each claim highlighted in its verdict's
/// colour, a summary of claims per state, and every claim's details in a side panel.
///
/// Built from a Mustache template; every piece of article, claim, note and evidence text
/// goes through Mustache's HTML escaping, or through ``Localizer/html(_:_:markup:)`` when it
/// is a value in one of the page's own sentences, so nothing from outside can inject markup, and
/// through ``InvisibleCharacters/shown(_:)``, so that a bidirectional override cannot make
/// the title, a claim or a note read as something it does not say. The page forbids
/// scripts and every outside load in its own Content-Security-Policy.
///
/// The page's own words come from the catalog's report part in one interface language;
/// the article and its claims keep the source's `lang` and `dir`, and what reviewers wrote
/// is set `dir="auto"` or isolated, so that each reads in its own direction.
public struct ArticleReport: Sendable {
    public var source: Source
    public var claims: [ClaimDetail]
    public var workflow: Workflow
    /// For a web source its outlet changed: the sentences removed and added since the desk
    /// first read it, in order, and the claims whose sentence changed or vanished.
    public var changes: [SentenceDiff.Line] = []
    public var revisedClaims: Set<Int64> = []

    public init(source: Source, claims: [ClaimDetail], workflow: Workflow) {
        self.source = source
        self.claims = claims
        self.workflow = workflow
    }

    /// The page, its own words in `language`: by default Arabic for an Arabic source, else English.
    ///
    /// Only the words around the desk's text change with the language; the article, its
    /// claims and what reviewers wrote keep their own language and direction.
    public func render(language: InterfaceLanguage? = nil) throws -> String {
        try render(localizer: Localizer(language ?? defaultLanguage))
    }

    /// The page in a reader's own interface: their language, digits and month names.
    public func render(localizer: Localizer) throws -> String {
        let template = try MustacheTemplate(string: Self.template)
        return template.render(context(localizer))
    }

    /// The interface language a report takes when none is asked for: the source's, if Arabic.
    public var defaultLanguage: InterfaceLanguage {
        InterfaceLanguage(tag: source.language) == .ar ? .ar : .en
    }

    /// The values the template shows, the page's own words in `localizer`'s language.
    func context(_ localizer: Localizer) -> [String: Any] {
        let rtl = ["ar", "fa", "ur", "he"].contains(source.language)
        let counts = Dictionary(grouping: claims, by: \.claim.state).mapValues(\.count)
        let generated = localizer.dateTime(Date())
        return [
            "lang": localizer.language.rawValue,
            "dir": localizer.direction,
            "sourceLang": source.language,
            "sourceDir": rtl ? "rtl" : "ltr",
            "title": shown(source.title),
            // A missing value is false, not "": an empty string still opens a Mustache section.
            "outlet": source.outlet.flatMap { $0.isEmpty ? nil : shown($0) } ?? false,
            "url": source.url.flatMap { $0.isEmpty ? nil : shown($0) } ?? false,
            "link": source.url.flatMap(WebLink.href) ?? "",
            // An empty string still opens a Mustache section: whether there is a link, said apart.
            "hasLink": source.url.flatMap(WebLink.href) != nil,
            "published": source.publishedOn.flatMap { $0.isEmpty ? nil : localizer.digitsOf(shown($0)) } ?? false,
            "sourceLabel": localizer.html("report_source", ["id": localizer.number(source.id ?? 0)]),
            "summary": workflow.states.compactMap { state -> [String: Any]? in
                guard let count = counts[state.name] else { return nil }
                return ["state": state.name, "label": Self.summary(of: shown(state.name), count, localizer)]
            },
            "segments": segments(localizer),
            "claims": claims.map { claimContext($0, localizer) },
            "footer": localizer.html("report_footer", ["date": generated]),
            "policy": Self.contentSecurityPolicy,
            "changesHeading": localizer.text("report_changes_heading"),
            "removedLabel": localizer.text("report_removed"),
            "addedLabel": localizer.text("report_added"),
            "revisedLabel": localizer.text("report_revised"),
            "notesLabel": localizer.text("report_notes"),
            "evidenceLabel": localizer.text("report_evidence"),
            "changes": changes.map { line -> [String: Any] in
                switch line {
                case .removed(let text): ["removed": shown(text)]
                case .added(let text): ["added": shown(text)]
                case .kept(let text): ["kept": shown(text)]
                }
            },
            "hasChanges": !changes.isEmpty,
        ]
    }

    /// The article cut into plain text and highlighted claims; a claim whose span overlaps
    /// one already highlighted is listed in the panel only.
    func segments(_ localizer: Localizer) -> [[String: Any]] {
        let scalars = Array(source.body.unicodeScalars)
        var result: [[String: Any]] = []
        var position = 0
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        let anchored = claims.compactMap { detail -> (Range<Int>, ClaimDetail)? in
            guard let start = detail.claim.spanStart, let end = detail.claim.spanEnd, end <= scalars.count else { return nil }
            return (start..<end, detail)
        }.sorted { ($0.0.lowerBound, $0.0.count) < ($1.0.lowerBound, $1.0.count) }
        for (range, detail) in anchored where range.lowerBound >= position {
            if range.lowerBound > position {
                result.append(["text": shown(text(position..<range.lowerBound))])
            }
            result.append(["text": shown(text(range)), "claim": [
                "id": String(detail.claim.id ?? 0), "state": detail.claim.state,
                "tip": localizer.text("report_mark_title", [
                    "id": String(detail.claim.id ?? 0), "state": shown(stateName(detail.claim.state, localizer)),
                    "assignee": detail.claim.assignee.map(shown) ?? localizer.text("report_unassigned"),
                ]),
            ]])
            position = range.upperBound
        }
        if position < scalars.count { result.append(["text": shown(text(position..<scalars.count))]) }
        return result
    }

    /// One claim's panel: its text in the source's language, the rest in `localizer`'s.
    func claimContext(_ detail: ClaimDetail, _ localizer: Localizer) -> [String: Any] {
        let claim = detail.claim
        var labels = [
            localizer.html("report_speaker", ["speaker": shown(claim.speaker ?? "—")]),
            localizer.html("report_assignee", ["assignee": shown(claim.assignee ?? "—")]),
            localizer.html("report_score", ["score": localizer.number(claim.worthiness)]),
        ]
        if let due = claim.dueAt { labels.append(localizer.html("report_due", ["due": localizer.dateTime(due)])) }
        return [
            "id": String(claim.id ?? 0),
            "state": claim.state,
            "stateName": shown(stateName(claim.state, localizer)),
            "heading": localizer.html("report_claim", ["id": localizer.number(claim.id ?? 0)]),
            "text": shown(claim.text),
            "labels": labels.joined(separator: " · "),
            "notes": detail.notes.map { note -> [String: Any] in
                ["body": shown(note.body), "lang": ScriptDetector.language(of: note.body),
                 "byline": localizer.html("report_note_byline", ["author": shown(note.author), "date": localizer.dateTime(note.createdAt)])]
            },
            "evidence": detail.evidence.map { ["url": shown($0.url), "stance": Self.stanceName($0.stance, localizer), "by": shown($0.addedBy)] },
            "hasNotes": !detail.notes.isEmpty,
            "hasEvidence": !detail.evidence.isEmpty,
            "revised": revisedClaims.contains(claim.id ?? 0),
        ]
    }

    /// A workflow state's name in the reader's language, as the workflow labels it; a state
    /// the workflow does not know keeps its name.
    func stateName(_ state: String, _ localizer: Localizer) -> String {
        workflow.state(named: state)?.label(in: localizer.language) ?? state
    }

    /// How many claims are in a state, as one counted phrase of HTML ("3 claims verified").
    static func summary(of state: String, _ count: Int, _ localizer: Localizer) -> String {
        switch state {
        case "new": localizer.countHTML("report_summary_new", count)
        case "assigned": localizer.countHTML("report_summary_assigned", count)
        case "in_review": localizer.countHTML("report_summary_in_review", count)
        case "awaiting_approval": localizer.countHTML("report_summary_awaiting_approval", count)
        case "verified": localizer.countHTML("report_summary_verified", count)
        case "disputed": localizer.countHTML("report_summary_disputed", count)
        case "unverifiable": localizer.countHTML("report_summary_unverifiable", count)
        case "skipped": localizer.countHTML("report_summary_skipped", count)
        default: localizer.countHTML("report_summary_state", count, ["state": state])
        }
    }

    /// How a piece of evidence bears on its claim, in the reader's language.
    static func stanceName(_ stance: Evidence.Stance, _ localizer: Localizer) -> String {
        switch stance {
        case .supports: localizer.text("report_stance_supports")
        case .refutes: localizer.text("report_stance_refutes")
        case .context: localizer.text("report_stance_context")
        }
    }

    /// Text as the page prints it: each invisible or direction-changing character written out.
    private func shown(_ text: String) -> String {
        InvisibleCharacters.shown(text)
    }
}
