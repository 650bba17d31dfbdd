import Foundation

/// Standard input, read in pieces up to a limit, so that a stream larger than anything the
/// desk accepts is refused without holding it all in memory first.
public enum StandardInput {
    /// All of standard input, or nil as soon as it runs past `limit` bytes.
    public static func read(limit: Int) -> Data? {
        var data = Data()
        while true {
            let piece = FileHandle.standardInput.readData(ofLength: 65_536)
            if piece.isEmpty { return data }
            data.append(piece)
            if data.count > limit { return nil }
        }
    }
}
