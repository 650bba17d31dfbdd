import Foundation
import FactDeskKit

/// The code that reads text from outside, each part as a target that takes any bytes.
///
/// A target returns normally for every input: refusing bad input is its job. It stops the
/// process (which libFuzzer reports as a crash, with the input) when the code under it
/// crashes, or when a promise the code makes is broken: a claim's span that is not its
/// text, a normalization that changes text already normalized, a search that throws.
enum FuzzTarget: String, CaseIterable {
    /// An article as `source add` reads it: decoding, segmentation, attribution, check-worthiness.
    case article
    /// The Arabic normalizer, word splitter and stemmer, and what the index takes of a text.
    case text
    /// `claim search`: a user's words turned into an index query, on a desk of the sample articles.
    case search
    /// `import csv`: a spreadsheet read and applied to a desk of the sample articles.
    case csv
    /// `init --workflow`: a workflow file, loaded and checked.
    case workflow

    /// Whether the target works on the desk of sample articles.
    var needsDesk: Bool { self == .search || self == .csv }

    /// Runs one input; `desk` is the desk of sample articles, for the targets that need it.
    func run(_ data: Data, desk: FuzzDesk?) async {
        switch self {
        case .article: article(data)
        case .text: text(data)
        case .search: await search(data, desk)
        case .csv: await csv(data, desk)
        case .workflow: workflow(data)
        }
    }

    private func article(_ data: Data) {
        guard let text = try? ArticleReader().text(of: data, named: "input") else { return }
        let scalars = text.unicodeScalars.count
        for claim in ClaimExtractor.claims(in: text) {
            promise(claim.range.lowerBound >= 0 && claim.range.upperBound <= scalars,
                    "a claim's span \(claim.range) lies outside the article's \(scalars) scalars")
            promise(TextSpan.slice(text, claim.range) == claim.text, "a claim's span is not its text")
            promise(!claim.text.isEmpty, "an empty claim")
        }
        for sentence in SentenceSegmenter.sentences(in: text) {
            _ = Attribution.find(in: sentence.text)
            _ = Worthiness.assess(sentence.text, speaker: nil)
        }
    }

    private func text(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let normal = ArabicNormalizer.normalize(text)
        promise(ArabicNormalizer.normalize(normal) == normal, "normalizing a normalized text changes it")
        for word in ArabicNormalizer.words(text) {
            _ = LightStemmer.stem(word)
        }
        _ = LightStemmer.terms(text)
        _ = ScriptDetector.language(of: text)
        promise(InvisibleCharacters.report(InvisibleCharacters.shown(text)).isEmpty,
                "a text made visible still holds invisible characters")
    }

    private func search(_ data: Data, _ desk: FuzzDesk?) async {
        guard let desk else { return }
        let query = String(decoding: data, as: UTF8.self)
        do {
            _ = try await desk.store.review.search(query)
        } catch {
            promise(false, "a search threw: \(error)")
        }
    }

    private func csv(_ data: Data, _ desk: FuzzDesk?) async {
        guard let desk, let rows = try? ClaimCSV.read(data) else { return }
        // A fixed now: relative deadlines ("3d") resolve alike on every run, so a run is repeatable.
        _ = try? await desk.store.imports.importPlan(rows, by: FuzzDesk.editor, now: Date(timeIntervalSince1970: 1_780_000_000))
    }

    private func workflow(_ data: Data) {
        guard case .success(let yaml) = UTF8Text.decode(data),
              let workflow = try? WorkflowLoader(file: "input.yaml").load(yaml: yaml) else { return }
        promise(workflow.state(named: workflow.initialState) != nil, "a loaded workflow starts in a state it does not have")
    }

    /// Stops the process, naming the broken promise, when a condition does not hold.
    private func promise(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition {
            FileHandle.standardError.write(Data("factdesk-fuzz: \(rawValue): \(message())\n".utf8))
            abort()
        }
    }
}

/// A desk in memory holding the sample articles, made once per process.
struct FuzzDesk: Sendable {
    static let editor = "editor"
    let store: ClaimStore

    /// Makes the desk, or stops the process saying why it could not.
    static func make() async -> FuzzDesk {
        do {
            let keys = FileManager.default.temporaryDirectory.appendingPathComponent("factdesk-fuzz-keys-\(getpid())")
            setenv("FACTDESK_KEYS", keys.path, 1)
            let store = try await ClaimStore.inMemory(workflow: try WorkflowSource.named("standard"),
                                                      editor: NewReviewer(handle: Self.editor, role: .editor))
            try await store.team.addReviewer(NewReviewer(handle: "reviewer"), by: Self.editor)
            let folder = ProcessInfo.processInfo.environment["FACTDESK_SEEDS"] ?? "seeds"
            let reader = ArticleReader()
            let articles = try reader.expand([folder]).map { NewSource(body: try reader.read($0)) }
            _ = try await store.imports.addSources(articles, by: Self.editor)
            return FuzzDesk(store: store)
        } catch {
            FileHandle.standardError.write(Data("factdesk-fuzz: cannot make the sample desk (set FACTDESK_SEEDS to the seeds folder): \(error)\n".utf8))
            exit(2)
        }
    }
}
