import ArgumentParser
import Foundation
import FactDeskKit

extension Factdesk {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one self-contained HTML page: the article with every claim coloured by its verdict.",
            discussion: "Right-to-left for Arabic; each claim's state, assignee, speaker, notes and evidence on hover and in a side panel.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The source's id.") var id: Int64
        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file.html")) var out: String?

        func run() throws {
            let html = try global.openStore().report(source: id).render()
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: Data(html.utf8)) else {
                    throw DeskError.invalidValue("cannot write \(out); check the folder exists and is writable")
                }
                Terminal.message("wrote \(out)")
            } else {
                Terminal.print(html)
            }
        }
    }
}
