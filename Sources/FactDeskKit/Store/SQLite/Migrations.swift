import GRDB

/// The desk's schema, as a list of named migrations.
///
/// A migration that has shipped is never edited: a change to the schema is a new
/// migration appended at the end. A desk whose file records a migration this list does
/// not know was written by a newer FactDesk, and is refused rather than guessed at.
enum Migrations {
    /// The SQLite `application_id` that marks a file as a FactDesk desk ("FDsk").
    static let applicationID: Int32 = 0x4644_736B

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: desk, reviewers, sources, claims, notes, evidence, events") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try createDesk(db)
            try createContent(db)
            try createEvents(db)
        }
        migrator.registerMigration("v2: claim worthiness and the Arabic search index") { db in
            try db.alter(table: "claim") { t in
                t.add(column: "worthiness", .integer).notNull().defaults(to: 0)
                t.add(column: "reasons", .jsonText).notNull().defaults(to: "[]")
            }
            try db.create(index: "claim_on_worthiness", on: "claim", columns: ["worthiness", "id"])
            try db.execute(sql: """
                CREATE VIRTUAL TABLE claim_search USING fts5(
                    terms, content='', tokenize='unicode61 remove_diacritics 0')
                """)
            // Filling the index is not a migration's work: the versioned reindex step
            // (SearchIndex.rebuildIfStale) does it, with the normalizer of the day.
        }
        migrator.registerMigration("v3: aliases and links between claims of different sources") { db in
            try db.create(table: "alias") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("entity", .text).notNull().check { length($0) > 0 }
                t.column("variant", .text).notNull().unique().check { length($0) > 0 }
                t.column("added_by", .text).notNull().references("reviewer", column: "handle")
                t.column("added_at", .datetime).notNull()
            }
            try db.create(table: "claim_link") { t in
                t.column("claim_a", .integer).notNull().references("claim", onDelete: .restrict)
                t.column("claim_b", .integer).notNull().indexed().references("claim", onDelete: .restrict)
                t.column("kind", .text).notNull().check { ["same", "contradicts", "unrelated"].contains($0) }
                t.column("linked_by", .text).notNull().references("reviewer", column: "handle")
                t.column("linked_at", .datetime).notNull()
                t.primaryKey(["claim_a", "claim_b"])
                t.check(sql: "claim_a < claim_b")
            }
            try db.execute(sql: "CREATE VIRTUAL TABLE claim_search_vocab USING fts5vocab(claim_search, 'row')")
        }
        migrator.registerMigration("v4: deadlines") { db in
            try db.alter(table: "claim") { t in
                t.add(column: "due_at", .datetime)
            }
            try db.create(index: "claim_on_due_at", on: "claim", columns: ["due_at"])
        }
        migrator.registerMigration("v5: passwords, sessions, API tokens and login lockouts") { db in
            try createLogins(db)
        }
        migrator.registerMigration("v6: each event says whether it is a transition") { db in
            // The schema's copy of AuditAction.isTransition: transition names hold no dot.
            // Generated, so the history's rows and their hashes stay exactly as written.
            try db.execute(sql: """
                ALTER TABLE event ADD COLUMN kind TEXT
                    GENERATED ALWAYS AS (CASE WHEN instr(action, '.') = 0 THEN 'transition' ELSE 'change' END) VIRTUAL
                """)
        }
        migrator.registerMigration("v7: the version of the search index's terms") { db in
            try db.create(table: "search_index") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("version", .integer).notNull()
            }
            // A desk whose every claim is indexed holds the first version's terms; one that
            // is not (a v1 desk migrated just now) is rebuilt by the reindex step.
            try db.execute(sql: """
                INSERT INTO search_index (id, version) VALUES (1,
                    CASE WHEN (SELECT count(*) FROM claim_search) = (SELECT count(*) FROM claim) THEN 1 ELSE 0 END)
                """)
        }
        migrator.registerMigration("v8: a reviewer's claims in worthiness and in deadline order") { db in
            // The queue of the web desk and `claim list --assignee/--unassigned --sort ...`
            // read the first rows of one assignee's claims in these orders, without sorting
            // the hundreds of thousands of unassigned claims of a large desk.
            try db.execute(sql: "CREATE INDEX claim_on_assignee_worthiness ON claim (assignee, worthiness DESC, id)")
            try db.execute(sql: "CREATE INDEX claim_on_assignee_due ON claim (assignee, due_at, id)")
        }
        // v9 is PostgreSQL's logins and grants; a desk file has none.
        migrator.registerMigration("v10: a signed history: reviewers' and services' keys, each event's signature") { db in
            try db.execute(sql: """
                ALTER TABLE reviewer ADD COLUMN public_key TEXT;
                ALTER TABLE event ADD COLUMN signer TEXT;
                ALTER TABLE event ADD COLUMN signature TEXT;
                CREATE TABLE service (
                    name TEXT PRIMARY KEY NOT NULL,
                    public_key TEXT NOT NULL,
                    active BOOLEAN NOT NULL DEFAULT 1,
                    added_by TEXT NOT NULL REFERENCES reviewer (handle),
                    added_at DATETIME NOT NULL);
                """)
        }
        migrator.registerMigration("v11: fact-checks other organizations published") { db in
            try db.execute(sql: """
                CREATE TABLE known_check (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ref TEXT NOT NULL UNIQUE CHECK (length(ref) > 0),
                    url TEXT,
                    publisher TEXT NOT NULL,
                    published_on TEXT CHECK (published_on IS NULL OR length(published_on) = 10),
                    claim_reviewed TEXT NOT NULL CHECK (length(claim_reviewed) > 0),
                    rating TEXT,
                    rating_value TEXT,
                    best_rating TEXT,
                    worst_rating TEXT,
                    language TEXT,
                    imported_by TEXT NOT NULL REFERENCES reviewer (handle),
                    imported_at DATETIME NOT NULL);
                """)
        }
        // v12 is PostgreSQL's per-desk roles; a desk file has none.
        migrator.registerMigration("v13: the events that install a workflow, found without reading the history") { db in
            try db.execute(sql: "CREATE INDEX event_workflow_install ON event (seq) WHERE action = 'workflow.install'")
        }
        migrator.registerMigration("v14: handles unique whatever their case") { db in
            // A desk that already holds two handles differing only in case keeps them (the
            // index would refuse it); FactDesk adds no more such pairs either way.
            let clashes = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM reviewer a JOIN reviewer b ON a.id < b.id AND lower(a.handle) = lower(b.handle)
                """) ?? 0
            if clashes == 0 {
                try db.execute(sql: "CREATE UNIQUE INDEX reviewer_handle_any_case ON reviewer (lower(handle))")
            }
        }
        migrator.registerMigration("v15: events found by the handle they name and by the digest they hold") { db in
            // A login finds the newest password event of its reviewer, and the key that
            // signed it; a token finds the event that created it by its secret's digest.
            // Details that are not JSON (a tampered row) are left out rather than stop the
            // desk from opening, so that `audit verify` can still report them.
            // Only the actions logins look up are indexed, so that the millions of other events
            // (claims, transitions, notes) are written without reading their details.
            try db.execute(sql: """
                CREATE INDEX event_on_handle ON event (
                    (CASE WHEN json_valid(details) THEN json_extract(details, '$.handle') END), seq)
                    WHERE \(StorageTerms.loginEventActions);
                CREATE INDEX event_on_digest ON event (
                    (CASE WHEN json_valid(details) THEN json_extract(details, '$.sha256') END), action)
                    WHERE \(StorageTerms.loginEventActions);
                """)
        }
        migrator.registerMigration("v16: two-factor logins: TOTP secrets and recovery codes' digests") { db in
            // The secret must be readable to check a code: whoever can read this file can
            // compute a reviewer's codes (see TwoFactor.swift). Recovery codes are digests only.
            try db.execute(sql: """
                CREATE TABLE second_factor (
                    handle TEXT PRIMARY KEY NOT NULL REFERENCES reviewer (handle),
                    secret TEXT NOT NULL CHECK (length(secret) >= 16),
                    last_step INTEGER NOT NULL DEFAULT 0 CHECK (last_step >= 0),
                    enabled_at DATETIME NOT NULL);
                CREATE TABLE recovery_code (
                    handle TEXT NOT NULL REFERENCES second_factor (handle) ON DELETE CASCADE,
                    digest TEXT NOT NULL CHECK (length(digest) = 64),
                    used_at DATETIME,
                    PRIMARY KEY (handle, digest));
                """)
        }
        migrator.registerMigration("v17: the web pages sources were read from") { db in
            // The page is kept deflate-compressed, in base64 so that a copy between backends
            // moves it as text. Pages are kept as fetched: a later version is a new row.
            try db.execute(sql: """
                CREATE TABLE source_page (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source_id INTEGER NOT NULL REFERENCES source (id),
                    fetched_at DATETIME NOT NULL,
                    url TEXT NOT NULL CHECK (length(url) > 0),
                    content_type TEXT,
                    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                    page TEXT NOT NULL,
                    body TEXT NOT NULL,
                    text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64));
                CREATE INDEX source_page_on_source ON source_page (source_id, id);
                """)
            try appendOnly(db, table: "source_page", what: "fetched pages are kept as they were fetched")
            // The last time each web source was fetched again: bookkeeping, rewritten by each check.
            try db.execute(sql: """
                CREATE TABLE source_check (
                    source_id INTEGER PRIMARY KEY NOT NULL REFERENCES source (id),
                    checked_at DATETIME NOT NULL,
                    etag TEXT,
                    last_modified TEXT);
                """)
        }
        migrator.registerMigration("v18: feeds and readers' tips") { db in
            // Feeds: who asked for one is its signed feed.add event (added_seq); the rest is
            // bookkeeping each poll rewrites. feed_item remembers the links a feed has had.
            try db.execute(sql: """
                CREATE TABLE feed (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    url TEXT NOT NULL UNIQUE CHECK (length(url) > 0),
                    outlet TEXT,
                    every_seconds INTEGER NOT NULL CHECK (every_seconds >= 60),
                    added_by TEXT NOT NULL,
                    added_at DATETIME NOT NULL,
                    added_seq INTEGER NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    last_checked_at DATETIME,
                    last_success_at DATETIME,
                    last_error TEXT,
                    failures INTEGER NOT NULL DEFAULT 0,
                    imported INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE feed_item (
                    feed_id INTEGER NOT NULL,
                    link TEXT NOT NULL,
                    source_id INTEGER,
                    seen_at DATETIME NOT NULL,
                    PRIMARY KEY (feed_id, link));
                CREATE INDEX source_on_url ON source (url);
                CREATE INDEX source_page_on_url ON source_page (url);
                CREATE INDEX feed_item_on_link ON feed_item (link);
                CREATE TABLE desk_lease (
                    name TEXT PRIMARY KEY NOT NULL,
                    holder TEXT NOT NULL,
                    until DATETIME NOT NULL);
                """)
            // Tips: their words and triage are in the history; the reader's contact and the
            // digest of their address are kept apart, to be forgotten.
            try db.execute(sql: """
                CREATE TABLE tip (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    code TEXT NOT NULL UNIQUE CHECK (length(code) >= 10),
                    received_at DATETIME NOT NULL,
                    text TEXT,
                    url TEXT,
                    language TEXT,
                    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected', 'merged')),
                    claim_id INTEGER REFERENCES claim (id),
                    merged_into INTEGER REFERENCES tip (id),
                    note TEXT,
                    decided_by TEXT,
                    decided_at DATETIME,
                    CHECK (text IS NOT NULL OR url IS NOT NULL));
                CREATE INDEX tip_on_status ON tip (status, id);
                CREATE TABLE tip_contact (
                    tip_id INTEGER PRIMARY KEY NOT NULL REFERENCES tip (id),
                    contact TEXT,
                    sender TEXT,
                    received_at DATETIME NOT NULL);
                CREATE INDEX tip_contact_on_sender ON tip_contact (sender, received_at);
                """)
        }
        migrator.registerMigration("v19: notifications: settings, webhooks, inbox and outbox") { db in
            try db.execute(sql: Migrations.notifications(serial: "INTEGER PRIMARY KEY AUTOINCREMENT", integer: "INTEGER"))
        }
        migrator.registerMigration("v20: each reviewer's interface, and the desk's month names") { db in
            try db.execute(sql: Migrations.interface)
        }
        return migrator
    }

    /// The interface's settings, in the SQL both backends take: a reviewer's language and
    /// digits, and the desk's month names. How the desk looks, not what it holds: no event.
    static let interface = """
        CREATE TABLE interface_setting (
            handle TEXT PRIMARY KEY NOT NULL REFERENCES reviewer (handle),
            language TEXT NOT NULL CHECK (language IN ('ar', 'en')),
            digits TEXT NOT NULL CHECK (digits IN ('western', 'eastern')));
        CREATE TABLE desk_setting (
            name TEXT PRIMARY KEY NOT NULL CHECK (name IN ('months')),
            value TEXT NOT NULL CHECK (name <> 'months' OR value IN ('levantine', 'egyptian')));
        """

    /// The notifications' tables, in the SQL both backends take (with their own serial key
    /// and integer types). Who asked for a setting, a transport or a webhook is its signed
    /// event (`seq`, `added_seq`); the inbox and the outbox are derived from the history
    /// under a cursor (`notify_cursor`), each row once by its `key`. The cursor starts at the
    /// history's head: a desk that gains notifications does not tell of its past.
    static func notifications(serial: String, integer: String) -> String {
        """
        CREATE TABLE notify_setting (
            handle TEXT PRIMARY KEY NOT NULL REFERENCES reviewer (handle),
            email TEXT,
            mode TEXT NOT NULL,
            language TEXT NOT NULL CHECK (language IN ('ar', 'en')),
            seq \(integer) NOT NULL);
        CREATE TABLE mail_setting (
            id \(integer) PRIMARY KEY NOT NULL CHECK (id = 1),
            transport TEXT NOT NULL,
            starttls \(integer) NOT NULL DEFAULT 0,
            sender TEXT NOT NULL,
            include_notes \(integer) NOT NULL DEFAULT 0,
            password TEXT,
            seq \(integer) NOT NULL);
        CREATE TABLE webhook (
            id \(serial),
            url TEXT NOT NULL CHECK (length(url) > 0),
            events TEXT NOT NULL,
            format TEXT NOT NULL CHECK (format IN ('standard', 'slack')),
            secret TEXT NOT NULL,
            allow_private \(integer) NOT NULL DEFAULT 0,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL,
            added_seq \(integer) NOT NULL,
            failing_since TEXT,
            disabled_at TEXT,
            disabled_reason TEXT);
        CREATE TABLE follow (
            claim_id \(integer) NOT NULL REFERENCES claim (id),
            handle TEXT NOT NULL REFERENCES reviewer (handle),
            since TEXT NOT NULL,
            PRIMARY KEY (claim_id, handle));
        CREATE TABLE notify_cursor (
            name TEXT PRIMARY KEY NOT NULL,
            seq \(integer) NOT NULL);
        CREATE TABLE inbox (
            id \(serial),
            handle TEXT NOT NULL,
            topic TEXT NOT NULL,
            seq \(integer),
            claim_id \(integer),
            key TEXT NOT NULL UNIQUE,
            detail TEXT,
            created_at TEXT NOT NULL,
            read_at TEXT);
        CREATE INDEX inbox_of_reader ON inbox (handle, id);
        CREATE INDEX inbox_unread ON inbox (handle, read_at);
        CREATE TABLE outbox (
            id \(serial),
            channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
            target TEXT NOT NULL,
            seq \(integer),
            inbox_from \(integer),
            inbox_to \(integer),
            key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
            attempts \(integer) NOT NULL DEFAULT 0,
            next_at TEXT NOT NULL,
            last_error TEXT,
            sent_at TEXT,
            lease_holder TEXT,
            lease_until TEXT);
        CREATE INDEX outbox_due ON outbox (status, next_at);
        CREATE INDEX outbox_of_target ON outbox (channel, target, id);
        CREATE TABLE delivery_attempt (
            id \(serial),
            delivery_id \(integer) NOT NULL,
            at TEXT NOT NULL,
            status \(integer) NOT NULL,
            error TEXT,
            milliseconds \(integer) NOT NULL);
        CREATE INDEX delivery_attempt_of_delivery ON delivery_attempt (delivery_id, id);
        INSERT INTO notify_cursor (name, seq) SELECT 'notify', coalesce(max(seq), 0) FROM event;
        """
    }

    /// Logins for the web desk. Only hashes of passwords and secrets are stored; sessions,
    /// failures and locks come and go, while setting a password or a token is an event.
    private static func createLogins(_ db: Database) throws {
        try db.create(table: "credential") { t in
            t.primaryKey("handle", .text).references("reviewer", column: "handle")
            t.column("password_hash", .text).notNull().check { length($0) > 20 }
            t.column("set_at", .datetime).notNull()
        }
        try db.create(table: "login_session") { t in
            t.primaryKey("token_hash", .text).check { length($0) == 64 }
            t.column("handle", .text).notNull().indexed().references("reviewer", column: "handle")
            t.column("csrf", .text).notNull().check { length($0) >= 32 }
            t.column("created_at", .datetime).notNull()
            t.column("last_seen_at", .datetime).notNull()
        }
        try db.create(table: "api_token") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("token_hash", .text).notNull().unique().check { length($0) == 64 }
            t.column("handle", .text).notNull().indexed().references("reviewer", column: "handle")
            t.column("created_at", .datetime).notNull()
            t.column("expires_at", .datetime)
            t.column("revoked_at", .datetime)
        }
        try db.create(table: "login_failure") { t in
            t.column("key", .text).notNull()
            t.column("at", .datetime).notNull()
        }
        try db.create(index: "login_failure_on_key_at", on: "login_failure", columns: ["key", "at"])
        try db.create(table: "login_lock") { t in
            t.primaryKey("key", .text)
            t.column("until", .datetime).notNull()
        }
    }

    private static func createDesk(_ db: Database) throws {
        try db.create(table: "desk") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("name", .text).notNull()
            t.column("created_by", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }
        try db.create(table: "workflow") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("yaml", .text).notNull()
            t.column("definition", .jsonText).notNull()
            t.column("sha256", .text).notNull().check { length($0) == 64 }
            t.column("installed_by", .text).notNull()
            t.column("installed_at", .datetime).notNull()
        }
        try db.create(table: "reviewer") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("handle", .text).notNull().unique().check { length($0) > 0 }
            t.column("display_name", .text).notNull()
            t.column("role", .text).notNull().check { ["editor", "reviewer"].contains($0) }
            t.column("active", .boolean).notNull().defaults(to: true)
            t.column("created_at", .datetime).notNull()
        }
    }

    private static func createContent(_ db: Database) throws {
        try db.create(table: "source") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("title", .text).notNull()
            t.column("outlet", .text)
            t.column("url", .text)
            t.column("language", .text).notNull()
            t.column("published_on", .text).check { $0 == nil || length($0) == 10 }
            t.column("body", .text).notNull().check { length($0) > 0 }
            t.column("sha256", .text).notNull().unique().check { length($0) == 64 }
            t.column("imported_by", .text).notNull().references("reviewer", column: "handle")
            t.column("imported_at", .datetime).notNull()
        }
        try db.create(table: "claim") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("source_id", .integer).notNull().indexed().references("source", onDelete: .restrict)
            t.column("span_start", .integer)
            t.column("span_end", .integer)
            t.column("text", .text).notNull().check { length($0) > 0 }
            t.column("speaker", .text)
            t.column("state", .text).notNull()
            t.column("assignee", .text).references("reviewer", column: "handle")
            t.column("version", .integer).notNull().defaults(to: 1).check { $0 >= 1 }
            t.column("created_by", .text).notNull().references("reviewer", column: "handle")
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.check(sql: "(span_start IS NULL AND span_end IS NULL) OR (span_start >= 0 AND span_end > span_start)")
        }
        try db.create(index: "claim_on_state_assignee", on: "claim", columns: ["state", "assignee"])
        try db.create(index: "claim_on_assignee_state", on: "claim", columns: ["assignee", "state"])
        try db.create(table: "note") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("claim_id", .integer).notNull().indexed().references("claim", onDelete: .restrict)
            t.column("author", .text).notNull().references("reviewer", column: "handle")
            t.column("body", .text).notNull().check { length($0) > 0 }
            t.column("created_at", .datetime).notNull()
        }
        try db.create(table: "evidence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("claim_id", .integer).notNull().indexed().references("claim", onDelete: .restrict)
            t.column("url", .text).notNull().check { length($0) > 0 }
            t.column("stance", .text).notNull().check { ["supports", "refutes", "context"].contains($0) }
            t.column("note", .text)
            t.column("added_by", .text).notNull().references("reviewer", column: "handle")
            t.column("added_at", .datetime).notNull()
        }
        for table in ["note", "evidence"] {
            try appendOnly(db, table: table, what: "\(table)s are kept as written; add a new \(table) instead")
        }
    }

    private static func createEvents(_ db: Database) throws {
        try db.create(table: "event") { t in
            t.primaryKey("seq", .integer)
            t.column("at", .datetime).notNull()
            t.column("actor", .text).notNull()
            t.column("claim_id", .integer).indexed().references("claim", onDelete: .restrict)
            t.column("source_id", .integer).references("source", onDelete: .restrict)
            t.column("action", .text).notNull().check { length($0) > 0 }
            t.column("from_state", .text)
            t.column("to_state", .text)
            t.column("details", .text).notNull().check(sql: "json_valid(details)")
            t.column("prev_hash", .text).notNull().check { length($0) == 64 }
            t.column("hash", .text).notNull().unique().check { length($0) == 64 }
        }
        try appendOnly(db, table: "event", what: "the history is append-only")
        // Each new event takes the next number, so the history has no gaps and
        // REPLACE cannot overwrite an event, even in a connection with recursive
        // triggers off (where REPLACE would not fire the DELETE trigger).
        try db.execute(sql: """
            CREATE TRIGGER event_next_seq_only BEFORE INSERT ON event
            WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM event)
            BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END
            """)
    }

    /// Triggers that abort any UPDATE or DELETE on a table.
    private static func appendOnly(_ db: Database, table: String, what: String) throws {
        try db.execute(sql: """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(what)'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(what)'); END;
            """)
    }
}
