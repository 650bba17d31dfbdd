import FactDeskKit
import Foundation
import Hummingbird

/// `/stats`, `/audit` and `/workflow`: the desk's figures, its history's head, its rules.
struct DeskPagesController {
    let server: DeskServer

    func add(to router: Router<DeskContext>) {
        router.get("/stats") { _, context in
            let viewer = try context.requireViewer()
            let l = viewer.l
            let (stats, workflow) = (try await server.store.publishing.stats(), try await server.store.team.workflow())
            let median = stats.medianSecondsToVerdict.map { Self.duration($0, l) } ?? l.text("stats_no_verdicts")
            let data: [String: Any] = [
                "states": stats.byState.map { ["state": Piece.state($0.state, workflow: workflow, l), "claims": l.number($0.claims)] },
                "reviewers": stats.reviewers.map { ["handle": $0.handle, "open": l.number($0.open),
                                                    "done": l.number($0.done), "overdue": l.number($0.overdue)] },
                "summary": l.html("stats_summary", ["median": median, "week": l.number(stats.verdictsThisWeek)]),
                "chart": WeekChart.svg(stats.verdictsPerDay, l),
            ]
            return Reply.html(server.pages.render("stats", title: l.text("stats_title"), viewer: viewer, in: l, data: data,
                                                  path: "/stats"))
        }
        router.get("/audit") { request, context in
            let viewer = try context.requireViewer()
            let l = viewer.l
            let verify = try FormData.query(request.uri.query)["verify"] != nil
            let head = try await server.store.audit.auditHead()
            let report = verify ? try await server.store.audit.verifyAudit() : nil
            let anchor = "\(head.seq):\(head.hash)"
            var data: [String: Any] = [
                "head": anchor, "intro": l.countHTML("audit_intro", Int(head.seq)),
                "anyone": l.html("audit_anyone", markup: ["command": "<code dir=\"ltr\">factdesk audit verify --anchor "
                    + HTMLText.escaped(anchor) + "</code>"]),
            ]
            if let report {
                data["verified"] = ["intact": report.intact, "problems": report.problems.map(\.description),
                                    "checked": l.html("audit_checked", ["events": l.number(report.events),
                                                                        "claims": l.number(report.claimsReplayed)])]
            }
            return Reply.html(server.pages.render("audit", title: l.text("audit_title"), viewer: viewer, in: l, data: data,
                                                  path: "/audit"))
        }
        router.get("/workflow") { _, context in
            let viewer = try context.requireViewer()
            let l = viewer.l
            let installed = try await server.store.team.installedWorkflow()
            let workflow = installed.definition
            let states = { (names: [String]) in
                names.map { WorkflowText.state($0, in: workflow, l) }.joined(separator: l.text("workflow_list_separator"))
            }
            let data: [String: Any] = [
                "heading": l.html("workflow_heading", ["name": workflow.label(in: l.language)]),
                "summary": workflow.summary(in: l.language) ?? false, "sha256": installed.sha256,
                "states": workflow.states.map { ["name": $0.name, "state": Piece.state($0.name, workflow: workflow, l),
                                                 "initial": $0.isInitial, "final": $0.isFinal,
                                                 "summary": $0.summary(in: l.language) ?? false] },
                "transitions": workflow.transitions.map { transition -> [String: Any] in
                    ["name": transition.name, "label": WorkflowText.transition(transition, l), "from": states(transition.from),
                     "to": transition.acceptsProposal ? l.text("claim_proposed_verdict") : states([transition.to]),
                     "who": WorkflowText.who(transition, in: workflow, l), "needs": WorkflowText.needs(transition, l)]
                },
            ]
            return Reply.html(server.pages.render("workflow", title: l.text("workflow_title"), viewer: viewer, in: l, data: data,
                                                  path: "/workflow"))
        }
    }

    /// A time from assignment to verdict as the reader reads it: seconds, minutes, hours or days.
    static func duration(_ seconds: Double, _ l: Localizer) -> String {
        switch seconds {
        case ..<120: l.count("stats_seconds", Int(seconds.rounded()))
        case ..<7_200: l.count("stats_minutes", Int((seconds / 60).rounded()))
        case ..<172_800: l.count("stats_hours", Int((seconds / 3_600).rounded()))
        default: l.count("stats_days", Int((seconds / 86_400).rounded()))
        }
    }
}

/// The week's verdicts as a bar chart in inline SVG: no script, no image file. In Arabic it
/// runs right to left: the oldest day at the right, the scale on the right.
enum WeekChart {
    static func svg(_ days: [(day: String, verdicts: Int)], _ l: Localizer) -> String {
        let width = 560, height = 220, axis = 40, bottom = 30, top = 20
        let rtl = l.direction == "rtl"
        let peak = max(1, days.map(\.verdicts).max() ?? 1)
        let slot = days.isEmpty ? 0 : (width - axis - 10) / days.count
        let title = HTMLText.escaped(l.text("stats_chart_title"))
        let (lineStart, lineEnd) = rtl ? (10, width - axis) : (axis, width - 10)
        let scaleX = rtl ? width - 4 : 4
        let anchor = rtl ? "end" : "start"
        var parts = [##"<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 \##(width) \##(height)" xmlns="http://www.w3.org/2000/svg">"##,
                     ##"<title id="chart-title">\##(title)</title>"##,
                     ##"<line x1="\##(lineStart)" y1="\##(height - bottom)" x2="\##(lineEnd)" y2="\##(height - bottom)" stroke="#767f8c"/>"##,
                     ##"<text x="\##(scaleX)" y="\##(top + 4)" font-size="12" text-anchor="\##(anchor)" fill="#505967">\##(l.number(peak))</text>"##]
        for (index, day) in days.enumerated() {
            let barHeight = (height - bottom - top) * day.verdicts / peak
            let start = axis + index * slot + slot / 6
            let x = rtl ? width - start - slot * 2 / 3 : start
            let y = height - bottom - barHeight
            let label = HTMLText.escaped(Self.dayLabel(day.day, l))
            let tip = HTMLText.escaped(l.count("stats_chart_bar", day.verdicts, ["day": Self.dayLabel(day.day, l)]))
            parts.append(##"<rect x="\##(x)" y="\##(y)" width="\##(slot * 2 / 3)" height="\##(barHeight)" fill="#1f5fbf"><title>\##(tip)</title></rect>"##)
            parts.append(##"<text x="\##(x + slot / 3)" y="\##(height - bottom + 16)" font-size="12" text-anchor="middle" fill="#1d2430">\##(label)</text>"##)
            if day.verdicts > 0 {
                parts.append(##"<text x="\##(x + slot / 3)" y="\##(y - 4)" font-size="12" text-anchor="middle" fill="#1d2430">\##(l.number(day.verdicts))</text>"##)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A day of the chart (`2026-12-04`) as its axis names it: day/month (`4/12`), in the reader's digits.
    static func dayLabel(_ day: String, _ l: Localizer) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return l.digitsOf(day) }
        return l.digitsOf("\(parts[2])/\(parts[1])")
    }
}
