import Foundation
import Testing
@testable import FactDeskKit

/// The throwaway PostgreSQL cluster `.ci/run` starts: its owner's URL in
/// `FACTDESK_TEST_POSTGRES`. The tests tagged `.postgres` run where it is given or where the
/// run requires them (`FACTDESK_TEST_REQUIRE=postgres`, as in `.ci/run`); required, they
/// fail without the cluster or with its server down.
enum TestPostgres {
    static let ownerURL = ProcessInfo.processInfo.environment["FACTDESK_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// The URL of a new, empty database, owned by the cluster's owner.
    static func freshDatabase() throws -> String {
        guard ownerURL != nil else {
            throw DeskError.invalidValue("FACTDESK_TEST_POSTGRES names no PostgreSQL server; run the tests with `bash .ci/run`, which starts one")
        }
        let name = "fd_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try psql("CREATE DATABASE \(name)")
        return url(database: name)
    }

    /// The folder of the cluster's socket, over which local roles log in without a password.
    static let socket = ProcessInfo.processInfo.environment["FACTDESK_TEST_POSTGRES_SOCKET"] ?? "/tmp"

    /// A URL that logs `user` in over the cluster's socket.
    static func socketURL(user: String, database: String) -> String {
        let port = ownerURL.flatMap { URLComponents(string: $0)?.port } ?? 5432
        return "postgres://\(user)@/\(database)?host=\(socket)&port=\(port)"
    }

    static func url(database: String) -> String {
        guard let owner = ownerURL, let slash = owner.lastIndex(of: "/") else { return "" }
        return String(owner[..<slash]) + "/" + database
    }

    /// Runs SQL with psql as the owner, on a database or the cluster's `postgres`.
    @discardableResult
    static func psql(_ sql: String, on url: String? = nil) throws -> String {
        let (status, output) = try psqlResult(sql, on: url ?? ownerURL ?? "")
        guard status == 0 else { throw DeskError.invalidValue("psql failed: \(output)") }
        return output
    }

    static func psqlResult(_ sql: String, on url: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

@Suite
struct PostgresStoreTests {
    static let owner = "factdesk_owner"

    /// The same work, at the same times, on a desk file and on a PostgreSQL desk.
    private func work(on store: ClaimStore, clock: TestClock) async throws {
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: Self.owner)
        clock.advance(1)
        for prefix in ["000", "001", "004"] {
            _ = try await store.imports.addSource(NewSource(body: try seedArticle(prefix)), extract: true, by: Self.owner)
            clock.advance(1)
        }
        let quantity = try #require(try await store.review.search("أربع ساعات", limit: 100).filter { $0.sourceID != 1 }.compactMap(\.id).min())
        _ = try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1, quantity], actor: Self.owner, assignee: "layla"))
        clock.advance(60)
        _ = try await store.review.apply(TransitionCommand(transition: "start", claimIDs: [1], actor: "layla"))
        _ = try await store.review.addNote(to: 1, body: "الوفدان أكدا مدة الجولة", by: "layla")
        _ = try await store.review.addEvidence(to: 1, NewEvidence(url: "https://example.org/irna", stance: .supports), by: "layla")
        clock.advance(60)
        _ = try await store.review.apply(TransitionCommand(transition: "verify", claimIDs: [1], actor: "layla", note: "confirmed"))
        try await store.corroboration.addAlias(entity: "عراقجي", variants: ["أراغتشي", "عراقتشي"], by: Self.owner)
        _ = try await store.corroboration.link(1, quantity, as: .same, by: Self.owner)
        // Readers' tips, through the web desk's service: received, merged, accepted, rejected, forgotten.
        let web = try await store.signingAsService("web", keys: .memory, by: Self.owner).store
        var tips: [Int64] = []
        for (text, address) in [("قيل إن الجولة استمرت ست ساعات", "203.0.113.1"), ("قيل إن الجولة استمرت ست ساعات", "203.0.113.2"),
                                ("ادعاء لا يستحق", "203.0.113.1")] {
            tips.append(try #require(try await web.tips.receive(Tips.Submission(text: text, url: nil, contact: "reader@example.org",
                                                                                 address: address)).id))
            clock.advance(1)
        }
        _ = try await web.tips.merge(tips[1], into: tips[0], by: Self.owner)
        _ = try await web.tips.accept(tips[0], text: nil, fetcher: PageFetcher(timeout: 1), by: Self.owner)
        _ = try await web.tips.reject(tips[2], note: "خارج اختصاصنا", by: Self.owner)
        try await web.tips.forget(tips[1], by: Self.owner)
        #expect(try await web.tips.list().map(\.count) == [1, 2])
        #expect(try await web.tips.show(tips[1], by: Self.owner).contact == nil)
        #expect(try await web.tips.show(tips[2], by: Self.owner).contact == "reader@example.org")
        #expect(try await store.feeds.takeLease("feeds", holder: "one", for: 60))
        #expect(try await !store.feeds.takeLease("feeds", holder: "two", for: 60))
    }

    @Test(.tags(.postgres), .needsPostgres) func theSameWorkGivesTheSameHistoryAndAnswersOnBothBackends() async throws {
        let fileClock = TestClock(), serverClock = TestClock()
        let folder = try temporaryFolder()
        let file = try await ClaimStore.create(path: folder.appendingPathComponent("d.db").path, workflow: .named("standard"),
                                               editor: NewReviewer(handle: Self.owner, role: .editor), clock: { fileClock.date })
        let server = try await ClaimStore.create(path: try TestPostgres.freshDatabase(), workflow: .named("standard"),
                                           editor: NewReviewer(handle: Self.owner, role: .editor), clock: { serverClock.date }).running()
        #expect(server.isShared && !file.isShared)
        try await work(on: file, clock: fileClock)
        try await work(on: server, clock: serverClock)

        var fileEvents: [AuditEvent] = [], serverEvents: [AuditEvent] = []
        try await file.audit.history { fileEvents.append($0) }
        try await server.audit.history { serverEvents.append($0) }
        #expect(fileEvents.count > 90)
        #expect(fileEvents.map(\.hash) == serverEvents.map(\.hash))
        #expect(zip(fileEvents, serverEvents).first { $0 != $1 }.map { "\($0.0.seq ?? 0)" } == nil)
        #expect(try await file.audit.auditHead() == (try await server.audit.auditHead()))
        let report = try await server.audit.verifyAudit()
        #expect(report.problems.isEmpty && report.events == fileEvents.count)

        #expect(try await file.review.claims(ClaimFilter()) == (try await server.review.claims(ClaimFilter())))
        for query in ["عراقجي", "أربع ساعات", "المفاوضات", "روما", "الاتفاق النووي"] {
            let onFile = Set(try await file.review.search(query, limit: 500).compactMap(\.id))
            #expect(!onFile.isEmpty, "\(query)")
            #expect(onFile == Set(try await server.review.search(query, limit: 500).compactMap(\.id)), "\(query)")
        }
        #expect(try await file.corroboration.related(to: 1).map(\.claim.id) == (try await server.corroboration.related(to: 1).map(\.claim.id)))
        #expect(try await file.corroboration.clusters().map { $0.claims.map(\.id) } == (try await server.corroboration.clusters().map { $0.claims.map(\.id) }))
        #expect(try await file.corroboration.suggestAliases() == (try await server.corroboration.suggestAliases()))
        #expect(try await file.publishing.stats(now: fileClock.date) == (try await server.publishing.stats(now: serverClock.date)))
    }

    @Test(.tags(.postgres), .needsPostgres) func aDeskMovesFromAFileToPostgreSQLAndBackWithItsHistory() async throws {
        let folder = try temporaryFolder()
        let original = try await ClaimStore.create(path: folder.appendingPathComponent("a.db").path, workflow: .named("standard"),
                                                   editor: NewReviewer(handle: Self.owner, role: .editor))
        try await work(on: original, clock: TestClock())
        try await original.logins.setPassword("a long passphrase for the desk", for: "layla", by: Self.owner)
        let anchor = try await original.audit.auditHead()

        let database = try TestPostgres.freshDatabase()
        try await original.backup(to: database)
        let moved = try await ClaimStore.open(path: database).running()
        try await moved.team.addReviewer(NewReviewer(handle: "omar"), by: Self.owner)
        let back = folder.appendingPathComponent("back.db").path
        try await moved.backup(to: back)
        let returned = try await ClaimStore.open(path: back)

        for store in [moved, returned] {
            let report = try await store.audit.verifyAudit(anchor: anchor)
            #expect(report.problems.isEmpty, "\(report.problems)")
            let claims = try await store.review.claims(ClaimFilter()), originals = try await original.review.claims(ClaimFilter())
            #expect(claims.count == originals.count)
            // Times compare as the desk stores them, to the millisecond.
            func row(_ claim: Claim) -> String {
                var plain = claim
                plain.createdAt = .distantPast
                plain.updatedAt = .distantPast
                return "\(plain) \(StoredTime.text(claim.createdAt)) \(StoredTime.text(claim.updatedAt))"
            }
            #expect(claims.map(row) == originals.map(row))
            #expect(try await store.review.search("عراقجي", limit: 500).count == (try await original.review.search("عراقجي", limit: 500).count))
            #expect(try await store.corroboration.aliases().map { "\($0.entity)=\($0.variants)" } == (try await original.corroboration.aliases().map { "\($0.entity)=\($0.variants)" }))
        }
        #expect(try await returned.audit.auditHead() == (try await moved.audit.auditHead()))
        #expect(try await returned.audit.auditHead().seq == anchor.seq + 1)
        #expect(try await returned.team.reviewers().map(\.reviewer.handle) == [Self.owner, "layla", "omar"])
        // A new claim takes the next id after the copied ones.
        let next = try await moved.review.addClaim(sourceID: 1, text: "على مدار 4 ساعات", by: Self.owner)
        #expect(next.id == (try await original.review.claims(ClaimFilter()).compactMap(\.id).max() ?? 0) + 1)
    }

    @Test(.tags(.postgres), .needsPostgres) func initTakesOnlyAnEmptyDatabaseAndOpenRefusesWhatIsNotADesk() async throws {
        let busy = try TestPostgres.freshDatabase()
        try TestPostgres.psql("CREATE TABLE payroll (id int)", on: busy)
        await #expect(throws: StoreError.notEmpty("\(try PostgresAddress(url: busy).database) at \(try PostgresAddress(url: busy).place)")) {
            try await ClaimStore.create(path: busy, workflow: .named("standard"), editor: NewReviewer(handle: Self.owner, role: .editor))
        }
        #expect(try TestPostgres.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", on: busy) == "1")
        await #expect(throws: StoreError.notADesk(path: try PostgresAddress(url: busy).display)) { try await ClaimStore.open(path: busy) }

        let desk = try TestPostgres.freshDatabase()
        _ = try await ClaimStore.create(path: desk, workflow: .named("standard"), editor: NewReviewer(handle: Self.owner, role: .editor))
        await #expect(throws: StoreError.alreadyExists(path: try PostgresAddress(url: desk).display)) {
            try await ClaimStore.create(path: desk, workflow: .named("standard"), editor: NewReviewer(handle: Self.owner, role: .editor))
        }
        try TestPostgres.psql("INSERT INTO factdesk_migration (name) VALUES ('v99: from a later FactDesk')", on: desk)
        await #expect(throws: StoreError.newerDesk(path: try PostgresAddress(url: desk).display)) { try await ClaimStore.open(path: desk) }

        let missing = TestPostgres.url(database: "fd_no_such_database")
        let error = try await #require(throws: StoreError.self) { try await ClaimStore.open(path: missing) }
        #expect(error.kind == .notFound)
    }

    @Test(.tags(.postgres), .needsPostgres) func anUnansweringServerAndAWrongPasswordEachGiveOneLine() async throws {
        let desk = try TestPostgres.freshDatabase()
        let address = try PostgresAddress(url: desk)
        let wrong = "postgres://\(address.user):not-the-password@\(address.host):\(address.port)/\(address.database)"
        let refused = try await #require(throws: StoreError.self) { try await ClaimStore.open(path: wrong) }
        #expect(refused.kind == .permissionDenied)
        #expect(refused.description.contains("refused the login of factdesk_owner"))

        let closed = try await #require(throws: StoreError.self) {
            try await ClaimStore.open(path: "postgres://\(address.user)@127.0.0.1:1/\(address.database)", connectTimeout: 1)
        }
        #expect(closed.kind == .storeUnusable)
        #expect(closed.description == "cannot reach the PostgreSQL server at 127.0.0.1:1: connection refused; is the server running?")
    }

    @Test(.tags(.postgres), .needsPostgres) func evenTheOwnerCannotRewriteTheHistoryWithoutAuditVerifySeeingIt() async throws {
        let database = try TestPostgres.freshDatabase()
        let store = try await ClaimStore.create(path: database, workflow: .named("standard"),
                                          editor: NewReviewer(handle: Self.owner, role: .editor)).running()
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: Self.owner)
        let (status, output) = try TestPostgres.psqlResult("UPDATE event SET actor = 'someone' WHERE seq = 1", on: database)
        #expect(status != 0 && output.contains("the history is append-only"))
        #expect(try await store.audit.verifyAudit().problems.isEmpty)

        try TestPostgres.psql("""
            ALTER TABLE event DISABLE TRIGGER event_no_update;
            UPDATE event SET actor = 'someone' WHERE seq = 1;
            """, on: database)
        let problems = try await store.audit.verifyAudit().problems.map(\.description)
        #expect(problems.contains { $0.contains("event_no_update") })
        #expect(problems.contains { $0.hasPrefix("event 1: content changed") })

        // A trigger swapped for one of the same name that lets everything through is named too.
        try TestPostgres.psql("""
            DROP TRIGGER event_no_delete ON event;
            CREATE FUNCTION let_it_be() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;
            CREATE TRIGGER event_no_delete BEFORE DELETE ON event FOR EACH ROW EXECUTE FUNCTION let_it_be();
            """, on: database)
        let swapped = try await store.audit.verifyAudit().problems.map(\.description)
        #expect(swapped.contains { $0.contains("the trigger event_no_delete was replaced by another") })
    }

    @Test(.tags(.postgres), .needsPostgres) func theProtectingTriggersAreMadeFromTheMigrationsByTheSameServerAndComparedWithTheDesks() async throws {
        let database = try TestPostgres.freshDatabase()
        let store = try await ClaimStore.create(path: database, workflow: .named("standard"),
                                          editor: NewReviewer(handle: Self.owner, role: .editor)).running()
        let made = try await store.storage.expectedHistoryProtection()
        let expected = Dictionary(made.filter { $0.kind == .trigger }.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        #expect(expected.keys.sorted() == ["event_actor_is_login", "event_next_seq_only", "event_no_delete", "event_no_truncate",
                                           "event_no_update", "evidence_no_delete", "evidence_no_update", "interface_setting_own", "note_no_delete",
                                           "note_no_update", "source_page_no_delete", "source_page_no_update"])
        // Before each row: update, delete, insert; before the statement: truncate.
        #expect(expected["note_no_update"]?.definition.contains("BEFORE UPDATE ON note FOR EACH ROW") == true)
        #expect(expected["event_no_delete"]?.definition.contains("BEFORE DELETE ON event FOR EACH ROW") == true)
        #expect(expected["event_no_truncate"]?.definition.contains("BEFORE TRUNCATE ON event FOR EACH STATEMENT") == true)
        #expect(expected["event_actor_is_login"]?.definition.contains("BEFORE INSERT ON event FOR EACH ROW") == true)
        #expect(expected["event_no_update"]?.definition.hasSuffix("EXECUTE FUNCTION factdesk_refuse('the history is append-only')") == true)
        let functions = made.filter { $0.kind == .function }
        #expect(functions.map(\.name).sorted() == ["factdesk_actor_is_login", "factdesk_next_seq_only", "factdesk_own_interface", "factdesk_refuse"])
        #expect(functions.allSatisfy { $0.definition.contains("RAISE EXCEPTION") })
        // The scratch tables and functions were rolled back: the desk's own are what the catalog holds.
        #expect(try await store.storage.reading { try await $0.historyProtection() }.map(\.definition).sorted() == made.map(\.definition).sorted())

        #expect(try await store.audit.verifyAudit().problems.isEmpty)
        // The same trigger, the same function, but only when nothing matches: reported.
        try TestPostgres.psql("""
            DROP TRIGGER note_no_delete ON note;
            CREATE TRIGGER note_no_delete BEFORE DELETE ON note FOR EACH ROW WHEN (false)
                EXECUTE FUNCTION factdesk_refuse('notes are kept as written; add a new note instead');
            """, on: database)
        #expect(try await store.audit.verifyAudit().problems.map(\.description).contains {
            $0.contains("the trigger note_no_delete was replaced by another") })
    }

    @Test func scriptsSplitAtSemicolonsOutsideQuotesBodiesAndComments() {
        let script = """
            CREATE TABLE a (x text DEFAULT ';'); -- a comment; with a semicolon
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;
            SELECT 'it''s; fine'
            """
        #expect(PostgresSession.statements(script) == [
            "CREATE TABLE a (x text DEFAULT ';')",
            "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$",
            "SELECT 'it''s; fine'",
        ])
    }
}

