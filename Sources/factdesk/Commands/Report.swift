import ArgumentParser
import Foundation
import FactDeskKit

extension InterfaceLanguage: ExpressibleByArgument {}

extension Factdesk {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write one self-contained HTML page: the article with every claim coloured by its verdict.",
            discussion: "Right-to-left for Arabic; each claim's state, assignee, speaker, notes and evidence on hover and in a side panel. "
                + "The page's own words are Arabic for an Arabic article and English otherwise, unless --lang says which.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The source's id.") var id: Int64
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file.html")) var out: String?
        @Option(help: ArgumentHelp("The language of the page's own words; the article keeps its own.", valueName: "language"))
        var lang: InterfaceLanguage?

        func run() async throws {
            let html = try await global.withStoreForReading { try await $0.review.report(source: id) }.render(language: lang)
            try Terminal.write(Data((html + "\n").utf8), to: out)
            if let out { Terminal.message("wrote \(out)") }
        }
    }
}
