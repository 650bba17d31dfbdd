import ArgumentParser
import FactDeskKit

extension Factdesk.Import {
    struct ClaimReviewFiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claimreview",
            abstract: "Load fact-checks other organizations published (ClaimReview JSON-LD).",
            discussion: """
                Each file holds one ClaimReview, an array of them, or a DataFeed whose dataFeedElement \
                lists them; what `factdesk export claimreview` writes loads too. A review is known by \
                its url: importing it again changes nothing, unless its rating or text changed. \
                `claim show` and `related` list the reviews that match a claim, and \
                `claim list --checked-elsewhere` the claims that one matches. If any file is refused, \
                nothing is imported.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("ClaimReview JSON files; - reads standard input.", valueName: "file"))
        var files: [String]

        func run() async throws {
            let reader = ArticleReader()
            var reviews: [KnownCheck.Content] = []
            var refused: [DeskError] = []
            for file in files {
                do {
                    reviews += try ClaimReviewReader.reviews(in: try reader.read(file), file: file == "-" ? "standard input" : file)
                } catch {
                    refused.append(error)
                }
            }
            if refused.count == 1 { throw refused[0] }
            if !refused.isEmpty {
                for error in refused { Terminal.error(error.description) }
                throw DeskError.invalidValue("\(refused.count) of \(files.count) files refused (listed above); nothing was imported")
            }
            let result = try await global.withStore { try await $0.corroboration.importKnownChecks(reviews, by: global.handle) }
            if global.json {
                try Terminal.json(["added": result.added, "updated": result.updated, "unchanged": result.unchanged])
                return
            }
            Terminal.print("\(reviews.count) fact-check\(reviews.count == 1 ? "" : "s") read: \(result.added) new, "
                           + "\(result.updated) updated, \(result.unchanged) already known")
            if result.added + result.updated > 0 {
                Terminal.message("`factdesk claim list --checked-elsewhere` lists the claims they match")
            }
        }
    }
}

/// Known fact-checks as `claim show` and `related` print them.
enum KnownCheckLines {
    static func print(_ matches: [KnownCheckMatch]) {
        guard !matches.isEmpty else { return }
        Terminal.print(Terminal.styled("checked elsewhere (\(matches.count))", .bold))
        for match in matches {
            let review = match.check.content
            Terminal.print("  \(Terminal.safe(review.publisher))  \(review.publishedOn ?? "undated")  "
                + Terminal.styled(Terminal.safe(review.ratingText), .bold) + "  score \(match.score.formatted)")
            Terminal.print("    “" + Terminal.truncated(Terminal.safe(review.claimReviewed), to: 90) + "”")
            if let url = review.url { Terminal.print("    " + Terminal.safe(url)) }
        }
    }
}
