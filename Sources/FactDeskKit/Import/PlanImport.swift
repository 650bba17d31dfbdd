import Foundation

/// What importing one row of a planning spreadsheet did.
public struct PlanOutcome: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        /// The row's assignment was applied through the workflow, as this sentence says.
        case applied(String)
        case unchanged
        /// The row was refused, for this reason; nothing of it was written.
        case refused(String)
    }

    public var line: Int
    public var claimID: Int64?
    public var result: Result
}

// MARK: - Importing plans

extension Imports {
    /// Applies the assignments and deadlines of spreadsheet rows through the workflow's
    /// assigning transition, one transaction per row, exactly as `assign` would: the same
    /// guards, the same history. A row that may not be applied is refused and reported;
    /// the others are kept.
    public func importPlan(_ rows: [ClaimCSV.Row], by actor: String, now: Date = Date()) async throws -> [PlanOutcome] {
        let workflow = try await team.workflow()
        guard let assign = workflow.transitions.first(where: \.setsAssignee) else {
            throw DeskError.invalidValue("this desk's workflow has no transition that assigns; there is nothing to import")
        }
        return try await rows.asyncMap { row in
            guard let id = row.id else { return PlanOutcome(line: row.line, claimID: nil, result: .refused("no claim id")) }
            do {
                let claim = try await self.review.claim(id)
                let assignee = row.assignee.map { $0.isEmpty ? nil : $0 } ?? claim.assignee
                let due = try row.due.flatMap { $0.isEmpty ? nil : try Self.deadline($0, now: now) }
                let sameDue = due == nil || claim.dueAt.map(ISO8601.string) == due.map(ISO8601.string)
                if assignee == claim.assignee && sameDue {
                    return PlanOutcome(line: row.line, claimID: id, result: .unchanged)
                }
                if !sameDue, let due, due <= now {
                    return PlanOutcome(line: row.line, claimID: id, result: .refused(
                        "the deadline \(ISO8601.string(from: due)) has passed; give a later one"))
                }
                guard let assignee else {
                    return PlanOutcome(line: row.line, claimID: id, result: .refused(
                        "claim \(id) is assigned to \(claim.assignee ?? "nobody") and no transition unassigns; keep its assignee"))
                }
                try await review.apply(TransitionCommand(transition: assign.name, claimIDs: [id], actor: actor, assignee: assignee,
                                            expectedVersions: [id: claim.version], due: due ?? claim.dueAt))
                return PlanOutcome(line: row.line, claimID: id, result: .applied(
                    "\(assign.name) to \(assignee)" + (due.map { ", due \(ISO8601.string(from: $0))" } ?? "")))
            } catch let failure as any FactDeskError {
                return PlanOutcome(line: row.line, claimID: id, result: .refused(failure.description))
            }
        }
    }

    /// A deadline as a spreadsheet writes it: an exported ISO-8601 time, or anything `--due` takes.
    static func deadline(_ text: String, now: Date) throws -> Date {
        if let exported = try? Date(text, strategy: .iso8601) { return exported }
        if let exported = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return exported }
        return try Deadline.parse(text, now: now)
    }
}
