/// The one canonical encoding of an event, which the store hashes when it writes an event
/// and `audit verify` hashes again when it checks one.
///
/// The bytes are: the previous hash, a line break, and a JSON array of the event's fields
/// in a fixed order (seq, at, actor, claim, source, action, from, to, details), each a
/// JSON string, numbers as their decimal digits, absent ones `null`. It works on borrowed
/// bytes so that the verifier can feed it the stored columns without copying them.
enum EventEncoding {
    static func hashInput(prev: UnsafeRawBufferPointer, seq: Int64, at: UnsafeRawBufferPointer?,
                          actor: UnsafeRawBufferPointer?, claimID: Int64?, sourceID: Int64?,
                          action: UnsafeRawBufferPointer?, from: UnsafeRawBufferPointer?,
                          to: UnsafeRawBufferPointer?, details: UnsafeRawBufferPointer?, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: prev)
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(UInt8(ascii: "["))
        number(seq, to: &buffer)
        field(at, to: &buffer)
        field(actor, to: &buffer)
        number(claimID, to: &buffer)
        number(sourceID, to: &buffer)
        field(action, to: &buffer)
        field(from, to: &buffer)
        field(to, to: &buffer)
        if let details { CanonicalJSON.appendString(details, to: &buffer) } else { appendNull(to: &buffer) }
        buffer.append(UInt8(ascii: "]"))
    }

    /// A text field as a JSON string (or null), then a comma.
    private static func field(_ text: UnsafeRawBufferPointer?, to buffer: inout [UInt8]) {
        if let text { CanonicalJSON.appendString(text, to: &buffer) } else { appendNull(to: &buffer) }
        buffer.append(UInt8(ascii: ","))
    }

    /// A number as its decimal digits, quoted (or null), then a comma.
    private static func number(_ value: Int64?, to buffer: inout [UInt8]) {
        guard let value else {
            appendNull(to: &buffer)
            buffer.append(UInt8(ascii: ","))
            return
        }
        buffer.append(UInt8(ascii: "\""))
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { slots in
            repeat {
                slots[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(slots[index]) }
        }
        buffer.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ",")])
    }

    private static func appendNull(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }
}
