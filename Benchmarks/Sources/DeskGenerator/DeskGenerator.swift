import FactDeskKit
import Foundation

/// Builds a large, realistic desk through FactDeskKit's own import and workflow code.
///
/// Articles written by ``ArticleComposer`` are imported in batches with
/// ``ClaimStore/addSources(_:extract:by:)`` (extraction, attribution, scoring, indexing and
/// the hash-chained history included); then runs of claims are moved through the standard
/// workflow with ``ClaimStore/apply(_:)`` by the desk's editors and reviewers, with notes
/// and evidence, so the history holds what a working desk's would. The same seed gives
/// the same desk, times and hashes included.
public struct DeskGenerator {
    public struct Options: Sendable {
        /// How many claims to import; the last article may take the desk a little past it.
        public var claims: Int
        public var seed: UInt64 = 1
        /// Articles stored per transaction.
        public var articlesPerBatch = 200
        /// Claims moved by one workflow command.
        public var claimsPerCommand = 20
        public var reviewers = 24

        public init(claims: Int) {
            self.claims = claims
        }
    }

    /// What a generation made, and how fast.
    public struct Report: Codable, Sendable {
        public var claims = 0
        public var sources = 0
        public var events: Int64 = 0
        public var states: [String: Int] = [:]
        public var importSeconds = 0.0
        public var importClaimsPerSecond = 0.0
        /// The process's peak resident memory once the import was done, in MiB.
        public var importPeakMiB = 0.0
        public var workflowSeconds = 0.0
        public var workflowCommands = 0
        public var peakMiB = 0.0

        enum CodingKeys: String, CodingKey {
            case claims, sources, events, states
            case importSeconds = "import_seconds"
            case importClaimsPerSecond = "import_claims_per_second"
            case importPeakMiB = "import_peak_mib"
            case workflowSeconds = "workflow_seconds"
            case workflowCommands = "workflow_commands"
            case peakMiB = "peak_mib"
        }
    }

    public static let editors = ["sara", "omar", "huda"]

    /// The reviewer handles a desk of `count` reviewers has: rev01, rev02, ...
    public static func reviewerHandles(_ count: Int) -> [String] {
        (1...max(1, count)).map { $0 < 10 ? "rev0\($0)" : "rev\($0)" }
    }

    let options: Options
    let composer: ArticleComposer
    var rng: SplitMix64

    public init(options: Options, samples: [String]) {
        self.options = options
        composer = ArticleComposer(samples: samples)
        rng = SplitMix64(seed: options.seed)
    }

    /// Creates the desk at `path` (which must not exist) and fills it, every event signed
    /// with keys `signer` holds (made there for the desk's people when missing).
    public mutating func generate(at path: String, signer: EventSigner = ClaimStore.processSigner,
                                  progress: (String) -> Void = { _ in }) async throws -> Report {
        guard !composer.isEmpty else { throw DeskError.invalidValue("the sample articles hold no sentences to compose with") }
        let clock = SyntheticClock()
        let store = try await ClaimStore.create(
            path: path, workflow: try WorkflowSource.named("standard"),
            editor: NewReviewer(handle: Self.editors[0], displayName: "Sara Haddad", role: .editor),
            deskName: "Archive", clock: clock.now, signer: signer)
        for editor in Self.editors.dropFirst() {
            try await store.team.addReviewer(NewReviewer(handle: editor, role: .editor), by: Self.editors[0])
        }
        let reviewers = Self.reviewerHandles(options.reviewers)
        for handle in reviewers {
            try await store.team.addReviewer(NewReviewer(handle: handle), by: Self.editors[0])
        }
        var report = Report()
        try await importArticles(into: store, &report, progress: progress)
        let started = ContinuousClock.now
        report.workflowCommands = try await review(store, claims: report.claims, reviewers: reviewers, progress: progress)
        report.workflowSeconds = (ContinuousClock.now - started).seconds
        for (state, count) in try await store.publishing.stats().byState { report.states[state] = count }
        report.events = try await store.audit.auditHead().seq
        report.peakMiB = peakResidentMiB()
        return report
    }

    // MARK: - Import

