import Foundation
import GRDB

/// The desk's figures: where claims stand, who has what, how fast verdicts come.
public struct DeskStats: Sendable, Equatable {
    public struct ReviewerLoad: Sendable, Equatable {
        public var handle: String
        /// Assigned and not decided.
        public var open: Int
        /// Assigned and decided.
        public var done: Int
        /// Open and past their deadline.
        public var overdue: Int
    }

    /// Claims per state, in the workflow's order.
    public var byState: [(state: String, claims: Int)]
    public var reviewers: [ReviewerLoad]
    /// The median time from a claim's first assignment to its first verdict, in seconds.
    public var medianSecondsToVerdict: Double?
    /// Verdicts reached in the last seven UTC days, today included.
    public var verdictsThisWeek: Int
    /// Verdicts per day over those seven days, oldest first, as (YYYY-MM-DD, count).
    public var verdictsPerDay: [(day: String, verdicts: Int)]

    public static func == (lhs: DeskStats, rhs: DeskStats) -> Bool {
        lhs.byState.elementsEqual(rhs.byState) { $0 == $1 } && lhs.reviewers == rhs.reviewers
            && lhs.medianSecondsToVerdict == rhs.medianSecondsToVerdict && lhs.verdictsThisWeek == rhs.verdictsThisWeek
            && lhs.verdictsPerDay.elementsEqual(rhs.verdictsPerDay) { $0 == $1 }
    }
}

// MARK: - Statistics

extension ClaimStore {
    /// Claims per state and per reviewer, the median time from assignment to verdict, and
    /// the last seven days' verdicts.
    public func stats(now: Date = Date()) throws -> DeskStats {
        try read { db in
            let workflow = try installedWorkflow(db).workflow
            let finals = workflow.finalStates
            let assigning = workflow.transitions.filter(\.setsAssignee).map(\.name)
            let counts = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT state, count(*) AS n FROM claim GROUP BY state").map { ($0["state"] as String, $0["n"] as Int) })
            let finalList = databaseQuestionMarks(count: max(1, finals.count))
            let loads = try Row.fetchAll(db, sql: """
                SELECT assignee,
                       sum(state NOT IN (\(finalList))) AS open,
                       sum(state IN (\(finalList))) AS done,
                       sum(state NOT IN (\(finalList)) AND coalesce(due_at < ?, 0)) AS overdue
                FROM claim WHERE assignee IS NOT NULL GROUP BY assignee ORDER BY assignee
                """, arguments: StatementArguments(finals + finals + finals + [now]))
            let verdicts = try verdictTimes(finals: finals, since: DeskStats.weekStart(now), db)
            return DeskStats(
                byState: workflow.states.map { ($0.name, counts[$0.name] ?? 0) },
                reviewers: loads.map { DeskStats.ReviewerLoad(handle: $0["assignee"], open: $0["open"], done: $0["done"], overdue: $0["overdue"]) },
                medianSecondsToVerdict: try medianTimeToVerdict(assigning: assigning, finals: finals, db),
                verdictsThisWeek: verdicts.count,
                verdictsPerDay: DeskStats.perDay(verdicts, now: now))
        }
    }

    private func medianTimeToVerdict(assigning: [String], finals: [String], _ db: Database) throws -> Double? {
        guard !assigning.isEmpty, !finals.isEmpty else { return nil }
        // Only the events that assign or decide, and only the claims that have both, are
        // read; the durations are streamed, so a desk of a million claims stays small.
        let assigningMarks = databaseQuestionMarks(count: assigning.count)
        let finalMarks = databaseQuestionMarks(count: finals.count)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT assigned, decided FROM (
                SELECT min(CASE WHEN action IN (\(assigningMarks)) THEN at END) AS assigned,
                       min(CASE WHEN kind = 'transition' AND to_state IN (\(finalMarks)) THEN at END) AS decided
                FROM event
                WHERE claim_id IS NOT NULL
                  AND (action IN (\(assigningMarks)) OR (kind = 'transition' AND to_state IN (\(finalMarks))))
                GROUP BY claim_id)
            WHERE assigned IS NOT NULL AND decided >= assigned
            """, arguments: StatementArguments(assigning + finals + assigning + finals))
        var durations: [Double] = []
        while let row = try rows.next() {
            if let assigned = row["assigned"] as Date?, let decided = row["decided"] as Date? {
                durations.append(decided.timeIntervalSince(assigned))
            }
        }
        durations.sort()
        guard !durations.isEmpty else { return nil }
        let middle = durations.count / 2
        return durations.count.isMultiple(of: 2) ? (durations[middle - 1] + durations[middle]) / 2 : durations[middle]
    }

    private func verdictTimes(finals: [String], since: Date, _ db: Database) throws -> [Date] {
        guard !finals.isEmpty else { return [] }
        return try Date.fetchAll(db, sql: """
            SELECT at FROM event WHERE kind = 'transition' AND at >= ?
              AND to_state IN (\(databaseQuestionMarks(count: finals.count)))
            """, arguments: StatementArguments([since] + finals))
    }
}

extension DeskStats {
    /// Midnight UTC six days before today: the start of the week's throughput.
    static func weekStart(_ now: Date) -> Date {
        Date(timeIntervalSince1970: Double(Int(now.timeIntervalSince1970 / 86_400) - 6) * 86_400)
    }

    /// The verdicts counted per UTC day over the seven days ending today, oldest first.
    static func perDay(_ times: [Date], now: Date) -> [(day: String, verdicts: Int)] {
        let today = Int(now.timeIntervalSince1970 / 86_400)
        let perDay = Dictionary(grouping: times) { Int($0.timeIntervalSince1970 / 86_400) }.mapValues(\.count)
        return (today - 6...today).map { day in
            (String(ISO8601.string(from: Date(timeIntervalSince1970: Double(day) * 86_400)).prefix(10)), perDay[day] ?? 0)
        }
    }
}
