import ArgumentParser
import Foundation
import FactDeskKit

extension Factdesk {
    struct SourceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "source",
            abstract: "Import articles and look at them.",
            subcommands: [Add.self, List.self, Show.self, Refresh.self],
            defaultSubcommand: List.self)
    }
}

extension Factdesk.SourceCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Import articles: web pages (http or https), files, folders of files, or - for standard input.",
            discussion: """
                Each article is stored verbatim with the SHA-256 of its text; importing the same \
                text again changes nothing and names the existing source. Files that cannot be \
                imported are listed and the command ends non-zero, keeping the good ones.

                A web page is fetched (at most 5 redirects, gzip accepted, --timeout and --max-size \
                honoured), its article text read (the page's JSON-LD articleBody, else its main \
                text), and the page kept as fetched, with its SHA-256 in the history. Its title, \
                outlet, date, language and canonical address fill the source; options given win. \
                A page that cannot be fetched ends with exit code 69.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Web addresses, article files, folders, or - for standard input.", valueName: "url-or-file"))
        var files: [String]

        @Option(help: ArgumentHelp("The article's title.", discussion: "Else its first line. One file only.", valueName: "title"))
        var title: String?

        @Option(help: ArgumentHelp("The outlet that published it.", valueName: "name"))
        var outlet: String?

        @Option(help: ArgumentHelp("Where it was published.", valueName: "url"))
        var url: String?

        @Option(help: ArgumentHelp("Its publication date.", valueName: "YYYY-MM-DD"))
        var published: String?

        @Option(help: ArgumentHelp("Its language code.", discussion: "Else detected from the script.", valueName: "code"))
        var lang: String?

        @Option(help: ArgumentHelp("The largest file accepted, in bytes.", valueName: "bytes"))
        var maxSize = ArticleReader.defaultMaximumSize

        @Option(help: ArgumentHelp("Seconds a web page may take to arrive, whole.", valueName: "seconds"))
        var timeout = PageFetcher.defaultTimeout

        @Flag(help: "Store the articles without extracting claims.")
        var noExtract = false

        private static func isWebAddress(_ argument: String) -> Bool {
            let lower = argument.lowercased()
            return lower.hasPrefix("http://") || lower.hasPrefix("https://")
        }

        func validate() throws {
            if title != nil && files.count > 1 {
                throw ValidationError("--title names one article; import files one at a time to title each")
            }
            if url != nil && files.contains(where: Self.isWebAddress) {
                throw ValidationError("--url is for files; a web page's address is the one it is fetched from")
            }
            guard timeout > 0, timeout <= 600 else {
                throw ValidationError("--timeout must be between 0 and 600 seconds")
            }
            guard maxSize > 0 else { throw ValidationError("--max-size must be a positive number of bytes") }
        }

        func run() async throws {
            try await global.withStore { store in
                let reader = ArticleReader(maximumSize: maxSize)
                var refused: [(String, String)] = []
                var imported: [JSONView.SourceView] = []
                let fetcher = PageFetcher(timeout: timeout, maximumSize: maxSize)
                let paths = try reader.expand(files.filter { !Self.isWebAddress($0) })
                let addresses = files.filter(Self.isWebAddress)
                for address in addresses {
                    do {
                        let outcome = try await store.imports.addWebSource(
                            address, fetcher: fetcher,
                            overrides: SourceOverrides(title: title, outlet: outlet, language: lang, publishedOn: published),
                            extract: !noExtract, by: global.handle)
                        report(outcome, path: address, into: &imported)
                    } catch let failure as any FactDeskError {
                        if files.count == 1 { throw failure }
                        refused.append((address, failure.description))
                        Terminal.error(failure.description)
                    }
                }
                if title != nil && paths.count + addresses.count > 1 {
                    throw UsageError(description: "--title names one article, and \(files.joined(separator: " ")) holds \(paths.count); import them one at a time to title each")
                }
                let progress = Progress(total: paths.count)
                for (done, path) in paths.enumerated() {
                    progress.show(done)
                    defer { if done == paths.count - 1 { progress.finish() } }
                    do {
                        let body = try reader.read(path)
                        let outcome = try await store.imports.addSource(
                            NewSource(body: body, title: title, outlet: outlet, url: url, language: lang,
                                      publishedOn: published), extract: !noExtract, by: global.handle)
                        report(outcome, path: path, into: &imported)
                    } catch let failure as DeskError {
                        // One file alone fails as itself; of several (a folder's), the rest go on.
                        if paths.count == 1 { throw failure }
                        refused.append((path, FlagHints.message(for: failure)))
                        Terminal.error(failure.description.contains(path) ? failure.description : "\(path): \(failure)")
                    }
                }
                if global.json { try Terminal.json(imported) }
                if !refused.isEmpty {
                    throw DeskError.invalidValue(
                        "\(refused.count) of \(refused.count + imported.count) files refused: "
                            + refused.map(\.0).joined(separator: ", "))
                }
            }
        }

        private func report(_ outcome: SourceImport, path: String, into imported: inout [JSONView.SourceView]) {
            switch outcome {
            case .added(let source, let claims):
                imported.append(JSONView.SourceView(SourceSummary(source: source, claimCount: claims)))
                if !global.json {
                    Terminal.print("source \(source.id ?? 0)  \(Terminal.counted(claims, "claim"))  \(path)  \(Terminal.truncated(Terminal.safe(source.title), to: 60))")
                }
            case .existing(let source):
                imported.append(JSONView.SourceView(SourceSummary(source: source, claimCount: 0)))
                Terminal.message("\(path): already imported as source \(source.id ?? 0); nothing changed")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the desk's sources.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let sources = try await global.withStoreForReading { try await $0.imports.sources() }
            if global.json {
                try Terminal.json(sources.map { JSONView.SourceView($0) })
                return
            }
            Terminal.table(["ID", "LANG", "CLAIMS", "OUTLET", "PUBLISHED", "TITLE"], sources.map { summary in
                let source = summary.source
                return [String(source.id ?? 0), source.language, String(summary.claimCount),
                        Terminal.safe(source.outlet ?? "-"), source.publishedOn ?? "-",
                        Terminal.truncated(Terminal.safe(source.title), to: 70)]
            })
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a source and its full text.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The source's id.")
        var id: Int64

        @Flag(help: "Show only the sentences its outlet changed since it was first fetched: - old, + new.")
        var diff = false

        func run() async throws {
            if diff {
                let changes = try await global.withStoreForReading { try await $0.imports.changes(of: id) }
                if changes.isEmpty { Terminal.message("source \(id) has not changed since it was first fetched") }
                for change in changes {
                    switch change {
                    case .removed(let text): Terminal.print(Terminal.styled("- " + Terminal.safe(text), .red))
                    case .added(let text): Terminal.print(Terminal.styled("+ " + Terminal.safe(text), .green))
                    case .kept: break
                    }
                }
                return
            }
            let (summary, pages) = try await global.withStoreForReading { store in
                (try await store.imports.source(id), try await store.imports.pages(of: id))
            }
            if global.json {
                try Terminal.json(JSONView.SourceView(summary, pages: pages))
                return
            }
            let source = summary.source
            Terminal.print(Terminal.styled("source \(id)", .bold) + "  " + Terminal.safe(source.title))
            Terminal.print("outlet     \(Terminal.safe(source.outlet ?? "-"))")
            Terminal.print("url        \(Terminal.safe(source.url ?? "-"))")
            Terminal.print("published  \(source.publishedOn ?? "-")   language \(source.language)")
            Terminal.print("imported   \(ISO8601.string(from: source.importedAt)) by \(source.importedBy)")
            Terminal.print("sha256     \(source.sha256)")
            if let first = pages.first {
                Terminal.print("fetched    \(ISO8601.string(from: first.fetchedAt)) from \(Terminal.safe(first.url))")
                Terminal.print("page       \(first.sha256)  (kept as fetched, \(first.compressedPage.count) bytes compressed)")
                if pages.count > 1 { Terminal.print("revisions  \(pages.count - 1)") }
            }
            Terminal.print("claims     \(summary.claimCount)")
            Terminal.print()
            Terminal.print(Terminal.safe(source.body, keepNewlines: true))
        }
    }
}

extension Factdesk.SourceCommand {
    struct Refresh: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "refresh",
            abstract: "Fetch web sources again and keep what their outlets changed.",
            discussion: """
                A page whose article text is unchanged changes nothing but the time of its last \
                check. A changed text is kept as a new version, a source.revised event records \
                both texts' SHA-256, and the claims whose sentence changed or vanished are listed \
                (claim list --revised; source show ID --diff shows the sentences).
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The web source's id.")
        var id: Int64?

        @Flag(help: "Every web source.")
        var all = false

        @Option(help: ArgumentHelp("With --all: only sources not checked for this long (30m, 12h, 1d, 1w).", valueName: "age"))
        var olderThan: String?

        @Option(help: ArgumentHelp("Seconds a page may take to arrive, whole.", valueName: "seconds"))
        var timeout = PageFetcher.defaultTimeout

        @Option(help: ArgumentHelp("The largest page accepted, in bytes.", valueName: "bytes"))
        var maxSize = ArticleReader.defaultMaximumSize

        func validate() throws {
            if (id == nil) == !all { throw ValidationError("name one source's id, or --all") }
            if olderThan != nil && !all { throw ValidationError("--older-than goes with --all") }
            guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        }

        func run() async throws {
            let now = Date()
            let cutoff = try olderThan.map { age in
                let later = try Deadline.parse(age, now: now)
                guard age.last.map({ "mhdw".contains($0) }) == true else {
                    throw ValidationError("--older-than takes an age such as 30m, 12h, 1d or 1w")
                }
                return now.addingTimeInterval(-later.timeIntervalSince(now))
            }
            try await global.withStore { store in
                let fetcher = PageFetcher(timeout: timeout, maximumSize: maxSize)
                let ids = if let id { [id] } else { try await store.imports.webSources(checkedBefore: cutoff) }
                var failed: [Int64] = []
                var results: [JSONView.RefreshView] = []
                for id in ids {
                    do {
                        let outcome = try await store.imports.refresh(id, fetcher: fetcher, by: global.handle)
                        results.append(JSONView.RefreshView(outcome))
                        switch outcome {
                        case .unchanged:
                            if !global.json { Terminal.print("source \(id)  unchanged") }
                        case .revised(_, let previous, let digest, let claims):
                            if !global.json {
                                Terminal.print("source \(id)  revised  \(String(previous.prefix(12))) → \(String(digest.prefix(12)))  "
                                    + (claims.isEmpty ? "no claim's sentence changed"
                                        : "claims whose sentence changed: " + claims.map(String.init).joined(separator: ", ")))
                            }
                        }
                    } catch let failure as any FactDeskError {
                        if id == self.id { throw failure }
                        failed.append(id)
                        Terminal.error("source \(id): \(failure.description)")
                    }
                }
                if global.json { try Terminal.json(results) }
                if !failed.isEmpty {
                    throw DeskError.invalidValue("\(failed.count) of \(ids.count) sources could not be refreshed: "
                        + failed.map(String.init).joined(separator: ", ") + "; the others were")
                }
            }
        }
    }
}

/// A one-line progress count on stderr, only when stderr is a terminal and the import is large.
struct Progress {
    let total: Int
    let visible: Bool

    init(total: Int) {
        self.total = total
        visible = total >= 20 && isatty(STDERR_FILENO) == 1
    }

    func show(_ done: Int) {
        guard visible, done % 10 == 0 else { return }
        FileHandle.standardError.write(Data("\rimporting \(done)/\(total)".utf8))
    }

    func finish() {
        guard visible else { return }
        FileHandle.standardError.write(Data("\rimported \(total)/\(total)\n".utf8))
    }
}
