import Foundation
import ArgumentParser
import FactDeskKit

extension Evidence.Stance: ExpressibleByArgument {}

/// What a transition command may carry: a note, evidence, and the version the user saw.
struct TransitionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Why: stored as a note and in the history.", valueName: "text"))
    var note: String?

    @Option(name: .customLong("evidence"), help: ArgumentHelp("A URL or citation (repeatable).", valueName: "url"))
    var evidence: [String] = []

    @Option(help: ArgumentHelp("How the --evidence bears on the claim.", discussion: "Else as the workflow's target state says (`stance:`): supports for verified, refutes for disputed, context otherwise.", valueName: "stance"))
    var stance: Evidence.Stance?

    @Option(help: ArgumentHelp("Refuse if the claim is no longer at this version (from claim show).", valueName: "n"))
    var ifVersion: Int64?

    /// Runs the transition, all claims or none, and reports each claim's new state.
    func run(_ transition: String, on ids: [Int64], assignee: String? = nil, due: String? = nil,
             global: GlobalOptions) async throws {
        try await global.withStore { store in
            let input = TransitionInput(transition: transition, claimIDs: ids, assignee: assignee, due: due, note: note,
                                        evidence: evidence, stance: stance?.rawValue, version: ifVersion.map(String.init))
            var command = try input.command(by: global.handle, in: try await store.team.workflow(), now: Date())
            command.expectedVersions = try await store.review.versions(of: ids).merging(command.expectedVersions) { _, typed in typed }
            let claims = try await store.review.apply(command)
            if global.json {
                try Terminal.json(claims.map(JSONView.ClaimView.init))
                return
            }
            // Who acted and who holds the claim now, said apart: an editor's approval of a
            // reviewer's proposal is by the editor, and the claim stays with the reviewer.
            for claim in claims {
                let dueText = due == nil ? "" : claim.dueAt.map { ", due \(ISO8601.string(from: $0))" } ?? ""
                let held = claim.assignee.map { "; assigned to \($0)\(dueText)" } ?? ""
                Terminal.print("claim \(claim.id ?? 0): \(transition) -> \(claim.state) (by \(global.handle)\(held))")
            }
        }
    }

    /// Refuses a stance without evidence while the words are parsed, before the desk is opened;
    /// the builder refuses the same for the web.
    func validate() throws {
        if stance != nil && evidence.isEmpty {
            throw ValidationError("--stance describes --evidence; give the evidence too")
        }
    }
}

/// A command that runs one named transition on one claim.
protocol SingleTransition: AsyncParsableCommand {
    static var transition: String { get }
    var global: GlobalOptions { get }
    var id: Int64 { get }
    var options: TransitionOptions { get }
}

extension SingleTransition {
    func run() async throws {
        try await options.run(Self.transition, on: [id], global: global)
    }
}

extension Factdesk {
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Assign claims to a reviewer (editors).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claims' ids.") var ids: [Int64]
        @Option(help: ArgumentHelp("The reviewer to assign.", valueName: "handle")) var to: String
        @Option(help: ArgumentHelp("When the review is due: 2h, 3d, 1w, YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC).",
                                   valueName: "deadline"))
        var due: String?
        @OptionGroup var options: TransitionOptions

        func run() async throws {
            try await options.run("assign", on: ids, assignee: to, due: due, global: global)
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start", abstract: "Start reviewing claims assigned to you.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claims' ids.") var ids: [Int64]
        @OptionGroup var options: TransitionOptions

        func run() async throws {
            try await options.run("start", on: ids, global: global)
        }
    }

    struct Verify: SingleTransition {
        static let transition = "verify"
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Record that a claim is true, with a note and evidence.",
            discussion: "The desk's workflow says what a verdict needs: the standard one asks for a note (--note) and at least one evidence item (--evidence); `factdesk workflow show` lists each transition's requirements.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64
        @OptionGroup var options: TransitionOptions
    }

    struct Dispute: SingleTransition {
        static let transition = "dispute"
        static let configuration = CommandConfiguration(
            commandName: "dispute",
            abstract: "Record that a claim is false or misleading, with a note and evidence.",
            discussion: "The desk's workflow says what a verdict needs: the standard one asks for a note (--note) and at least one evidence item (--evidence); `factdesk workflow show` lists each transition's requirements.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64
        @OptionGroup var options: TransitionOptions
    }

    struct Reopen: SingleTransition {
        static let transition = "reopen"
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Reopen a decided claim to correct its verdict (editors); the first verdict stays in the history.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64
        @OptionGroup var options: TransitionOptions
    }

    struct Approve: SingleTransition {
        static let transition = "approve"
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve a proposed verdict (an editor who did not propose it; two-person workflow).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64
        @OptionGroup var options: TransitionOptions
    }

    struct Reject: SingleTransition {
        static let transition = "reject"
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Send a proposed verdict back for more work, with a note (two-person workflow).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64
        @OptionGroup var options: TransitionOptions
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Run any transition of the desk's workflow on claims.",
            discussion: "`factdesk workflow show` lists the transitions and their guards.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64
        @Argument(help: "The transition's name.") var transition: String
        @Option(help: ArgumentHelp("The reviewer to assign, for a transition that assigns.", valueName: "handle"))
        var to: String?
        @OptionGroup var options: TransitionOptions

        func run() async throws {
            try await options.run(transition, on: [id], assignee: to, global: global)
        }
    }
}
