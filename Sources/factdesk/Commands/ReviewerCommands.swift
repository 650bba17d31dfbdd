import ArgumentParser
import FactDeskKit

extension Reviewer.Role: ExpressibleByArgument {}

extension Factdesk {
    struct ReviewerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reviewer",
            abstract: "Add, list and deactivate the desk's reviewers; set roles, keys and passwords.",
            subcommands: [Add.self, List.self, Deactivate.self, Activate.self, Role.self, Key.self, Password.self, Email.self, Notify.self],
            defaultSubcommand: List.self)
    }
}

extension Factdesk.ReviewerCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a reviewer or an editor (editors only).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The new reviewer's handle: one word.")
        var handle: String

        @Option(help: ArgumentHelp("Their display name.", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("reviewer or editor.", valueName: "role"))
        var role: Reviewer.Role = .reviewer

        @Option(help: ArgumentHelp(
            "Their public key, as `factdesk key show` prints it on their machine.",
            discussion: "Without it, a key pair is made for them in this machine's key folder (a team that shares one machine).",
            valueName: "ed25519:..."))
        var key: String?

        @Option(help: ArgumentHelp("The address their notifications are emailed to.", valueName: "address"))
        var email: String?

        @Option(help: ArgumentHelp("The language of their emails: ar or en.", valueName: "ar|en"))
        var language: String?

        func run() async throws {
            let reviewer = try await global.withStore {
                try await $0.team.addReviewer(
                    NewReviewer(handle: handle, displayName: name, role: role, publicKey: key, email: email, language: language),
                    by: global.handle)
            }
            if global.json {
                try Terminal.json(JSONView.ReviewerView(reviewer, openClaims: 0))
            } else {
                Terminal.print("added \(reviewer.role.rawValue) \(reviewer.handle) (\(Terminal.safe(reviewer.displayName)))")
            }
        }
    }

    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key", abstract: "Register a reviewer's new public key, replacing a lost one (editors only).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The reviewer's handle.")
        var handle: String

        @Argument(help: ArgumentHelp("Their public key, as `factdesk key show` prints it.", valueName: "ed25519:..."))
        var key: String

        func run() async throws {
            let reviewer = try await global.withStore { try await $0.team.setKey(of: handle, to: key, by: global.handle) }
            if !global.json { Terminal.print("\(reviewer.handle) signs with \(reviewer.publicKey ?? key)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the desk's reviewers.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let reviewers = try await global.withStoreForReading { try await $0.team.reviewers() }
            if global.json {
                try Terminal.json(reviewers.map { JSONView.ReviewerView($0.reviewer, openClaims: $0.openClaims) })
                return
            }
            Terminal.table(["HANDLE", "ROLE", "ACTIVE", "OPEN", "NAME"], reviewers.map { reviewer, open in
                [reviewer.handle, reviewer.role.rawValue, reviewer.active ? "yes" : Terminal.styled("no", .dim),
                 String(open), Terminal.safe(reviewer.displayName)]
            })
        }
    }

    struct Deactivate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate",
            abstract: "Deactivate a reviewer (editors only); their history stays.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The reviewer's handle.")
        var handle: String

        func run() async throws {
            _ = try await global.withStore { try await $0.team.setReviewer(handle, active: false, by: global.handle) }
            if !global.json { Terminal.print("deactivated \(handle)") }
        }
    }

    struct Activate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "activate", abstract: "Reactivate a reviewer (editors only).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The reviewer's handle.")
        var handle: String

        func run() async throws {
            _ = try await global.withStore { try await $0.team.setReviewer(handle, active: true, by: global.handle) }
            if !global.json { Terminal.print("activated \(handle)") }
        }
    }
}
