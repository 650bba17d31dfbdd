import Foundation

/// A check-worthy statement from a source, and where it stands in the review workflow.
///
/// `spanStart` and `spanEnd` locate the claim in its source's text as offsets in
/// Unicode scalars (code points), so `body[start..<end]` is the claim's text; both are
/// nil for a paraphrase that does not appear word for word.
public struct Claim: Codable, Sendable, Equatable {
    public var id: Int64?
    public var sourceID: Int64
    public var spanStart: Int?
    public var spanEnd: Int?
    public var text: String
    public var speaker: String?
    public var state: String
    public var assignee: String?
    /// Grows by one with every change to the claim, its notes or its evidence.
    public var version: Int64
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    /// How check-worthy the claim is; see ``Worthiness``.
    public var worthiness: Int = 0
    /// Why it scored so: "number: 4", "attribution: عراقجي", ...
    public var reasons: [String] = []
    /// When the claim's review is due, set by a transition that assigns it (`assign --due`).
    public var dueAt: Date?

    enum CodingKeys: String, CodingKey {
        case id
        case sourceID = "source_id"
        case spanStart = "span_start"
        case spanEnd = "span_end"
        case text, speaker, state, assignee, version
        case createdBy = "created_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case worthiness, reasons
        case dueAt = "due_at"
    }
}

/// Which claims a listing shows.
public struct ClaimFilter: Sendable, Equatable {
    public enum Assignment: Sendable, Equatable {
        case any
        case assignedTo(String)
        case unassigned
    }

    public var states: [String] = []
    public var assignment: Assignment = .any
    public var sourceID: Int64?
    public var limit: Int?
    /// How many claims of the listing to pass over first, for paging.
    public var offset: Int = 0
    public var order: Order = .oldest
    /// Only claims past their deadline and not yet decided, as of this moment.
    public var overdueAt: Date?
    /// The workflow's final states, which are never overdue.
    public var finalStates: [String] = []
    /// Only claims with these ids, when given.
    public var ids: Set<Int64>?
    /// Only claims whose sentence is no longer in the newest version of their web source:
    /// the outlet changed or removed it after the claim was taken (``Imports/refresh(_:fetcher:by:)``).
    public var revised = false

    /// The order of a listing.
    public enum Order: String, Sendable, CaseIterable {
        /// Oldest first, by id.
        case oldest = "id"
        /// Most check-worthy first, then oldest.
        case worthiness
        /// Soonest deadline first; claims without one last.
        case due
    }

    public init(states: [String] = [], assignment: Assignment = .any, sourceID: Int64? = nil, limit: Int? = nil,
                order: Order = .oldest, overdueAt: Date? = nil, finalStates: [String] = []) {
        self.states = states
        self.assignment = assignment
        self.sourceID = sourceID
        self.limit = limit
        self.order = order
        self.overdueAt = overdueAt
        self.finalStates = finalStates
    }
}
