import ArgumentParser
import FactDeskKit
import Foundation

extension TwoFactorRequirement: ExpressibleByArgument {}

extension Factdesk {
    struct TwoFactorCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "2fa",
            abstract: "Two-factor logins for the web desk: a code from an authenticator app after the password.",
            discussion: """
                Anyone may turn their own on or off; an editor may do either for another reviewer (to set up \
                a colleague's phone in person, or to let in someone who lost theirs), and the history names who did. \
                `factdesk serve --require-2fa editors|all` turns away those it covers who have none.
                """,
            subcommands: [Enable.self, Disable.self])
    }
}

extension Factdesk.TwoFactorCommand {
    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: "Turn on (or renew) a two-factor login; prints its otpauth:// URI and ten recovery codes, once.",
            discussion: """
                Add the URI to an authenticator app (or scan its QR code on the web desk's Settings page), and keep \
                the recovery codes somewhere safe: each opens one login when the phone is lost. Running it again \
                replaces the secret and the codes. The reviewer's web sessions end.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Whose; else your own (an editor may name another reviewer).") var handle: String?

        func run() async throws {
            let target = handle ?? global.handle
            let enrollment = try await global.withStore { try await $0.logins.enableTwoFactor(for: target, by: global.handle) }
            if global.json {
                try Terminal.json(JSONView.TwoFactorView(enrollment))
                return
            }
            Terminal.print(enrollment.uri)
            for code in enrollment.recoveryCodes { Terminal.print(code) }
            Terminal.message("two-factor login on for \(target): add the URI above to an authenticator app; "
                + "keep the \(enrollment.recoveryCodes.count) recovery codes safe, each works once; none of this is shown again")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Turn off a reviewer's two-factor login (yourself, or an editor for anyone).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Whose.") var handle: String

        func run() async throws {
            try await global.withStore { try await $0.logins.disableTwoFactor(for: handle, by: global.handle) }
            if !global.json { Terminal.print("two-factor login off for \(handle); the password alone opens the web desk again") }
        }
    }
}
