import Foundation
import Testing
@testable import FactDeskKit

/// Claims as a spreadsheet: what a spreadsheet would run is written as text, and comes back as it was.
@Suite struct ClaimCSVTests {
    @Test(arguments: ["=HYPERLINK(\"https://evil.example\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'quoted", "''", "plain", ""])
    func aCellIsNeutralisedAndRestoredExactly(cell: String) {
        let written = ClaimCSV.neutralised(cell)
        if let first = cell.unicodeScalars.first, "=+-@\t\r'".unicodeScalars.contains(first) {
            #expect(written == "'" + cell)
        } else {
            #expect(written == cell)
        }
        #expect(ClaimCSV.restored(written) == cell)
    }

    @Test func anExportedFileReadsBackWithItsCellsAsTheyWere() throws {
        var claim = Claim(sourceID: 1, text: "=1+1", speaker: "-x", state: "new", version: 1, createdBy: "sara",
                          createdAt: Date(), updatedAt: Date())
        claim.id = 7
        claim.assignee = "@layla"
        let data = try ClaimCSV.write([claim])
        #expect(String(decoding: data, as: UTF8.self).contains("7,1,new,'@layla,,'-x,"))
        #expect(try ClaimCSV.read(data) == [ClaimCSV.Row(line: 2, id: 7, assignee: "@layla", due: "")])
    }

    @Test func aRowBeginsOnTheLineAfterTheLineBreaksOfTheCellsBeforeIt() throws {
        let text = "id,assignee,text\n1,layla,\"a\nb\r\nc\rd\"\n2,omar,x\n"
        #expect(try ClaimCSV.read(Data(text.utf8)).map(\.line) == [2, 6])
    }
}
