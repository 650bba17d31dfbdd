import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a desk: a new desk file, or an empty PostgreSQL database, with its workflow and first editor.",
            discussion: """
                The workflow is copied into the desk with its SHA-256, so editing the YAML \
                file later never changes a running desk. On PostgreSQL the first editor is the \
                role that logs in, which becomes the desk's owner. The editor's key is made in the key \
                folder ($FACTDESK_KEYS, else ~/.config/factdesk/keys) if missing, and signs the desk's first event.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("A built-in workflow (standard) or a YAML file.", valueName: "name|path"))
        var workflow = "standard"

        @Option(help: ArgumentHelp("The first editor's handle.", discussion: "Else the --as identity.", valueName: "handle"))
        var editor: String?

        @Option(help: ArgumentHelp("The first editor's display name.", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("The desk's name.", valueName: "name"))
        var desk: String?

        func run() async throws {
            let source = try WorkflowSource.named(workflow)
            let handle = editor ?? global.handle
            let store = try await ClaimStore.create(
                path: global.path, workflow: source,
                editor: NewReviewer(handle: handle, displayName: name, role: .editor),
                deskName: desk, busyTimeout: global.busyTimeout, connectTimeout: global.connectTimeout, signer: global.signer)
            let editor = store.login?.handle ?? handle
            let key = try await store.connected { try await $0.team.reviewer(editor)?.publicKey } ?? ""
            if global.json {
                try Terminal.json(["path": store.path, "workflow": source.workflow.name, "editor": editor, "public_key": key])
            } else {
                Terminal.print("created desk \(store.path) with workflow '\(source.workflow.name)'; \(editor) is its editor")
                Terminal.print("\(editor) signs with \(key)")
            }
        }
    }
}
