import FactDeskKit
import Foundation

/// The filters of `/claims` and `GET /api/claims`: those of `claim list` and `claim search`.
struct ClaimQuery: Sendable {
    var status: String?
    var assignee: String?
    var source: Int64?
    var q: String?
    var sort: ClaimFilter.Order = .oldest
    var page = 1
    static let pageSize = 50

    init(_ form: FormData) throws {
        status = form["status"]
        assignee = form["assignee"]
        q = form["q"]
        if let text = form["source"] {
            guard let id = Int64(text), id > 0 else { throw DeskError.invalidValue("source '\(text)' is not a source id; give a number such as 3") }
            source = id
        }
        if let text = form["sort"] {
            guard let order = ClaimFilter.Order(rawValue: text) else {
                throw DeskError.invalidValue("sort '\(text)' is not an order; use one of: "
                    + ClaimFilter.Order.allCases.map(\.rawValue).joined(separator: ", "))
            }
            sort = order
        }
        if let text = form["page"] {
            guard let number = Int(text), (1...100_000).contains(number) else {
                throw DeskError.invalidValue("page '\(text)' is not a page number; give 1 or more")
            }
            page = number
        }
        if let q, q.count > 500 { throw DeskError.invalidValue("the search is over 500 characters; search for fewer words") }
    }

    /// One page of matching claims, and whether another page follows.
    func run(on store: ClaimStore) async throws -> (claims: [Claim], more: Bool, workflow: Workflow) {
        let workflow = try await store.workflow()
        let states = status.map { [$0] } ?? []
        try workflow.requireStates(states)
        let wanted = page * Self.pageSize + 1
        var claims: [Claim]
        if let q {
            // A search ranks its window of matches; the other filters narrow what it found.
            claims = try await store.search(q, states: states, limit: min(wanted * 4, ClaimStore.searchWindow))
                .filter { claim in
                    (assignee.map { claim.assignee == $0 } ?? true) && (source.map { claim.sourceID == $0 } ?? true)
                }
            claims = Array(claims.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize + 1))
        } else {
            var filter = ClaimFilter(states: states, sourceID: source, limit: Self.pageSize + 1, order: sort)
            filter.offset = (page - 1) * Self.pageSize
            if let assignee { filter.assignment = .assignedTo(assignee) }
            claims = try await store.claims(filter)
        }
        let more = claims.count > Self.pageSize
        return (Array(claims.prefix(Self.pageSize)), more, workflow)
    }

    /// The query string of another page of the same listing.
    func link(page: Int) -> String {
        var items: [(String, String)] = []
        if let status { items.append(("status", status)) }
        if let assignee { items.append(("assignee", assignee)) }
        if let source { items.append(("source", String(source))) }
        if let q { items.append(("q", q)) }
        if sort != .oldest { items.append(("sort", sort.rawValue)) }
        items.append(("page", String(page)))
        return "/claims?" + items.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
