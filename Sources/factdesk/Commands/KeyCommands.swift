import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct KeyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key",
            abstract: "Make and show the key that signs what you do.",
            discussion: """
                Keys live in $FACTDESK_KEYS, else ~/.config/factdesk/keys, one file per key, readable only by you. \
                Give the public key to an editor, who registers it with `factdesk reviewer add --key` or `reviewer key`.
                """,
            subcommands: [Create.self, Show.self],
            defaultSubcommand: Show.self)
    }

    struct ServiceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "service",
            abstract: "Register the services that sign for the reviewers they act for, such as the web desk.",
            subcommands: [Add.self, List.self, Remove.self],
            defaultSubcommand: List.self)
    }
}

/// `--service NAME` or a reviewer's handle: whose key a key command is about.
struct KeyHolderOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Whose key: a reviewer's handle. Else the reviewer you act as.", valueName: "handle"))
    var handle: String?

    @Option(help: ArgumentHelp("A service's key instead of a reviewer's.", valueName: "name"))
    var service: String?

    func holder(_ global: GlobalOptions) throws -> Keyring.Holder {
        if let service {
            guard handle == nil else { throw ValidationError("give a handle or --service, not both") }
            try Reviewer.validate(handle: service)
            return .service(service)
        }
        let name = handle ?? global.handle
        try Reviewer.validate(handle: name)
        return .reviewer(name)
    }
}

extension Factdesk.KeyCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Make your key pair, if this machine has none, and print its public key.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var who: KeyHolderOptions

        func run() throws {
            let keys = Keyring.standard()
            let holder = try who.holder(global)
            let (key, created) = try keys.create(holder)
            if global.json {
                try Terminal.json(["public_key": PublicKeyText.text(of: key), "file": keys.path(of: holder),
                                   "created": created ? "yes" : "no"])
                return
            }
            Terminal.print(PublicKeyText.text(of: key))
            Terminal.message(created ? "made \(keys.path(of: holder))" : "\(keys.path(of: holder)) already holds this key; kept")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print your public key, to give to an editor.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var who: KeyHolderOptions

        func run() throws {
            let keys = Keyring.standard()
            let holder = try who.holder(global)
            guard let key = try keys.publicKeyText(holder) else {
                switch holder {
                case .reviewer(let handle): throw KeyError.noPrivateKey(handle: handle, folder: keys.location)
                case .service(let name): throw KeyError.noServiceKey(name: name, folder: keys.location)
                }
            }
            if global.json {
                try Terminal.json(["public_key": key, "file": keys.path(of: holder)])
            } else {
                Terminal.print(key)
            }
        }
    }
}

extension Factdesk.ServiceCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Register a service's public key, or replace it (editors only).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The service's name, such as web.")
        var name: String

        @Option(help: ArgumentHelp(
            "Its public key, as `factdesk key show --service NAME` prints it where it runs.",
            discussion: "Without it, this machine's key for the service is used, made when missing.",
            valueName: "ed25519:..."))
        var key: String?

        func run() async throws {
            let service = try await global.withStore { try await $0.team.addService(name, key: key, by: global.handle) }
            if !global.json { Terminal.print("service \(service.name) signs with \(service.publicKey)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered services.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let services = try await global.withStoreForReading { try await $0.team.services() }
            if global.json {
                try Terminal.json(services.map {
                    ["name": $0.name, "public_key": $0.publicKey, "active": $0.active ? "yes" : "no", "added_by": $0.addedBy]
                })
                return
            }
            Terminal.table(["NAME", "ACTIVE", "KEY", "ADDED BY"], services.map {
                [$0.name, $0.active ? "yes" : Terminal.styled("no", .dim), $0.publicKey, $0.addedBy]
            })
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Stop a service from signing (editors only).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The service's name.")
        var name: String

        func run() async throws {
            try await global.withStore { try await $0.team.removeService(name, by: global.handle) }
            if !global.json { Terminal.print("removed service \(name)") }
        }
    }
}
