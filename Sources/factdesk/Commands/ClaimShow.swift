import Foundation
import ArgumentParser
import FactDeskKit

extension Factdesk.ClaimCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a claim in its context, with notes, evidence, history and next steps.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The claim's id.")
        var id: Int64

        func run() async throws {
            try await global.withStoreForReading { store in
                let overview = try await store.review.overview(of: id, for: try await store.team.reviewer(global.handle))
                if global.json {
                    try Terminal.json(overview.jsonView)
                    return
                }
                let (detail, available, related) = (overview.detail, overview.transitions, overview.related)
                let claim = detail.claim
                let final = overview.isFinal
                Terminal.print(Terminal.styled("claim \(id)", .bold) + "  " + Terminal.state(claim.state, final: final)
                    + "  assigned to \(claim.assignee ?? "nobody")  version \(claim.version)")
                Terminal.print("source   \(claim.sourceID)  \(Terminal.safe(detail.source.title))")
                Terminal.print("speaker  \(Terminal.safe(claim.speaker ?? "-"))")
                if let due = claim.dueAt {
                    let late = claim.isOverdue(at: Date(), in: overview.workflow)
                    Terminal.print("due      \(ISO8601.string(from: due))" + (late ? "  " + Terminal.styled("overdue", .red) : ""))
                }
                Terminal.print("added    \(ISO8601.string(from: claim.createdAt)) by \(claim.createdBy)")
                Terminal.print("score    \(claim.worthiness)" + (claim.reasons.isEmpty ? "" : "  (" + Terminal.safe(claim.reasons.joined(separator: "; ")) + ")"))
                printRelated(related)
                let hidden = InvisibleCharacters.report(claim: claim.text, speaker: claim.speaker)
                if !hidden.isEmpty {
                    Terminal.print(Terminal.styled("warning", .red) + "  the claim holds invisible characters that can change how it reads: "
                        + hidden.joined(separator: ", "))
                }
                Terminal.print()
                printContext(detail)
                if !overview.knownChecks.isEmpty {
                    KnownCheckLines.print(overview.knownChecks)
                    Terminal.print()
                }
                printNotes(detail)
                printHistory(detail)
                printNext(available)
            }
        }

        private func printContext(_ detail: ClaimDetail) {
            let claim = detail.claim
            guard let start = claim.spanStart, let end = claim.spanEnd else {
                Terminal.print("  " + Terminal.safe(claim.text))
                Terminal.print(Terminal.styled("  (a paraphrase: these words are not in the source)", .dim))
                Terminal.print()
                return
            }
            let context = TextSpan.context(of: start..<end, in: detail.source.body)
            let sentence = [Terminal.safe(context.before), Terminal.styled(Terminal.safe(context.span), .bold),
                            Terminal.safe(context.after)].joined()
            Terminal.print(Terminal.styled("in context", .bold) + "  (characters \(start)..<\(end))")
            Terminal.print("  " + sentence)
            Terminal.print()
        }

        private func printRelated(_ related: [RelatedClaim]) {
            guard !related.isEmpty else { return }
            let sources = Set(related.map(\.claim.sourceID)).count
            let ids = related.map { String($0.claim.id ?? 0) }.joined(separator: ", ")
            Terminal.print("reported also by \(sources) other source\(sources == 1 ? "" : "s") (claims \(ids); `factdesk related \(id)`)")
            for match in related {
                guard let decider = match.decidedBy else { continue }
                Terminal.print("  related claim \(match.claim.id ?? 0) in source \(match.claim.sourceID) was \(match.claim.state) by \(decider)")
            }
        }

        private func printNotes(_ detail: ClaimDetail) {
            Terminal.print(Terminal.styled("notes (\(detail.notes.count))", .bold))
            for note in detail.notes {
                Terminal.print("  \(ISO8601.string(from: note.createdAt))  \(note.author)  \(Terminal.safe(note.body))")
                let hidden = InvisibleCharacters.report(note.body)
                if !hidden.isEmpty {
                    Terminal.print("  " + Terminal.styled("warning", .red) + "  this note holds invisible characters that can change how it reads: "
                        + hidden.joined(separator: ", "))
                }
            }
            Terminal.print(Terminal.styled("evidence (\(detail.evidence.count))", .bold))
            for item in detail.evidence {
                let note = item.note.map { "  " + Terminal.safe($0) } ?? ""
                Terminal.print("  \(item.stance.rawValue)  \(Terminal.safe(item.url))  \(item.addedBy)\(note)")
            }
        }

        private func printHistory(_ detail: ClaimDetail) {
            Terminal.print(Terminal.styled("history", .bold))
            for event in detail.history {
                Terminal.print("  " + HistoryLine.oneLine(event))
            }
        }

        private func printNext(_ available: [(Transition, permitted: Bool)]) {
            Terminal.print(Terminal.styled("next", .bold))
            if available.isEmpty { Terminal.print("  none") }
            for (transition, permitted) in available {
                var needs: [String] = []
                if transition.setsAssignee { needs.append("--to HANDLE") }
                if transition.requiresNote { needs.append("a note") }
                if transition.minimumEvidence > 0 { needs.append("\(transition.minimumEvidence) evidence") }
                let requirement = needs.isEmpty ? "" : "; needs " + needs.joined(separator: ", ")
                let line = "  \(transition.name) -> \(transition.to)  (\(transition.whoMayRun)\(requirement))"
                Terminal.print(permitted ? line + "  " + Terminal.styled("you may", .green) : Terminal.styled(line, .dim))
            }
        }
    }
}

/// How an event reads in one line: `#12 2026-11-22T10:00:00.000Z layla verify in_review -> verified`.
enum HistoryLine {
    static func oneLine(_ event: AuditEvent) -> String {
        var parts = ["#\(event.seq ?? 0)", ISO8601.string(from: event.at), event.actor, event.action]
        if let from = event.fromState, let to = event.toState {
            parts.append("\(from) -> \(to)")
        } else if let to = event.toState {
            parts.append("-> \(to)")
        }
        if let assignee = event.payload.text(.assignee) {
            parts.append("to \(assignee)" + (event.payload.text(.due).map { ", due \($0)" } ?? ""))
        }
        if let link = link(event.payload) { parts.append(link) }
        if let note = event.payload.note { parts.append("“" + Terminal.truncated(Terminal.safe(note), to: 60) + "”") }
        return parts.joined(separator: "  ")
    }

    /// A link's relation in words: `claim.link` alone does not say whether two claims were
    /// found the same, contradicting or unrelated.
    static func link(_ details: EventPayload) -> String? {
        guard let other = details.number(.otherClaim) else { return nil }
        switch details.text(.relation) {
        case "same": return "the same fact as claim \(other)"
        case "contradicts": return "contradicts claim \(other)"
        case "unrelated": return "not related to claim \(other)"
        default: return "\(details.text(.relation) ?? "linked to") claim \(other)"
        }
    }
}
