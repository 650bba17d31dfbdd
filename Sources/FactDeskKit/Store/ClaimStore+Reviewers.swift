import Foundation
import GRDB

// MARK: - The desk and its reviewers

extension ClaimStore {
    /// Writes the desk row, its workflow and its first editor, with their events.
    func initialize(workflow: WorkflowSource, editor: NewReviewer, deskName: String?) throws {
        try Reviewer.validate(handle: editor.handle)
        try write { db in
            let now = clock()
            try DeskRow(name: deskName ?? "FactDesk", createdBy: editor.handle, createdAt: now).insert(db)
            var installed = InstalledWorkflow(
                name: workflow.workflow.name, yaml: workflow.yaml, definition: workflow.workflow,
                sha256: sha256Hex(workflow.yaml),
                installedBy: editor.handle, installedAt: now)
            try installed.insert(db)
            var reviewer = Reviewer(
                handle: editor.handle, displayName: editor.displayName ?? editor.handle, role: .editor, createdAt: now)
            try reviewer.insert(db)
            try record(AuditEvent(at: now, actor: editor.handle, action: AuditAction.deskCreate,
                                  details: EventDetails(sha256: installed.sha256, workflow: installed.name)), in: db)
            try record(AuditEvent(at: now, actor: editor.handle, action: AuditAction.reviewerAdd,
                                  details: EventDetails(handle: editor.handle, role: Reviewer.Role.editor.rawValue)), in: db)
        }
    }

    /// The desk's name and who created it, when.
    public func deskInfo() throws -> (name: String, createdBy: String, createdAt: Date) {
        try read { db in
            guard let desk = try DeskRow.fetchOne(db) else { throw StoreError.notADesk(path: path) }
            return (desk.name, desk.createdBy, desk.createdAt)
        }
    }

    /// The workflow the desk runs, from the desk's own copy.
    public func workflow() throws -> Workflow {
        try read { db in try installedWorkflow(db).workflow }
    }

    /// The desk's own copy of its workflow, as installed.
    public func installedWorkflow() throws -> InstalledWorkflow {
        try read { db in try installedWorkflow(db).installed }
    }

    func installedWorkflow(_ db: Database) throws -> (installed: InstalledWorkflow, workflow: Workflow) {
        guard let installed = try InstalledWorkflow.order(Column("id").desc).fetchOne(db) else {
            throw StoreError.notADesk(path: path)
        }
        return (installed, installed.definition)
    }

    /// Adds a reviewer or an editor. Only an active editor may.
    @discardableResult
    public func addReviewer(_ new: NewReviewer, by actor: String) throws -> Reviewer {
        try Reviewer.validate(handle: new.handle)
        return try write { db in
            _ = try activeEditor(actor, doing: "add reviewers", in: db)
            if try Reviewer.filter(Reviewer.Columns.handle == new.handle).fetchCount(db) > 0 {
                throw DeskError.reviewerExists(new.handle)
            }
            let now = clock()
            var reviewer = Reviewer(handle: new.handle, displayName: new.displayName ?? new.handle,
                                    role: new.role, createdAt: now)
            try reviewer.insert(db)
            try record(AuditEvent(at: now, actor: actor, action: AuditAction.reviewerAdd,
                                  details: EventDetails(handle: new.handle, role: new.role.rawValue)), in: db)
            return reviewer
        }
    }

    /// Deactivates or reactivates a reviewer. Only an active editor may, and the desk
    /// always keeps at least one active editor.
    @discardableResult
    public func setReviewer(_ handle: String, active: Bool, by actor: String) throws -> Reviewer {
        try write { db in
            _ = try activeEditor(actor, doing: active ? "activate reviewers" : "deactivate reviewers", in: db)
            var reviewer = try existingReviewer(handle, in: db)
            guard reviewer.active != active else { return reviewer }
            if !active { try keepAnEditor(besides: reviewer, in: db) }
            reviewer.active = active
            try reviewer.update(db)
            if !active { try SQLiteTransaction(db: db).deleteSessions(of: handle) }
            try record(AuditEvent(
                at: clock(), actor: actor,
                action: active ? AuditAction.reviewerActivate : AuditAction.reviewerDeactivate,
                details: EventDetails(handle: handle)), in: db)
            return reviewer
        }
    }

    /// Makes a reviewer an editor or a reviewer. Only an active editor may, and the desk
    /// always keeps at least one active editor.
    @discardableResult
    public func setRole(_ handle: String, to role: Reviewer.Role, by actor: String) throws -> Reviewer {
        try write { db in
            _ = try activeEditor(actor, doing: "change roles", in: db)
            var reviewer = try existingReviewer(handle, in: db)
            guard reviewer.role != role else { return reviewer }
            try keepAnEditor(besides: reviewer, in: db)
            reviewer.role = role
            try reviewer.update(db)
            try record(AuditEvent(at: clock(), actor: actor, action: AuditAction.reviewerRole,
                                  details: EventDetails(handle: handle, role: role.rawValue)), in: db)
            return reviewer
        }
    }

    private func existingReviewer(_ handle: String, in db: Database) throws -> Reviewer {
        guard let reviewer = try Reviewer.filter(Reviewer.Columns.handle == handle).fetchOne(db) else {
            throw DeskError.reviewerNotFound(handle)
        }
        return reviewer
    }

    /// Refuses to let an active editor stop being one when no other active editor is left.
    private func keepAnEditor(besides reviewer: Reviewer, in db: Database) throws {
        guard reviewer.role == .editor && reviewer.active else { return }
        let editors = try Reviewer
            .filter(Reviewer.Columns.role == Reviewer.Role.editor.rawValue && Reviewer.Columns.active == true)
            .fetchCount(db)
        if editors <= 1 { throw DeskError.lastEditor(reviewer.handle) }
    }

    /// The reviewer with this handle, if any.
    public func reviewer(_ handle: String) throws -> Reviewer? {
        try read { db in try Reviewer.filter(Reviewer.Columns.handle == handle).fetchOne(db) }
    }

    /// Every reviewer, with how many claims each has open (assigned and not final).
    public func reviewers() throws -> [(reviewer: Reviewer, openClaims: Int)] {
        try read { db in
            let finals = try installedWorkflow(db).workflow.finalStates
            let reviewers = try Reviewer.order(Reviewer.Columns.handle).fetchAll(db)
            let counts = try Row.fetchAll(db, sql: """
                SELECT assignee, count(*) AS n FROM claim
                WHERE assignee IS NOT NULL AND state NOT IN (SELECT value FROM json_each(?))
                GROUP BY assignee
                """, arguments: [String(decoding: try JSONEncoder().encode(finals), as: UTF8.self)])
            let open = Dictionary(uniqueKeysWithValues: counts.map { (String($0["assignee"] ?? ""), Int($0["n"] ?? 0)) })
            return reviewers.map { ($0, open[$0.handle] ?? 0) }
        }
    }
}
