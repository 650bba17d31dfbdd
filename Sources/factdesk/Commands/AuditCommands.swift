import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Prove the history untampered, and publish its head.",
            subcommands: [Verify.self, Head.self],
            defaultSubcommand: Verify.self)
    }

    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the desk consistently to a new file or database while others go on working.",
            discussion: """
                DEST is a path where no file exists, or the URL of an empty PostgreSQL database: \
                a desk moves between a file and PostgreSQL with every row, the same history and \
                the same audit head.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The new file, or an empty database's URL.", valueName: "dest")) var path: String

        func run() async throws {
            try await global.withStore { try await $0.backup(to: path, connectTimeout: global.connectTimeout) }
            if !global.json { Terminal.print("backed up \(global.place) to \(GlobalOptions.display(path))") }
        }
    }
}

/// The history's head as `SEQ:HASH`.
struct Anchor: ExpressibleByArgument {
    var seq: Int64
    var hash: String

    init?(argument: String) {
        let parts = argument.split(separator: ":")
        guard parts.count == 2, let seq = Int64(parts[0]), seq > 0, parts[1].count == 64,
              parts[1].allSatisfy(\.isHexDigit) else { return nil }
        self.seq = seq
        hash = parts[1].lowercased()
    }
}

/// `audit verify` found the history broken.
struct TamperingDetected: FactDeskError {
    var count: Int
    var kind: FailureKind { .tampered }
    var description: String {
        "tampering detected: \(count) problem\(count == 1 ? "" : "s") in the history (listed above)"
    }
}

extension Factdesk.Audit {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the history's chain and signatures, its rules, and that it accounts for every row of the desk.",
            discussion: """
                Each event's hash and signature (by its actor's registered key, or a registered service's), \
                each transition against the workflow as it stood, every row of claims, notes, evidence, links, \
                aliases, sources, reviewers and services against what the events say, and the history's \
                triggers by their full SQL. Ends with 70 when it finds tampering, naming the event or the table \
                and row of each break.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("A head published earlier, as printed by `audit head`.", valueName: "seq:hash"))
        var anchor: Anchor?

        @Option(help: ArgumentHelp(
            "A head verified before: the history must still hold it; signatures are checked only after it.",
            valueName: "seq:hash"))
        var since: Anchor?

        func validate() throws {
            if anchor != nil && since != nil { throw ValidationError("give --anchor or --since, not both") }
        }

        func run() async throws {
            let mark = anchor ?? since
            let report = try await global.withStoreForReading {
                try await $0.audit.verifyAudit(
                    anchor: mark.map { ($0.seq, $0.hash) }, trustedThrough: since?.seq ?? 0)
            }
            if global.json {
                try Terminal.json(JSONView.AuditReportView(report))
            } else {
                Terminal.print("\(Terminal.counted(report.events, "event")), \(Terminal.counted(report.claimsReplayed, "claim")) and "
                    + "\(Terminal.counted(report.rowsChecked, "other row")) replayed; head \(report.head)")
                if report.events > 0 {
                    var line = "\(report.signaturesChecked) signatures checked"
                    if report.unsignedBeforeSigning > 0 {
                        line += report.signingBegan.map { "; events 1-\($0 - 1) unsigned, before signing began at event \($0)" }
                            ?? "; all \(report.events) events unsigned: the desk has not signed since it was made"
                    }
                    if let since { line += "; signatures before \(since.seq + 1) taken as verified before" }
                    Terminal.print(line)
                }
                for problem in report.problems { Terminal.print("  " + Terminal.safe(problem.description)) }
                if report.intact {
                    Terminal.print("the history is intact" + (mark.map { " and extends \($0.seq):\($0.hash.prefix(12))…" } ?? ""))
                }
            }
            if !report.intact { throw TamperingDetected(count: report.problems.count) }
        }
    }

    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "head",
            abstract: "Print the history's head (SEQ:HASH) to publish outside the desk.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let head = try await global.withStoreForReading { try await $0.audit.auditHead() }
            if global.json {
                try Terminal.json(JSONView.HeadView(seq: head.seq, hash: head.hash))
            } else {
                Terminal.print("\(head.seq):\(head.hash)")
            }
        }
    }
}
