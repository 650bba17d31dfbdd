import ArgumentParser
import FactDeskKit
import Foundation

extension Factdesk {
    struct TokenCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "API tokens for scripts that use the web desk's /api (sent as Authorization: Bearer).",
            subcommands: [Create.self, List.self, Revoke.self],
            defaultSubcommand: List.self)
    }
}

extension Factdesk.TokenCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a token that acts as you; it is printed once.")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("What the token is for.", valueName: "name")) var name: String?
        @Option(help: ArgumentHelp("How long it works: 12h, 30d, 2w, or never.", valueName: "lifetime"))
        var expires = "30d"

        func run() async throws {
            let expiry = try LoginRules.tokenExpiry(expires, now: Date())
            let (token, secret) = try await global.withStore {
                try await $0.logins.createToken(name: name, expiresAt: expiry, by: global.handle)
            }
            if global.json {
                try Terminal.json(JSONView.TokenView(token, secret: secret.text))
                return
            }
            Terminal.print(secret.text)
            Terminal.message("token \(token.id) '\(token.name)' for \(token.handle)"
                + (token.expiresAt.map { ", until \(ISO8601.string(from: $0))" } ?? ", without expiry")
                + "; it is shown only now")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List your tokens (an editor's list holds everyone's).")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let tokens = try await global.withStoreForReading { try await $0.logins.tokens(visibleTo: global.handle) }
            if global.json {
                try Terminal.json(tokens.map { JSONView.TokenView($0, secret: nil) })
                return
            }
            let now = Date()
            Terminal.table(["ID", "NAME", "HANDLE", "CREATED", "EXPIRES", "STATE"], tokens.map { token in
                [String(token.id), Terminal.safe(token.name), token.handle, String(ISO8601.string(from: token.createdAt).prefix(16)),
                 token.expiresAt.map { String(ISO8601.string(from: $0).prefix(16)) } ?? "never",
                 token.revokedAt != nil ? "revoked" : token.isUsable(at: now) ? "active" : "expired"]
            })
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke a token at once (its owner or an editor).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's id, from `token list`.") var id: Int64

        func run() async throws {
            let token = try await global.withStore { try await $0.logins.revokeToken(id, by: global.handle) }
            if !global.json { Terminal.print("token \(token.id) '\(Terminal.safe(token.name))' revoked") }
        }
    }
}
