/// The kind of a failure, which decides the exit code a command ends with.
///
/// Every error that FactDeskKit throws conforms to ``FactDeskError``, so the command
/// line can map any failure to a distinct, documented exit status without knowing
/// which layer raised it.
public enum FailureKind: String, Sendable, CaseIterable {
    /// The command was called with words it does not accept.
    case usage
    /// A claim, source, reviewer or file that the command names does not exist.
    case notFound
    /// The workflow does not allow this transition from the claim's current state.
    case transitionNotAllowed
    /// The acting reviewer may not do this (role, assignment, inactive account).
    case permissionDenied
    /// The input is malformed: a bad file, a bad value, a broken workflow.
    case invalidInput
    /// The claim changed between the moment it was read and the moment it was written.
    case conflict
    /// Another process held the desk's write lock past the busy timeout.
    case storeBusy
    /// The desk file cannot be used: not a desk, written by a newer FactDesk, unreadable.
    case storeUnusable
    /// The history was rewritten: `audit verify` found a break.
    case tampered
    /// A page or feed on the web could not be fetched: an error status, a timeout, a
    /// redirect loop, no connection.
    case unavailable
}

/// An error that knows what kind of failure it is and explains itself in one sentence.
public protocol FactDeskError: Error, CustomStringConvertible {
    /// What kind of failure this is.
    var kind: FailureKind { get }
}
