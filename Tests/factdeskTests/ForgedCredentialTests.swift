import Foundation
import GRDB
import Testing

/// A known password's bcrypt hash copied into another reviewer's credential row, with the
/// sqlite3 library on a desk file or psql as the desk's owner on PostgreSQL: `audit verify`
/// reports the row, exit 70.
@Suite struct ForgedCredentialTests {
    private func stdin(_ text: String) -> Data { Data((text + "\n").utf8) }

    @Test(arguments: Backend.tested)
    func aCopiedPasswordHashIsReportedByAuditVerify(backend: Backend) throws {
        let desk = try Binary.seededDesk(on: backend)
        for (handle, password) in [("layla", "correct horse battery"), ("omar", "second pair of eyes")] {
            let set = try desk.run(["reviewer", "password", "--password-stdin"], as: handle, stdin: stdin(password))
            #expect(set.status == 0, "\(set.stderr)")
        }
        let intact = try desk.run(["audit", "verify"])
        #expect(intact.status == 0, "\(intact.stdout)\(intact.stderr)")
        let copy = "UPDATE credential SET password_hash = (SELECT password_hash FROM credential WHERE handle = 'layla') WHERE handle = 'omar'"
        switch backend {
        case .file:
            let queue = try DatabaseQueue(path: desk.deskPath)
            try queue.write { try $0.execute(sql: copy) }
            try queue.close()
        case .postgres:
            let database = try #require(URLComponents(string: desk.desk(for: "sara"))?.path.dropFirst().description)
            let (status, output) = try TestCluster.psql(copy, database: database)
            #expect(status == 0, "\(output)")
        }
        let verify = try desk.run(["audit", "verify"])
        #expect(verify.status == 70)
        #expect((verify.stdout + verify.stderr).contains("credential omar"), "\(verify.stdout)\(verify.stderr)")
        #expect(!(verify.stdout + verify.stderr).contains("credential layla"))
    }
}
