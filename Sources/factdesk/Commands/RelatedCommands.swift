import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct Related: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "related",
            abstract: "Claims in other sources that report the same fact, best first, with why.",
            discussion: """
                Numbers match in digits or words (أربع = 4 = ٤), months in either calendar's spelling \
                (أبريل = نيسان), and names through the desk's aliases. Different months, weekdays, \
                cities or publication dates weeks apart lower the score. A score of \
                \(Relatedness.strong.formatted) or more is a strong match.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64
        @Option(help: ArgumentHelp("At most this many claims.", valueName: "n")) var limit = 10

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        func run() async throws {
            try await global.withStoreForReading { store in
                let (related, checks) = try await store.corroboration.matches(of: id, limit: limit)
                if global.json {
                    try Terminal.json(related.map(JSONView.RelatedView.init))
                    return
                }
                if related.isEmpty {
                    Terminal.message("no claim of another source reports the same fact as claim \(id)")
                    KnownCheckLines.print(checks)
                    return
                }
                Terminal.table(["ID", "SOURCE", "SCORE", "STATE", "WHY", "CLAIM"], related.map { match in
                    [String(match.claim.id ?? 0), String(match.claim.sourceID), match.score.formatted,
                     match.claim.state, Terminal.truncated(Terminal.safe(match.reasons.joined(separator: "; ")), to: 60),
                     Terminal.truncated(Terminal.safe(match.claim.text), to: 60)]
                })
                if !checks.isEmpty {
                    Terminal.print()
                    KnownCheckLines.print(checks)
                }
            }
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Confirm that two claims of different sources report the same fact, or contradict each other.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The first claim's id.") var first: Int64
        @Argument(help: "The second claim's id.") var second: Int64
        @Flag(help: "They report the same fact.") var same = false
        @Flag(help: "They report the fact in ways that contradict each other.") var contradicts = false

        func validate() throws {
            if same == contradicts { throw ValidationError("say --same or --contradicts") }
        }

        func run() async throws {
            let kind: ClaimLink.Kind = same ? .same : .contradicts
            _ = try await global.withStore { try await $0.corroboration.link(first, second, as: kind, by: global.handle) }
            if !global.json { Terminal.print("claims \(first) and \(second): \(kind.rawValue)") }
        }
    }

    struct Unlink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlink",
            abstract: "Say that two claims do not report the same fact; `related` stops matching them.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The first claim's id.") var first: Int64
        @Argument(help: "The second claim's id.") var second: Int64

        func run() async throws {
            _ = try await global.withStore { try await $0.corroboration.link(first, second, as: .unrelated, by: global.handle) }
            if !global.json { Terminal.print("claims \(first) and \(second): unrelated") }
        }
    }

    struct Clusters: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clusters",
            abstract: "Facts reported by several sources: claims joined by strong matches and confirmed links.")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only facts reported by at least this many sources.", valueName: "n"))
        var minSources = 2

        func validate() throws {
            if minSources < 1 { throw ValidationError("--min-sources must be 1 or more") }
        }

        func run() async throws {
            let clusters = try await global.withStoreForReading { try await $0.corroboration.clusters(minSources: minSources) }
            if global.json {
                try Terminal.json(clusters.map(JSONView.ClusterView.init))
                return
            }
            for (index, cluster) in clusters.enumerated() {
                if index > 0 { Terminal.print() }
                Terminal.print(Terminal.styled("fact \(index + 1)", .bold)
                    + "  \(cluster.sourceIDs.count) sources, \(cluster.claims.count) claims")
                for claim in cluster.claims {
                    Terminal.print("  \(claim.id ?? 0)  source \(claim.sourceID)  \(claim.state)  "
                        + Terminal.truncated(Terminal.safe(claim.text), to: 70))
                }
            }
        }
    }
}

extension Double {
    /// Two decimals: 0.85.
    var formatted: String {
        let hundredths = Int((self * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
