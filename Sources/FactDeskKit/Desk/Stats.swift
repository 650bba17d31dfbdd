import Foundation

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

extension Publishing {
    /// Claims per state and per reviewer, the median time from assignment to verdict, and
    /// the last seven days' verdicts.
    public func stats(now: Date = Date()) async throws -> DeskStats {
        try await storage.reading { tx in
            let workflow = try await tx.deskWorkflow().workflow
            let finals = workflow.finalStates
            let counts = try await tx.claimCountsByState()
            // The durations are streamed from the history, so a desk of a million claims stays small.
            var durations: [Double] = []
            try await tx.assignmentsAndVerdicts(assigning: workflow.transitions.filter(\.setsAssignee).map(\.name),
                                                finalStates: finals) { assigned, decided in
                durations.append(decided.timeIntervalSince(assigned))
            }
            let verdicts = try await tx.verdictTimes(finalStates: finals, since: DeskStats.weekStart(now))
            return DeskStats(
                byState: workflow.states.map { ($0.name, counts[$0.name] ?? 0) },
                reviewers: try await tx.reviewerLoads(finalStates: finals, now: now),
                medianSecondsToVerdict: DeskStats.median(durations),
                verdictsThisWeek: verdicts.count,
                verdictsPerDay: DeskStats.perDay(verdicts, now: now))
        }
    }
}

extension DeskStats {
    /// The middle of the durations, or the mean of the two middle ones; nil for none.
    static func median(_ durations: [Double]) -> Double? {
        guard !durations.isEmpty else { return nil }
        let sorted = durations.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

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
