import Foundation

/// What every use case of a desk works with, and nothing more: the storage its rows live
/// in, the clock that dates its changes and the signer that signs its events.
///
/// ``ClaimStore`` makes one when a desk is opened and hands it to each area of the desk's
/// work; none of them knows which backend holds the rows.
struct DeskContext: Sendable {
    let storage: any DeskStorage
    /// How long a writer waits for another, for messages that say so.
    let busyTimeout: Double
    let clock: @Sendable () -> Date
    let signer: EventSigner
    /// Signatures of password and token events found good, kept while the desk is open.
    let verifiedSignatures: VerifiedSignatures
}

/// One area of the desk's work over a ``DeskContext``. Each reads and writes only through
/// the context's storage, one transaction per call, and reaches another area through it.
protocol DeskUseCase: Sendable {
    var context: DeskContext { get }
}

extension DeskUseCase {
    var storage: any DeskStorage { context.storage }
    var busyTimeout: Double { context.busyTimeout }
    var clock: @Sendable () -> Date { context.clock }
    var signer: EventSigner { context.signer }
    var verifiedSignatures: VerifiedSignatures { context.verifiedSignatures }
    /// The desk as messages name it: its path, or its URL without the password.
    var path: String { context.storage.name }

    var review: Review { Review(context: context) }
    var team: Team { Team(context: context) }
    var logins: Logins { Logins(context: context) }
    var imports: Imports { Imports(context: context) }
    var corroboration: Corroboration { Corroboration(context: context) }
    var audit: Audit { Audit(context: context) }
    var publishing: Publishing { Publishing(context: context) }
    var notifications: Notifications { Notifications(context: context) }
    var interface: InterfacePreferences { InterfacePreferences(context: context) }

    /// Runs one write transaction of the desk's rules: refused, before anything is written,
    /// while the workflow the desk holds is not the one its signed history installed
    /// (``WorkflowSeal``). Every write of claims, sources, the team, links, aliases and known
    /// checks goes through here; logins, passwords, tokens and second factors (``Logins``) do not.
    func writing<T>(_ body: (any StorageWriter) async throws -> T) async throws -> T {
        try await storage.writing { tx in
            try await WorkflowSeal.check(tx)
            return try await body(tx)
        }
    }
}

/// Claims under review: listing and searching them, their pages, and the transitions, notes
/// and evidence that move them to a verdict (`Desk/Transitions.swift`, checked by
/// ``TransitionGuard``).
public struct Review: DeskUseCase {
    let context: DeskContext
}

/// The people of the desk and its set-up: reviewers, roles, keys, services and the
/// workflow, each change allowed or refused by ``ChangePolicy``.
public struct Team: DeskUseCase {
    let context: DeskContext
}

/// Logins to the web desk: passwords, sessions, API tokens and second factors.
public struct Logins: DeskUseCase {
    let context: DeskContext
}

/// What comes in: articles and the claims extracted from them, and assignment plans.
public struct Imports: DeskUseCase {
    let context: DeskContext
}

/// What other sources and other fact-checkers say about a claim: related claims, clusters,
/// links, aliases, speakers and known checks. The rankings themselves are pure types
/// (``RelatedMatcher``, ``ClusterBuilder``, ``AliasSuggester``) fed by what this reads.
public struct Corroboration: DeskUseCase {
    let context: DeskContext
}

/// The signed history: reading it, and checking it end to end.
public struct Audit: DeskUseCase {
    let context: DeskContext
}

/// What the desk gives out: reviewed claims for publishing and the desk's figures.
public struct Publishing: DeskUseCase {
    let context: DeskContext
}

/// Who is told what, and how: reviewers' settings, follows, the inbox, the desk's mail
/// transport and webhooks (`Notify/`); the deriving and sending is ``Notifier``'s.
public struct Notifications: DeskUseCase {
    let context: DeskContext
}