@Suite struct PostgresAddressTests {
    @Test func aURLIsReadAsPostgreSQLsClientsReadIt() throws {
        let full = try PostgresAddress(url: "postgresql://amira:s%40cret@db.example.org:6543/newsroom?sslmode=require",
                                       environment: [:])
        #expect(full.user == "amira" && full.password == "s@cret" && full.host == "db.example.org")
        #expect(full.port == 6543 && full.database == "newsroom" && full.sslMode == .require)
        #expect(full.display == "postgres://amira@db.example.org:6543/newsroom")

        let sparse = try PostgresAddress(url: "postgres:///desk?host=/run/pg", environment: ["PGUSER": "omar", "PGPASSWORD": "pw", "PGPORT": "5433"])
        #expect(sparse.user == "omar" && sparse.password == "pw" && sparse.isSocket && sparse.port == 5433)
        #expect(sparse.place == "the socket /run/pg/.s.PGSQL.5433")

        #expect(throws: DeskError.self) { try PostgresAddress(url: "postgres://h/d?sslmode=sometimes", environment: [:]) }
        #expect(throws: DeskError.self) { try PostgresAddress(url: "postgres://h:99999/d", environment: [:]) }
        #expect(throws: DeskError.self) { try PostgresAddress(url: "postgres://h/d?application=x", environment: [:]) }
    }

    @Test func aPasswordFileIsReadOnlyWhenOthersCannotReadIt() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("pgpass").path
        try "# host:port:db:user:password\nother:5432:*:*:nope\ndb.example.org:5432:news\\:room:*:right\\:one\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let address = try PostgresAddress(url: "postgres://amira@db.example.org/news:room", environment: [:], passwordFile: file)
        #expect(address.password == "right:one")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(try PostgresAddress(url: "postgres://amira@db.example.org/news:room", environment: [:], passwordFile: file).password == nil)
    }
}
