import Foundation

/// Every key an event's details may hold in the stored JSON, with the name a person knows it by.
///
/// The one list of the details' keys: each payload's field table (``EventBody/fields``) binds
/// some of them to its properties, and the canonical writer, the byte reader, `Codable` and the
/// stored-text check all read those tables. A key is spelled once, here.
public enum DetailKey: String, CodingKey, CaseIterable, Sendable {
    case assignee, due, entity, evidence
    case evidenceNotes = "evidence_notes"
    case events, every, feed, format, handle, into, key, language, mode, name, network, note, notes
    case otherClaim = "other_claim"
    case previousSha256 = "previous_sha256"
    case pageSha256 = "page_sha256"
    case previousAssignee = "previous_assignee"
    case reasons
    case reference = "ref"
    case relation, role, sender, sha256
    case spanEnd = "span_end"
    case spanStart = "span_start"
    case speaker, stances, text, tip, title, url, variants, webhook, workflow, worthiness

    /// The field's name in a message about the text it holds.
    var label: String {
        switch self {
        case .previousAssignee: "previous assignee"
        case .sha256: "SHA-256"
        case .pageSha256: "page's SHA-256"
        case .previousSha256: "previous SHA-256"
        case .due: "deadline"
        case .reference: "reference"
        case .variants: "spelling"
        case .stances: "stance"
        case .evidenceNotes: "evidence note"
        case .reasons: "reason"
        case .otherClaim: "other claim"
        case .spanStart: "span start"
        case .spanEnd: "span end"
        default: rawValue
        }
    }
}

/// A value the details hold: a string, an integer or a list of strings, each as the stored JSON
/// writes it (``CanonicalJSON``) and the reader reads it (``DetailsReader``).
protocol DetailValue: Sendable, Equatable, Codable {
    /// The value as the reader found it, when it is of this kind.
    init?(_ read: DetailsValue)
    func write(_ key: DetailKey, to object: inout CanonicalJSON.Object)
    /// The texts it holds, for the check of stored text.
    var texts: [String] { get }
    /// The value as one of the kinds details hold.
    var detailsValue: DetailsValue { get }
}

extension String: DetailValue {
    init?(_ read: DetailsValue) {
        guard case .text(let text) = read else { return nil }
        self = text
    }
    func write(_ key: DetailKey, to object: inout CanonicalJSON.Object) { object.add(key.rawValue, self) }
    var texts: [String] { [self] }
    var detailsValue: DetailsValue { .text(self) }
}

extension Int64: DetailValue {
    init?(_ read: DetailsValue) {
        guard case .number(let number) = read else { return nil }
        self = number
    }
    func write(_ key: DetailKey, to object: inout CanonicalJSON.Object) { object.add(key.rawValue, self) }
    var texts: [String] { [] }
    var detailsValue: DetailsValue { .number(self) }
}

extension [String]: DetailValue {
    init?(_ read: DetailsValue) {
        guard case .texts(let items) = read else { return nil }
        self = items
    }
    func write(_ key: DetailKey, to object: inout CanonicalJSON.Object) { object.add(key.rawValue, self) }
    var texts: [String] { self }
    var detailsValue: DetailsValue { .texts(self) }
}

/// One row of a payload's field table: the key, whether every such event holds it, and the
/// property that keeps it. Built from a key path, so a field of the wrong type does not compile.
struct DetailField<Body>: Sendable {
    let key: DetailKey
    /// Whether an event lacking it is malformed: what the desk's rules need to replay the event.
    let required: Bool
    let write: @Sendable (Body, inout CanonicalJSON.Object) -> Void
    /// Sets the property from what the reader found; false when the value is of another kind.
    let read: @Sendable (inout Body, DetailsValue) -> Bool
    let encode: @Sendable (Body, inout KeyedEncodingContainer<DetailKey>) throws -> Void
    /// Sets the property from a decoder; false when the key is absent.
    let decode: @Sendable (inout Body, KeyedDecodingContainer<DetailKey>) throws -> Bool
    let texts: @Sendable (Body) -> [String]
    let value: @Sendable (Body) -> DetailsValue?

