import FactDeskKit
import Foundation
import Hummingbird

/// `/stats`, `/audit` and `/workflow`: the desk's figures, its history's head, its rules.
struct DeskPagesController {
    let server: DeskServer

    func add(to router: Router<DeskContext>) {
        router.get("/stats") { _, context in
            let viewer = try context.requireViewer()
            let (stats, workflow) = (try await server.store.publishing.stats(), try await server.store.team.workflow())
            let data: [String: Any] = [
                "states": stats.byState.map { ["state": $0.state, "claims": String($0.claims),
                                               "stateClass": Piece.stateClass($0.state, workflow: workflow)] },
                "reviewers": stats.reviewers.map { ["handle": $0.handle, "open": String($0.open),
                                                    "done": String($0.done), "overdue": String($0.overdue)] },
                "median": stats.medianSecondsToVerdict.map(DeskStats.duration) ?? "no verdicts yet",
                "week": String(stats.verdictsThisWeek),
                "chart": WeekChart.svg(stats.verdictsPerDay),
            ]
            return Reply.html(server.pages.render("stats", title: "Statistics", viewer: viewer, data: data))
        }
        router.get("/audit") { request, context in
            let viewer = try context.requireViewer()
            let verify = try FormData.query(request.uri.query)["verify"] != nil
            let head = try await server.store.audit.auditHead()
            let report = verify ? try await server.store.audit.verifyAudit() : nil
            var data: [String: Any] = ["head": "\(head.seq):\(head.hash)", "headSeq": String(head.seq)]
            if let report {
                data["verified"] = ["intact": report.intact, "events": String(report.events),
                                    "claims": String(report.claimsReplayed), "problems": report.problems.map(\.description)]
            }
            return Reply.html(server.pages.render("audit", title: "Audit", viewer: viewer, data: data))
        }
        router.get("/workflow") { _, context in
            let viewer = try context.requireViewer()
            let installed = try await server.store.team.installedWorkflow()
            let workflow = installed.definition
            let data: [String: Any] = [
                "name": workflow.name, "summary": workflow.summary ?? false, "sha256": installed.sha256,
                "states": workflow.states.map { ["name": $0.name, "initial": $0.isInitial, "final": $0.isFinal,
                                                 "summary": $0.summary ?? false,
                                                 "stateClass": Piece.stateClass($0.name, workflow: workflow)] },
                "transitions": workflow.transitions.map { transition -> [String: Any] in
                    var needs: [String] = []
                    if transition.setsAssignee { needs.append("a reviewer") }
                    if transition.requiresNote { needs.append("a note") }
                    if transition.minimumEvidence > 0 { needs.append("\(transition.minimumEvidence) evidence") }
                    return ["name": transition.name, "from": transition.from.joined(separator: ", "), "to": transition.to,
                            "who": transition.whoMayRun, "needs": needs.isEmpty ? "—" : needs.joined(separator: ", ")]
                },
            ]
            return Reply.html(server.pages.render("workflow", title: "Workflow", viewer: viewer, data: data))
        }
    }
}

/// The week's verdicts as a bar chart in inline SVG: no script, no image file.
enum WeekChart {
    static func svg(_ days: [(day: String, verdicts: Int)]) -> String {
        let width = 560, height = 220, left = 40, bottom = 30, top = 20
        let peak = max(1, days.map(\.verdicts).max() ?? 1)
        let slot = days.isEmpty ? 0 : (width - left - 10) / days.count
        var parts = [##"<svg class="chart" role="img" viewBox="0 0 \##(width) \##(height)" xmlns="http://www.w3.org/2000/svg">"##,
                     "<title>Verdicts per day, last 7 days</title>",
                     ##"<line x1="\##(left)" y1="\##(height - bottom)" x2="\##(width - 10)" y2="\##(height - bottom)" stroke="#9aa3af"/>"##,
                     ##"<text x="4" y="\##(top + 4)" font-size="12" fill="#5b6472">\##(peak)</text>"##]
        for (index, day) in days.enumerated() {
            let barHeight = (height - bottom - top) * day.verdicts / peak
            let x = left + index * slot + slot / 6
            let y = height - bottom - barHeight
            let label = String(day.day.suffix(5))
            parts.append(##"<rect x="\##(x)" y="\##(y)" width="\##(slot * 2 / 3)" height="\##(barHeight)" fill="#1f5fbf"><title>\##(label): \##(day.verdicts)</title></rect>"##)
            parts.append(##"<text x="\##(x + slot / 3)" y="\##(height - bottom + 16)" font-size="12" text-anchor="middle" fill="#1d2430">\##(label)</text>"##)
            if day.verdicts > 0 {
                parts.append(##"<text x="\##(x + slot / 3)" y="\##(y - 4)" font-size="12" text-anchor="middle" fill="#1d2430">\##(day.verdicts)</text>"##)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
