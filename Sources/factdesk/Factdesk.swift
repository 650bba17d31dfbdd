import ArgumentParser

/// `factdesk`: a fact-checking desk on one SQLite file or in a PostgreSQL database.
@main
struct Factdesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factdesk",
        abstract: "Pull claims out of articles, review them to a verdict, and keep a history nobody can rewrite.",
        discussion: "Exit codes: \(ExitStatus.summary)",
        version: "0.1.0",
        subcommands: [
            Init.self, ReviewerCommand.self, SourceCommand.self, ClaimCommand.self,
            Assign.self, Start.self, Verify.self, Dispute.self, Approve.self, Reject.self, Reopen.self, Move.self,
            NoteCommand.self, EvidenceCommand.self, History.self, WorkflowCommand.self,
            Related.self, Link.self, Unlink.self, Clusters.self, AliasCommand.self, SpeakerCommand.self,
            Audit.self, Backup.self, Stats.self, Export.self, Import.self, Report.self,
            Serve.self, TokenCommand.self, TwoFactorCommand.self, KeyCommand.self, ServiceCommand.self,
            FeedCommand.self, TipCommand.self, InboxCommand.self, Follow.self, Unfollow.self, MailCommand.self,
            WebhookCommand.self, NotifyCommand.self,
        ]
    )

    static func main() async {
        await execute(Array(CommandLine.arguments.dropFirst()))
    }
}