    /// A field every event of its kind holds.
    static func required<Value: DetailValue>(_ key: DetailKey, _ path: any WritableKeyPath<Body, Value> & Sendable) -> Self {
        Self(key: key, required: true,
             write: { body, object in body[keyPath: path].write(key, to: &object) },
             read: { body, value in
                 guard let value = Value(value) else { return false }
                 body[keyPath: path] = value
                 return true
             },
             encode: { body, container in try container.encode(body[keyPath: path], forKey: key) },
             decode: { body, container in
                 guard let value = try container.decodeIfPresent(Value.self, forKey: key) else { return false }
                 body[keyPath: path] = value
                 return true
             },
             texts: { body in body[keyPath: path].texts },
             value: { body in body[keyPath: path].detailsValue })
    }

    /// A field some events of its kind hold (those written before it existed, or when it applies); absent, it is left out.
    static func optional<Value: DetailValue>(_ key: DetailKey, _ path: any WritableKeyPath<Body, Value?> & Sendable) -> Self {
        Self(key: key, required: false,
             write: { body, object in body[keyPath: path]?.write(key, to: &object) },
             read: { body, value in
                 if case .null = value { return true }
                 guard let value = Value(value) else { return false }
                 body[keyPath: path] = value
                 return true
             },
             encode: { body, container in try container.encodeIfPresent(body[keyPath: path], forKey: key) },
             decode: { body, container in
                 body[keyPath: path] = try container.decodeIfPresent(Value.self, forKey: key)
                 return true
             },
             texts: { body in body[keyPath: path]?.texts ?? [] },
             value: { body in body[keyPath: path]?.detailsValue })
    }
}

/// What one kind of event records beyond who, when and which states: a struct whose field
/// table is all the writer, the reader and `Codable` know of it.
protocol EventBody: Sendable, Equatable {
    /// The fields, in the order of their keys (the canonical JSON's order): ``table(_:)`` sorts them.
    static var fields: [DetailField<Self>] { get }
    /// The body with every field empty, which the reader and the decoder fill in.
    init()
}

extension EventBody {
    /// The keys the body holds, in the canonical order.
    static var keys: [DetailKey] { fields.map(\.key) }

    /// A field table in the canonical order, each key once.
    static func table(_ fields: [DetailField<Self>]) -> [DetailField<Self>] {
        let sorted = fields.sorted { $0.key.rawValue < $1.key.rawValue }
        precondition(Set(sorted.map(\.key)).count == sorted.count, "a field table names a key twice")
        return sorted
    }

    /// The details as the history stores them: canonical JSON, keys sorted, absent fields left out.
    var canonicalJSON: String {
        var object = CanonicalJSON.Object()
        for field in Self.fields { field.write(self, &object) }
        return object.text
    }

    /// Every text the body holds, by the name a person knows its field by.
    var texts: [(field: String, text: String?)] {
        Self.fields.flatMap { field in field.texts(self).map { (field.key.label, $0) } }
    }

    /// The value of a field the body holds, or nil.
    func value(_ key: DetailKey) -> DetailsValue? {
        Self.fields.first { $0.key == key }.flatMap { $0.value(self) }
    }

    /// Sets the field a key of the stored JSON names (keys the body does not hold are
    /// ignored); gives the field's place in the table when it is a required one, set.
    mutating func set(_ key: String, _ value: DetailsValue) -> Int? {
        for (index, field) in Self.fields.enumerated() where field.key.rawValue == key {
            return field.read(&self, value) && field.required ? index : nil
        }
        return nil
    }

    /// The places in the table of the required fields, as a mask of bits.
    static var requiredMask: UInt64 {
        fields.enumerated().reduce(0) { $0 | ($1.element.required ? 1 << UInt64($1.offset) : 0) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DetailKey.self)
        for field in Self.fields { try field.encode(self, &container) }
    }

    init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: DetailKey.self)
        for field in Self.fields where try !field.decode(&self, container) && field.required {
            throw DecodingError.keyNotFound(field.key, .init(codingPath: decoder.codingPath,
                                                             debugDescription: "the event's details lack \(field.key.rawValue)"))
        }
    }
}
