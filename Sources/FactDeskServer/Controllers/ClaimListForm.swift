import FactDeskKit
import Foundation

/// The filters of `/claims` and `GET /api/claims` as a query string gives them, read into
/// the library's ``ClaimQuery``: those of `claim list` and `claim search`.
struct ClaimListForm: Sendable {
    var query: ClaimQuery
    static let pageSize = 50

    init(_ form: FormData) throws {
        query = ClaimQuery(text: form["q"], states: form["status"].map { [$0] } ?? [], assignee: form["assignee"],
                           pageSize: Self.pageSize)
        if let text = form["source"] {
            guard let id = Int64(text), id > 0 else { throw DeskError.invalidValue("source '\(text)' is not a source id; give a number such as 3") }
            query.sourceID = id
        }
        if let text = form["sort"] {
            guard let order = ClaimFilter.Order(rawValue: text) else {
                throw DeskError.invalidValue("sort '\(text)' is not an order; use one of: "
                    + ClaimFilter.Order.allCases.map(\.rawValue).joined(separator: ", "))
            }
            query.order = order
        }
        if let text = form["page"] {
            guard let number = Int(text), number > 0 else {
                throw DeskError.invalidValue("page '\(text)' is not a page number; give 1 or more")
            }
            query.page = number
        }
    }

    var status: String? { query.states.first }

    /// The query string of another page of the same listing.
    func link(page: Int) -> String {
        var items: [(String, String)] = []
        if let status { items.append(("status", status)) }
        if let assignee = query.assignee { items.append(("assignee", assignee)) }
        if let source = query.sourceID { items.append(("source", String(source))) }
        if let q = query.text { items.append(("q", q)) }
        if query.order != .oldest { items.append(("sort", query.order.rawValue)) }
        items.append(("page", String(page)))
        return "/claims?" + items.map { "\($0.0)=\(Self.escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
