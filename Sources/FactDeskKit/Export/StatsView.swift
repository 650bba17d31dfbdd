import Foundation

extension JSONView {
    /// `stats --json` and `GET /api/stats`.
    public struct StatsView: Encodable, Sendable {
        struct Load: Encodable, Sendable {
            var handle: String
            var open: Int
            var done: Int
            var overdue: Int
        }

        struct Day: Encodable, Sendable {
            var day: String
            var verdicts: Int
        }

        var states: [String: Int]
        var reviewers: [Load]
        @Nullable var medianSecondsToVerdict: Double?
        var verdictsThisWeek: Int
        var verdictsPerDay: [Day]

        enum CodingKeys: String, CodingKey {
            case states, reviewers
            case medianSecondsToVerdict = "median_seconds_to_verdict"
            case verdictsThisWeek = "verdicts_this_week"
            case verdictsPerDay = "verdicts_per_day"
        }

        public init(_ stats: DeskStats) {
            states = Dictionary(uniqueKeysWithValues: stats.byState.map { ($0.state, $0.claims) })
            reviewers = stats.reviewers.map { Load(handle: $0.handle, open: $0.open, done: $0.done, overdue: $0.overdue) }
            medianSecondsToVerdict = stats.medianSecondsToVerdict
            verdictsThisWeek = stats.verdictsThisWeek
            verdictsPerDay = stats.verdictsPerDay.map { Day(day: $0.day, verdicts: $0.verdicts) }
        }
    }
}

extension JSONView {
    /// `audit head --json` and `GET /api/audit/head`.
    public struct HeadView: Encodable, Sendable {
        public var seq: Int64
        public var hash: String

        public init(seq: Int64, hash: String) {
            self.seq = seq
            self.hash = hash
        }
    }
}

extension DeskStats {
    /// 90 s, 45 min, 3.5 h, 2.1 d.
    public static func duration(_ seconds: Double) -> String {
        switch seconds {
        case ..<120: "\(Int(seconds.rounded())) s"
        case ..<7_200: "\(Int((seconds / 60).rounded())) min"
        case ..<172_800: String(format: "%.1f h", seconds / 3_600)
        default: String(format: "%.1f d", seconds / 86_400)
        }
    }
}
