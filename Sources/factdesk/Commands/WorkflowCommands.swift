import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct WorkflowCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workflow",
            abstract: "Show the desk's workflow, check a workflow file, or install one (editors).",
            subcommands: [Show.self, Check.self, Install.self],
            defaultSubcommand: Show.self)
    }
}

extension Factdesk.WorkflowCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a workflow's states and transitions: the desk's, or a named one.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("A built-in name or a YAML file; else the desk's own.", valueName: "name|path"))
        var workflow: String?

        func run() async throws {
            let shown: FactDeskKit.Workflow
            var origin: String
            if let workflow {
                shown = try WorkflowSource.named(workflow).workflow
                origin = workflow
            } else {
                let installed = try await global.withStoreForReading { try await $0.team.installedWorkflow() }
                shown = installed.definition
                origin = "installed \(ISO8601.string(from: installed.installedAt)) by \(installed.installedBy), sha256 \(installed.sha256.prefix(12))"
            }
            if global.json {
                try Terminal.json(JSONView.WorkflowView(shown))
                return
            }
            Terminal.print(Terminal.styled("workflow \(shown.name)", .bold) + "  (\(origin))")
            if let summary = shown.summary { Terminal.print(Terminal.safe(summary)) }
            Terminal.print()
            Terminal.table(["STATE", "KIND", "MEANING"], shown.states.map { state in
                [Terminal.state(state.name, final: state.isFinal),
                 state.isInitial ? "initial" : state.isFinal ? "final" : "",
                 Terminal.safe(state.summary ?? "")]
            })
            Terminal.print()
            Terminal.table(["TRANSITION", "FROM", "TO", "BY", "REQUIRES"], shown.transitions.map { transition in
                var needs: [String] = []
                if transition.setsAssignee { needs.append("--to") }
                if transition.requiresNote { needs.append("note") }
                if transition.minimumEvidence > 0 { needs.append("\(transition.minimumEvidence) evidence") }
                if let proposes = transition.proposes { needs.append("proposes \(proposes)") }
                if !transition.notBy.isEmpty { needs.append("not who ran " + transition.notBy.joined(separator: "/")) }
                return [transition.name, transition.from.joined(separator: ", "), transition.to,
                        transition.by.map(\.rawValue).joined(separator: ", "),
                        needs.isEmpty ? "-" : needs.joined(separator: ", ")]
            })
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a workflow file, reporting the first problem with its line.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The YAML file.")
        var file: String

        func run() throws {
            let workflow = try WorkflowLoader.load(contentsOf: file)
            if global.json {
                try Terminal.json(JSONView.WorkflowView(workflow))
            } else {
                Terminal.print("\(file): ok, workflow '\(workflow.name)' with \(workflow.states.count) states and \(workflow.transitions.count) transitions")
            }
        }
    }
}

extension Factdesk.WorkflowCommand {
    struct Install: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install a workflow on the desk, recorded in its history (editors).",
            discussion: """
                Every claim's state must be a state of the new workflow. This is also how an \
                editor repairs a desk whose stored workflow was changed outside FactDesk: until \
                then every write is refused.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("A built-in name or a YAML file.", valueName: "name|path"))
        var workflow: String

        func run() async throws {
            let installed = try await global.withStore {
                try await $0.team.installWorkflow(try WorkflowSource.named(workflow), by: global.handle)
            }
            if global.json {
                try Terminal.json(JSONView.WorkflowView(installed.definition))
                return
            }
            Terminal.print("installed workflow '\(installed.name)' (sha256 \(installed.sha256.prefix(12))) by \(installed.installedBy)")
        }
    }
}
