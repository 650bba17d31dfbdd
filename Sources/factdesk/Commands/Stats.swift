import ArgumentParser
import Foundation
import FactDeskKit

extension Factdesk {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "The desk's figures: claims per state and per reviewer, time to verdict, the week's throughput.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let stats = try global.openStoreForReading().stats()
            if global.json {
                try Terminal.json(StatsView(stats))
                return
            }
            Terminal.table(["STATE", "CLAIMS"], stats.byState.map { [$0.state, String($0.claims)] })
            Terminal.print()
            Terminal.table(["REVIEWER", "OPEN", "DONE", "OVERDUE"], stats.reviewers.map {
                [$0.handle, String($0.open), String($0.done), $0.overdue > 0 ? Terminal.styled(String($0.overdue), .red) : "0"]
            })
            Terminal.print()
            Terminal.print("median time from assignment to verdict: " + (stats.medianSecondsToVerdict.map(Self.duration) ?? "no verdicts yet"))
            Terminal.print("verdicts in the last 7 days: \(stats.verdictsThisWeek)  ("
                + stats.verdictsPerDay.map { "\($0.day.suffix(5)) \($0.verdicts)" }.joined(separator: ", ") + ")")
        }

        /// 90 s, 45 min, 3.5 h, 2.1 d.
        static func duration(_ seconds: Double) -> String {
            switch seconds {
            case ..<120: "\(Int(seconds.rounded())) s"
            case ..<7_200: "\(Int((seconds / 60).rounded())) min"
            case ..<172_800: String(format: "%.1f h", seconds / 3_600)
            default: String(format: "%.1f d", seconds / 86_400)
            }
        }
    }
}

/// `stats --json`.
struct StatsView: Encodable {
    struct Load: Encodable {
        var handle: String
        var open: Int
        var done: Int
        var overdue: Int
    }

    struct Day: Encodable {
        var day: String
        var verdicts: Int
    }

    var states: [String: Int]
    var reviewers: [Load]
    var medianSecondsToVerdict: Double?
    var verdictsThisWeek: Int
    var verdictsPerDay: [Day]

    enum CodingKeys: String, CodingKey {
        case states, reviewers
        case medianSecondsToVerdict = "median_seconds_to_verdict"
        case verdictsThisWeek = "verdicts_this_week"
        case verdictsPerDay = "verdicts_per_day"
    }

    init(_ stats: DeskStats) {
        states = Dictionary(uniqueKeysWithValues: stats.byState.map { ($0.state, $0.claims) })
        reviewers = stats.reviewers.map { Load(handle: $0.handle, open: $0.open, done: $0.done, overdue: $0.overdue) }
        medianSecondsToVerdict = stats.medianSecondsToVerdict
        verdictsThisWeek = stats.verdictsThisWeek
        verdictsPerDay = stats.verdictsPerDay.map { Day(day: $0.day, verdicts: $0.verdicts) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(states, forKey: .states)
        try container.encode(reviewers, forKey: .reviewers)
        try container.encode(medianSecondsToVerdict, forKey: .medianSecondsToVerdict)
        try container.encode(verdictsThisWeek, forKey: .verdictsThisWeek)
        try container.encode(verdictsPerDay, forKey: .verdictsPerDay)
    }
}
