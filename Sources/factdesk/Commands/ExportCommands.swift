import ArgumentParser
import Foundation
import FactDeskKit

extension Factdesk {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish the desk's work.",
            subcommands: [ClaimReview.self])
    }
}

extension Factdesk.Export {
    struct ClaimReview: ParsableCommand {
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

        func run() throws {
            let store = try global.openStore()
            let workflow = try store.workflow()
            guard let scale = workflow.rating else {
                throw DeskError.invalidValue("this desk's workflow has no `rating:` scale; a ClaimReview needs one for its verdicts")
            }
            try workflow.requireStates(statuses)
            let states = statuses.isEmpty ? scale.verdicts.map(\.state) : statuses
            let organization = try org ?? store.deskInfo().name
            let export = ClaimReviewExport(
                organization: organization, organizationURL: orgURL, baseURL: baseURL,
                language: lang, scale: scale)
            let json = try JSONView.encode(export.document(try store.reviewedClaims(states: states)))
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: Data((json + "\n").utf8)) else {
                    throw DeskError.invalidValue("cannot write \(out); check the folder exists and is writable")
                }
            } else {
                Terminal.print(json)
            }
            if baseURL == nil {
                Terminal.message("no --base-url: the reviews have no url, which search engines need")
            }
        }
    }
}
