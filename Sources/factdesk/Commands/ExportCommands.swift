import ArgumentParser
import Foundation
import FactDeskKit

extension Factdesk {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Publish the desk's work.",
            subcommands: [ClaimReview.self, CSVFile.self, JSONFile.self])
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring a planning spreadsheet back into the desk, or load fact-checks published elsewhere.",
            subcommands: [CSVFile.self, ClaimReviewFiles.self])
    }
}

/// Which claims an export takes, and where it writes.
struct ExportOptions: ParsableArguments {
    @OptionGroup var filters: ClaimFilterOptions

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var out: String?

    /// Every claim the filters select, in id order.
    func claims(_ store: ClaimStore) async throws -> [Claim] {
        try await store.review.claims(try filters.filter(for: try await store.team.workflow()))
    }

    /// Writes the data to `--out`, or to standard output.
    func write(_ data: Data) throws {
        try Terminal.write(data, to: out)
    }
}

extension Factdesk.Export {
    struct CSVFile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Write claims as CSV for a spreadsheet; `factdesk import csv` brings the assignments back.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions
        @Flag(help: "Start with a byte order mark, which some spreadsheets need to read Arabic.") var bom = false

        func run() async throws {
            let claims = try await global.withStoreForReading { try await options.claims($0) }
            try options.write(try ClaimCSV.write(claims, byteOrderMark: bom))
        }
    }

    struct JSONFile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "json", abstract: "Write claims as a JSON array, in the shape of `claim list --json`.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ExportOptions

        func run() async throws {
            let claims = try await global.withStoreForReading { try await options.claims($0) }
            try options.write(Data((try JSONView.encode(claims.map(JSONView.ClaimView.init)) + "\n").utf8))
        }
    }
}

extension Factdesk.Import {
    struct CSVFile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Apply the assignee and due_at columns of a CSV file, row by row, through the workflow.",
            discussion: """
                Rows are matched by id. Each changed row runs the workflow's assigning transition, with \
                the same guards and history as `factdesk assign`; a row that may not be applied is refused \
                and listed, and the others are kept. Other columns are for reading and are ignored.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: ArgumentHelp("The largest file accepted, in bytes.", valueName: "bytes"))
        var maxSize = ClaimCSV.defaultMaximumSize

        func run() async throws {
            let data = try ArticleReader(maximumSize: maxSize).bytes(file)
            try await global.withStore { store in
                let outcomes = try await store.imports.importPlan(try ClaimCSV.read(data), by: global.handle)
                var refused = 0
                for outcome in outcomes {
                    let claim = outcome.claimID.map { "claim \($0)" } ?? "no claim"
                    switch outcome.result {
                    case .applied(let what): Terminal.print("line \(outcome.line), \(claim): \(what)")
                    case .unchanged: break
                    case .refused(let why):
                        refused += 1
                        Terminal.error("\(file):\(outcome.line): \(claim): \(why)")
                    }
                }
                let applied = outcomes.filter { if case .applied = $0.result { true } else { false } }.count
                Terminal.message("\(applied) rows applied, \(outcomes.count - applied - refused) unchanged, \(refused) refused")
                if refused > 0 {
                    throw DeskError.invalidValue("\(refused) of \(outcomes.count) rows refused (listed above); fix them and import again")
                }
            }
        }
    }
}

extension Factdesk.Export {
    struct ClaimReview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "claimreview",
            abstract: "Write schema.org ClaimReview JSON-LD for every claim with a rated verdict.",
            discussion: """
                The workflow's `rating:` maps each verdict to a value and a label in Arabic and English. \
                A reopened and re-decided claim exports its latest verdict, with the earlier ones as corrections.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The publishing organization.", discussion: "Else the desk's name.", valueName: "name"))
        var org: String?

        @Option(help: ArgumentHelp("The organization's web address.", valueName: "url"))
        var orgURL: String?

        @Option(help: ArgumentHelp("Where reviews are published; each review's url is this plus the claim id.", valueName: "url"))
        var baseURL: String?

        @Option(help: ArgumentHelp("The language of the rating labels: ar or en.", valueName: "lang"))
        var lang = "ar"

        @Option(name: .customLong("status"), help: ArgumentHelp("Only these verdicts (repeatable).", valueName: "state"))
        var statuses: [String] = []

        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard ["ar", "en"].contains(lang) else { throw ValidationError("--lang is ar or en") }
        }

        func run() async throws {
            try await global.withStoreForReading { store in
                let workflow = try await store.team.workflow()
                guard let scale = workflow.rating else {
                    throw DeskError.invalidValue("this desk's workflow has no `rating:` scale; a ClaimReview needs one for its verdicts")
                }
                try workflow.requireStates(statuses)
                let states = statuses.isEmpty ? scale.verdicts.map(\.state) : statuses
                let organization: String
                if let org { organization = org } else { organization = try await store.team.deskInfo().name }
                let export = ClaimReviewExport(
                    organization: organization, organizationURL: orgURL, baseURL: baseURL,
                    language: lang, scale: scale)
                let json = try JSONView.encode(export.document(try await store.publishing.reviewedClaims(states: states)))
                try Terminal.write(Data((json + "\n").utf8), to: out)
                if baseURL == nil {
                    Terminal.message("no --base-url: the reviews have no url, which search engines need")
                }
            }
        }
    }
}
