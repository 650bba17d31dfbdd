import Foundation
import ArgumentParser
import FactDeskKit

extension Factdesk {
    struct NoteCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note", abstract: "Add a note to a claim.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The claim's id.") var id: Int64
        @Argument(help: "The note, or - to read it from standard input.") var text: String

        func run() async throws {
            try await global.withStore { store in
                var body = text
                if text == "-" {
                    // A character is at most four bytes: more than that is over the limit, however it is trimmed.
                    guard let data = StandardInput.read(limit: 4 * maximumNoteLength + 65_536) else {
                        throw DeskError.invalidValue(
                            "the note on standard input is over the limit of \(maximumNoteLength) characters; attach long material as evidence")
                    }
                    switch UTF8Text.decode(data) {
                    case .success(let read): body = read
                    case .failure(let failure): throw DeskError.invalidValue("the note on standard input is not UTF-8 text: \(failure)")
                    }
                }
                let note = try await store.review.addNote(to: id, body: body, by: global.handle)
                if global.json {
                    try Terminal.json(JSONView.NoteView(note))
                } else {
                    Terminal.print("note \(note.id ?? 0) added to claim \(id)")
                }
            }
        }
    }

    struct EvidenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence", abstract: "Attach evidence to claims.",
            subcommands: [Add.self], defaultSubcommand: Add.self)

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add", abstract: "Attach a URL or citation to a claim.")

            @OptionGroup var global: GlobalOptions
            @Argument(help: "The claim's id.") var id: Int64
            @Argument(help: "A URL, or a citation in quotes.") var url: String
            @Option(help: ArgumentHelp("How it bears on the claim.", valueName: "stance")) var stance: Evidence.Stance = .context
            @Option(help: ArgumentHelp("What it shows.", valueName: "text")) var note: String?

            func run() async throws {
                let evidence = try await global.withStore {
                    try await $0.review.addEvidence(
                        to: id, NewEvidence(url: url, stance: stance, note: note), by: global.handle)
                }
                if global.json {
                    try Terminal.json(JSONView.EvidenceView(evidence))
                } else {
                    Terminal.print("evidence \(evidence.id ?? 0) (\(stance.rawValue)) added to claim \(id)")
                }
            }
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Show the history of a claim, or of the whole desk, newest first.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A claim's id; else the whole desk.") var id: Int64?
        @Option(help: ArgumentHelp("At most this many events.", valueName: "n")) var limit: Int?
        @Flag(help: "One line per event.") var oneline = false

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        }

        func run() async throws {
            try await global.withStoreForReading { store in
                if let id { _ = try await store.review.claim(id) }
                var first = true
                if global.json { Terminal.print("[") }
                try await store.audit.history(claimID: id, limit: limit) { event in
                    if global.json {
                        let json = try JSONView.encode(JSONView.EventView(event))
                        Terminal.print((first ? "" : ",\n") + json, terminator: "")
                    } else if oneline {
                        Terminal.print(HistoryLine.oneLine(event))
                    } else {
                        if !first { Terminal.print() }
                        printEvent(event)
                    }
                    first = false
                }
                if global.json { Terminal.print((first ? "" : "\n") + "]") }
            }
        }

        private func printEvent(_ event: AuditEvent) {
            Terminal.print(Terminal.styled("event \(event.seq ?? 0)", .yellow) + "  " + event.action)
            Terminal.print("Actor: \(event.actor)")
            Terminal.print("Date:  \(ISO8601.string(from: event.at))")
            var subject: [String] = []
            if let claim = event.claimID { subject.append("claim \(claim)") }
            if let source = event.sourceID { subject.append("source \(source)") }
            if let from = event.fromState, let to = event.toState {
                subject.append("\(from) -> \(to)")
            } else if let to = event.toState {
                subject.append("-> \(to)")
            }
            if !subject.isEmpty { Terminal.print("On:    " + subject.joined(separator: "  ")) }
            let details = event.payload
            var lines: [String] = []
            if let assignee = details.text(.assignee) {
                lines.append("assigned to \(assignee)" + (details.text(.due).map { ", due \($0)" } ?? "")
                             + (details.text(.previousAssignee).map { " (was \($0))" } ?? ""))
            }
            if let link = HistoryLine.link(details) { lines.append(link) }
            if let handle = details.handle { lines.append("reviewer \(handle)" + (details.role.map { " as \($0)" } ?? "")) }
            if let title = details.text(.title) { lines.append("title: " + Terminal.safe(title)) }
            if let text = details.text(.text) { lines.append("text: " + Terminal.safe(text)) }
            if let workflow = details.text(.workflow) { lines.append("workflow: \(workflow)") }
            if let sha = details.sha256 { lines.append("sha256: \(sha)") }
            if let note = details.note { lines.append("note: " + Terminal.safe(note)) }
            for url in details.list(.evidence) ?? [] { lines.append("evidence: " + Terminal.safe(url)) }
            if !lines.isEmpty {
                Terminal.print()
                for line in lines { Terminal.print("    " + line) }
            }
        }
    }
}
