import CSV
import Foundation

/// Claims as a spreadsheet: one row per claim, with the columns a desk plans its day in.
///
/// Export and import round-trip through `id`: a desk exports, edits `assignee` and `due_at`
/// in a spreadsheet, and imports the file back; the other columns are for reading.
public enum ClaimCSV {
    public static let columns = ["id", "source_id", "status", "assignee", "due_at", "speaker", "worthiness", "text"]

    /// The UTF-8 byte order mark some spreadsheets need to read Arabic.
    static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    /// The claims as CSV, optionally with a byte order mark.
    public static func write(_ claims: [Claim], byteOrderMark bom: Bool = false) throws -> Data {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: columns)
        for claim in claims {
            try writer.write(row: [
                String(claim.id ?? 0), String(claim.sourceID), claim.state, claim.assignee ?? "",
                claim.dueAt.map(ISO8601.string) ?? "", claim.speaker ?? "", String(claim.worthiness), claim.text,
            ].map(neutralised))
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return bom ? byteOrderMark + data : data
    }

    /// The largest CSV file `import csv` reads unless told otherwise.
    public static let defaultMaximumSize = 64 * 1024 * 1024

    /// What a spreadsheet would run as a formula (a cell that begins with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return) is written after an apostrophe, which spreadsheets show as
    /// text; so is a cell that begins with an apostrophe, so that ``restored(_:)`` undoes
    /// exactly what this did.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r'".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// A cell as it was before ``neutralised(_:)``.
    static func restored(_ cell: String) -> String {
        cell.hasPrefix("'") ? String(cell.dropFirst()) : cell
    }

    /// A row of an imported file: the claim it names and the planning columns.
    public struct Row: Sendable, Equatable {
        /// The row's line in the file, counting the header as line 1.
        public var line: Int
        public var id: Int64?
        public var assignee: String?
        public var due: String?
    }

    /// The rows of a CSV file, which must be UTF-8 (a byte order mark is allowed) and have an `id` column.
    public static func read(_ data: Data) throws(DeskError) -> [Row] {
        var body = data
        if body.starts(with: byteOrderMark) { body = body.dropFirst(3) }
        let text: String
        switch UTF8Text.decode(Data(body)) {
        case .success(let decoded): text = decoded
        case .failure(let failure): throw .invalidValue("the CSV file is not UTF-8 text: \(failure)")
        }
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            guard let header = reader.headerRow, header.contains("id") else {
                throw DeskError.invalidValue("the CSV file has no `id` column; export one with `factdesk export csv` and edit that")
            }
            var rows: [Row] = []
            // Where the next row begins: a quoted cell may hold line breaks of its own.
            var line = 2 + breaks(in: header)
            while let cells = reader.next() {
                let value = { (column: String) -> String? in
                    header.contains(column) ? reader[column].map { restored($0.trimmingWhitespace()) } : nil
                }
                rows.append(Row(line: line, id: value("id").flatMap { Int64($0) }, assignee: value("assignee"), due: value("due_at")))
                line += 1 + breaks(in: cells)
            }
            return rows
        } catch let error as DeskError {
            throw error
        } catch {
            throw .invalidValue("the CSV file cannot be read: \(error)")
        }
    }

    /// The line breaks inside a row's cells: LF, CR, and CR LF as one.
    private static func breaks(in cells: [String]) -> Int {
        var count = 0
        for cell in cells {
            var previous: UInt8 = 0
            for byte in cell.utf8 {
                if byte == 13 || byte == 10 && previous != 13 { count += 1 }
                previous = byte
            }
        }
        return count
    }
}
