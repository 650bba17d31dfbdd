import ArgumentParser
import Foundation
import FactDeskKit

extension Factdesk {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write one self-contained HTML page: the article with every claim coloured by its verdict.",
            discussion: "Right-to-left for Arabic; each claim's state, assignee, speaker, notes and evidence on hover and in a side panel.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The source's id.") var id: Int64
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file.html")) var out: String?

        func run() async throws {
            let html = try await global.withStoreForReading { try await $0.review.report(source: id) }.render()
            try Terminal.write(Data((html + "\n").utf8), to: out)
            if let out { Terminal.message("wrote \(out)") }
        }
    }
}
