/// An optional that a `--json` view writes as `null` when absent.
///
/// A synthesized `Encodable` leaves an absent optional's key out; the views keep every key,
/// so that their shape does not change with the content. Wrapping the property is the one
/// way they say so: `@Nullable var assignee: String?`.
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}
