import Foundation
import Mustache

/// One self-contained HTML page: the article with each claim highlighted in its verdict's
/// colour, a summary of claims per state, and every claim's details in a side panel.
///
/// Built from a Mustache template; every piece of article, claim, note and evidence text
/// goes through Mustache's HTML escaping, so nothing from outside can inject markup, and
/// through ``InvisibleCharacters/shown(_:)``, so that a bidirectional override cannot make
/// the title, a claim or a note read as something it does not say. The page forbids
/// scripts and every outside load in its own Content-Security-Policy.
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

    public func render() throws -> String {
        let template = try MustacheTemplate(string: Self.template)
        return template.render(context)
    }

    /// The values the template shows.
    var context: [String: Any] {
        let rtl = ["ar", "fa", "ur", "he"].contains(source.language)
        let counts = Dictionary(grouping: claims, by: \.claim.state).mapValues(\.count)
        return [
            "lang": source.language,
            "dir": rtl ? "rtl" : "ltr",
            "title": shown(source.title),
            "outlet": shown(source.outlet ?? ""),
            "url": shown(source.url ?? ""),
            "link": source.url.flatMap(WebLink.href) ?? "",
            // An empty string still opens a Mustache section: whether there is a link, said apart.
            "hasLink": source.url.flatMap(WebLink.href) != nil,
            "published": shown(source.publishedOn ?? ""),
            "sourceID": String(source.id ?? 0),
            "summary": workflow.states.compactMap { state -> [String: Any]? in
                guard let count = counts[state.name] else { return nil }
                return ["state": state.name, "count": String(count)]
            },
            "segments": segments,
            "claims": claims.map(claimContext),
            "generated": ISO8601.string(from: Date()),
            "policy": Self.contentSecurityPolicy,
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
    var segments: [[String: Any]] {
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
                "tip": shown("\(detail.claim.state) · \(detail.claim.assignee ?? "unassigned")"),
            ]])
            position = range.upperBound
        }
        if position < scalars.count { result.append(["text": shown(text(position..<scalars.count))]) }
        return result
    }

    func claimContext(_ detail: ClaimDetail) -> [String: Any] {
        let claim = detail.claim
        var context: [String: Any] = [
            "id": String(claim.id ?? 0),
            "state": claim.state,
            "text": shown(claim.text),
            "assignee": shown(claim.assignee ?? "—"),
            "speaker": shown(claim.speaker ?? "—"),
            "score": String(claim.worthiness),
            "notes": detail.notes.map { ["author": shown($0.author), "body": shown($0.body), "at": ISO8601.string(from: $0.createdAt)] },
            "evidence": detail.evidence.map { ["url": shown($0.url), "stance": $0.stance.rawValue, "by": shown($0.addedBy)] },
            "hasNotes": !detail.notes.isEmpty,
            "hasEvidence": !detail.evidence.isEmpty,
            "revised": revisedClaims.contains(claim.id ?? 0),
        ]
        if let due = claim.dueAt { context["due"] = ISO8601.string(from: due) }
        return context
    }

    /// Text as the page prints it: each invisible or direction-changing character written out.
    private func shown(_ text: String) -> String {
        InvisibleCharacters.shown(text)
    }
}
