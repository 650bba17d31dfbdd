import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct AliasCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alias",
            abstract: "Confirm the spellings that name one person or body (عراقجي, أراغتشي, Araghchi).",
            subcommands: [Add.self, List.self, Remove.self, Suggest.self],
            defaultSubcommand: List.self)
    }
}

extension Factdesk.AliasCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record spellings of one name.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The name to file them under.") var name: String
        @Argument(help: "Other spellings of it.") var variants: [String]

        func run() async throws {
            try await global.withStore { try await $0.corroboration.addAlias(entity: name, variants: variants, by: global.handle) }
            if !global.json { Terminal.print("\(Terminal.safe(name)): " + variants.map { Terminal.safe($0) }.joined(separator: ", ")) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the confirmed spellings.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let aliases = try await global.withStoreForReading { try await $0.corroboration.aliases() }
            if global.json {
                try Terminal.json(aliases.map { JSONView.AliasView(entity: $0.entity, variants: $0.variants) })
                return
            }
            Terminal.table(["NAME", "SPELLINGS"], aliases.map { [Terminal.safe($0.entity), Terminal.safe($0.variants.joined(separator: ", "))] })
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove one spelling, so it no longer matches its name.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The spelling.") var variant: String

        func run() async throws {
            try await global.withStore { try await $0.corroboration.removeAlias(variant, by: global.handle) }
            if !global.json { Terminal.print("removed \(Terminal.safe(variant))") }
        }
    }

    struct Suggest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Propose spellings in the desk that may name one person; confirm with `alias add`.")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("At most this many groups.", valueName: "n")) var limit = 20

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        func run() async throws {
            let suggestions = try await global.withStoreForReading { try await $0.corroboration.suggestAliases(limit: limit) }
            if global.json {
                try Terminal.json(suggestions.map(JSONView.SuggestionView.init))
                return
            }
            Terminal.table(["SKELETON", "SPELLINGS (CLAIMS)"], suggestions.map { suggestion in
                [suggestion.skeleton,
                 Terminal.safe(suggestion.spellings.map { "\($0.word) (\($0.claims))" }.joined(separator: ", "))]
            })
        }
    }
}
