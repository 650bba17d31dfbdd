import Foundation

/// A page of claims as a person asks for it: words to search for, filters, an order and a page.
///
/// `factdesk claim search`, the web desk's claim list and `GET /api/claims` all ask through
/// this one type, so that a filter means the same wherever it is typed.
public struct ClaimQuery: Sendable, Equatable {
    /// Words to search for; nil lists claims in ``order`` instead.
    public var text: String?
    /// Only claims in one of these states; empty for any.
    public var states: [String]
    /// Only claims assigned to this reviewer.
    public var assignee: String?
    /// Only claims from this source.
    public var sourceID: Int64?
    /// The order of a listing; a search is ordered best match first.
    public var order: ClaimFilter.Order
    public var pageSize: Int
    /// The page, from 1.
    public var page: Int

    /// The last page a query may ask for.
    public static let lastPage = 100_000
    /// The most claims one page holds.
    public static let largestPage = 1_000
    /// The longest search, in characters.
    public static let longestText = 500
    /// How far a listing counts its claims; past it the count says "at least".
    public static let countCap = 10_000

    public init(text: String? = nil, states: [String] = [], assignee: String? = nil, sourceID: Int64? = nil,
                order: ClaimFilter.Order = .oldest, pageSize: Int = 50, page: Int = 1) {
        self.text = text
        self.states = states
        self.assignee = assignee
        self.sourceID = sourceID
        self.order = order
        self.pageSize = pageSize
        self.page = page
    }

    /// Refuses a query the workflow or the limits do not allow, in one sentence.
    public func check(in workflow: Workflow) throws(DeskError) {
        try workflow.requireStates(states)
        guard (1...Self.lastPage).contains(page) else {
            throw .invalidValue("page \(page) is not a page number; give 1 to \(Self.lastPage)")
        }
        guard (1...Self.largestPage).contains(pageSize) else {
            throw .invalidValue("a page of \(pageSize) claims is not possible; give 1 to \(Self.largestPage)")
        }
        if let text, text.count > Self.longestText {
            throw .invalidValue("the search is over \(Self.longestText) characters; search for fewer words")
        }
        if let sourceID, sourceID < 1 {
            throw .invalidValue("source \(sourceID) is not a source id; give a number such as 3")
        }
    }
}

/// One page of the claims a ``ClaimQuery`` selects, and how many there are in all.
public struct ClaimResults: Sendable {
    public var claims: [Claim]
    /// How many claims match: exactly, or at least this many when ``totalIsCapped``.
    public var total: Int
    /// Whether ``total`` stopped counting: a search ranks only its ``Review/searchWindow``
    /// newest matches, and a listing counts up to ``ClaimQuery/countCap``.
    public var totalIsCapped: Bool
    /// Whether a later page holds more claims.
    public var hasMore: Bool
    /// The workflow the states were checked against, for showing them.
    public var workflow: Workflow
}

extension Review {
    /// One page of the claims a query selects, checked against the desk's workflow.
    ///
    /// A search ranks its window of matches (``search(_:states:limit:)``) in the states asked
    /// for; the assignee and the source then narrow what it found. A listing is filtered and
    /// paged by the database.
    public func claims(_ query: ClaimQuery) async throws -> ClaimResults {
        let workflow = try await team.workflow()
        try query.check(in: workflow)
        let skipped = (query.page - 1) * query.pageSize
        guard let text = query.text else {
            var filter = ClaimFilter(states: query.states, sourceID: query.sourceID, limit: query.pageSize + 1,
                                     order: query.order)
            filter.offset = skipped
            if let assignee = query.assignee { filter.assignment = .assignedTo(assignee) }
            let claims = try await self.claims(filter)
            let total = try await storage.reading { try await $0.countClaims(filter, cap: ClaimQuery.countCap) }
            return ClaimResults(claims: Array(claims.prefix(query.pageSize)), total: total,
                                totalIsCapped: total >= ClaimQuery.countCap, hasMore: claims.count > query.pageSize,
                                workflow: workflow)
        }
        let narrowed = query.assignee != nil || query.sourceID != nil
        let wanted = skipped + query.pageSize + 1
        let ranked = try await search(text, states: query.states, limit: narrowed ? max(Self.searchWindow, wanted) : wanted)
        let matching = ranked.filter { claim in
            (query.assignee.map { claim.assignee == $0 } ?? true) && (query.sourceID.map { claim.sourceID == $0 } ?? true)
        }
        let page = matching.dropFirst(skipped)
        // Unnarrowed, the page need not read the whole window: the index counts the matches.
        let total = narrowed ? matching.count : try await countMatches(text, states: query.states, cap: Self.searchWindow)
        return ClaimResults(claims: Array(page.prefix(query.pageSize)), total: total,
                            totalIsCapped: (narrowed ? ranked.count : total) >= Self.searchWindow,
                            hasMore: page.count > query.pageSize,
                            workflow: workflow)
    }
}