    private mutating func importArticles(into store: ClaimStore, _ report: inout Report,
                                         progress: (String) -> Void) async throws {
        // While one batch is written, the next is extracted on the other cores; only the
        // composing of articles (the generator's own work) is left out of the time.
        var elapsed = Duration.zero
        var index = 0
        var prepared = 0
        var previous: PreparedBatch?
        while prepared < options.claims || previous != nil {
            var pending: Task<PreparedBatch, any Error>?
            if prepared < options.claims {
                // An article holds about 15 claims; compose no more than the target needs.
                let wanted = max(1, min(options.articlesPerBatch, (options.claims - prepared) / 12 + 1))
                let batch = (0..<wanted).map { _ in
                    defer { index += 1 }
                    return composer.article(index, &rng)
                }
                pending = Task { try await Imports.prepare(batch) }
            }
            let started = ContinuousClock.now
            if let previous {
                for case .added(_, let claims) in try await store.imports.store(previous, by: Self.editors[0]) {
                    report.sources += 1
                    report.claims += claims
                }
                progress("imported \(report.sources) articles, \(report.claims) claims")
            }
            previous = try await pending?.value
            elapsed += ContinuousClock.now - started
            prepared += previous?.claims ?? 0
        }
        report.importSeconds = elapsed.seconds
        report.importClaimsPerSecond = Double(report.claims) / max(report.importSeconds, 1e-9)
        report.importPeakMiB = peakResidentMiB()
    }

    // MARK: - Review

    static let notes = [
        "راجعنا البيان الرسمي للوزارة ولم نجد ما يخالفه", "الرقم يطابق ما نشرته الوكالة الرسمية",
        "تواصلنا مع المتحدث باسم الوزارة دون رد حتى الآن", "التصريح منقول عن مصدر لم يُسمّ",
        "مصدران مستقلان أكدا الرواية", "التسجيل المصور يناقض هذا الرقم", "لا توجد وثيقة منشورة يمكن الرجوع إليها",
        "خارج نطاق التحقق: رأي وليس واقعة",
    ]

    /// Moves runs of claims through the workflow as a desk's staff would; returns how
    /// many commands it ran.
    private mutating func review(_ store: ClaimStore, claims: Int, reviewers: [String],
                                 progress: (String) -> Void) async throws -> Int {
        var commands = 0
        var first: Int64 = 1
        let editor = Self.editors[0]
        while first <= Int64(claims) {
            let last = min(Int64(claims), first + Int64(options.claimsPerCommand) - 1)
            let ids = Array(first...last)
            first = last + 1
            let roll = Double.random(in: 0..<1, using: &rng)
            if roll < 0.5 { continue }
            func run(_ transition: String, by actor: String, _ ids: [Int64], note: Bool = false, evidence: Bool = false,
                     to assignee: String? = nil, generator rng: inout SplitMix64) async throws {
                try await store.review.apply(TransitionCommand(
                    transition: transition, claimIDs: ids, actor: actor,
                    note: note ? rng.pick(Self.notes) : nil,
                    evidence: evidence ? [NewEvidence(url: "https://evidence.example/\(ids[0])", stance: .supports)] : [],
                    assignee: assignee))
                commands += 1
            }
            if roll < 0.56 {
                try await run("skip", by: editor, ids, note: true, generator: &rng)
                continue
            }
            let reviewer = rng.pick(reviewers)
            try await run("assign", by: rng.pick(Self.editors), ids, to: reviewer, generator: &rng)
            if rng.chance(0.3) { continue }
            try await run("start", by: reviewer, ids, generator: &rng)
            if rng.chance(0.1), let id = ids.first {
                try await store.review.addNote(to: id, body: rng.pick(Self.notes), by: reviewer)
                try await store.review.addEvidence(to: id, NewEvidence(url: "https://evidence.example/context/\(id)", stance: .context),
                                            by: reviewer)
                commands += 2
            }
            if rng.chance(0.35) { continue }
            let verdict = Double.random(in: 0..<1, using: &rng)
            let transition = verdict < 0.55 ? "verify" : verdict < 0.8 ? "dispute" : "unverifiable"
            try await run(transition, by: reviewer, ids, note: true, evidence: transition != "unverifiable", generator: &rng)
            if rng.chance(0.03) {
                try await run("reopen", by: editor, ids, note: true, generator: &rng)
            }
            if commands % 2_000 == 0 { progress("ran \(commands) workflow commands, up to claim \(last)") }
        }
        return commands
    }
}

/// A clock that starts on 2025-01-01 and moves 250 ms at every reading, so that a
/// generated desk's times (and so its hashes) are the same on every run.
final class SyntheticClock: @unchecked Sendable {
    private let lock = NSLock()
    private var ticks: Int64 = 0

    @Sendable func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        ticks += 1
        return Date(timeIntervalSince1970: 1_735_718_400 + Double(ticks) * 0.25)
    }
}

extension Duration {
    /// The duration in seconds, as a fraction.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

/// The process's peak resident memory so far, in MiB.
public func peakResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
