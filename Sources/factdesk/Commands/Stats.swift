import ArgumentParser
import Foundation
import FactDeskKit

extension Factdesk {
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "The desk's figures: claims per state and per reviewer, time to verdict, the week's throughput.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let stats = try await global.withStoreForReading { try await $0.publishing.stats() }
            if global.json {
                try Terminal.json(JSONView.StatsView(stats))
                return
            }
            Terminal.table(["STATE", "CLAIMS"], stats.byState.map { [$0.state, String($0.claims)] })
            Terminal.print()
            Terminal.table(["REVIEWER", "OPEN", "DONE", "OVERDUE"], stats.reviewers.map {
                [$0.handle, String($0.open), String($0.done), $0.overdue > 0 ? Terminal.styled(String($0.overdue), .red) : "0"]
            })
            Terminal.print()
            Terminal.print("median time from assignment to verdict: " + (stats.medianSecondsToVerdict.map(DeskStats.duration) ?? "no verdicts yet"))
            Terminal.print("verdicts in the last 7 days: \(stats.verdictsThisWeek)  ("
                + stats.verdictsPerDay.map { "\($0.day.suffix(5)) \($0.verdicts)" }.joined(separator: ", ") + ")")
        }
    }
}
