import Foundation

// MARK: - The desk and its reviewers

extension ClaimStore {
    /// Writes the desk row, its workflow and its first editor, with their events.
    func initialize(workflow: WorkflowSource, editor: NewReviewer, deskName: String?) throws {
        try Reviewer.validate(handle: editor.handle)
        try storage.writing { tx in
            try Self.initialize(tx, workflow: workflow, editor: editor, deskName: deskName, at: clock())
        }
    }

    /// Writes a new desk's own row, workflow, first editor and first events.
    static func initialize(_ tx: any StorageWriter, workflow: WorkflowSource, editor: NewReviewer, deskName: String?,
                           at now: Date) throws {
        try tx.createDesk(name: deskName ?? "FactDesk", createdBy: editor.handle, at: now)
        let installed = try tx.insert(InstalledWorkflow(
            name: workflow.workflow.name, yaml: workflow.yaml, definition: workflow.workflow,
            sha256: sha256Hex(workflow.yaml), installedBy: editor.handle, installedAt: now))
        _ = try tx.insert(Reviewer(
            handle: editor.handle, displayName: editor.displayName ?? editor.handle, role: .editor, createdAt: now))
        try tx.record(AuditEvent(at: now, actor: editor.handle, action: AuditAction.deskCreate,
                                 details: EventDetails(sha256: installed.sha256, workflow: installed.name)))
        try tx.record(AuditEvent(at: now, actor: editor.handle, action: AuditAction.reviewerAdd,
                                 details: EventDetails(handle: editor.handle, role: Reviewer.Role.editor.rawValue)))
    }

    /// The desk's name and who created it, when.
    public func deskInfo() throws -> (name: String, createdBy: String, createdAt: Date) {
        try storage.reading { tx in
            guard let desk = try tx.desk() else { throw StoreError.notADesk(path: path) }
            return desk
        }
    }

    /// The workflow the desk runs, from the desk's own copy.
    public func workflow() throws -> Workflow {
        try storage.reading { try $0.deskWorkflow().workflow }
    }

    /// The desk's own copy of its workflow, as installed.
    public func installedWorkflow() throws -> InstalledWorkflow {
        try storage.reading { try $0.deskWorkflow().installed }
    }


    /// Adds a reviewer or an editor. Only an active editor may.
    @discardableResult
    public func addReviewer(_ new: NewReviewer, by actor: String) throws -> Reviewer {
        try Reviewer.validate(handle: new.handle)
        return try storage.writing { tx in
            _ = try tx.activeEditor(actor, doing: "add reviewers")
            if try tx.reviewer(new.handle) != nil { throw DeskError.reviewerExists(new.handle) }
            let now = clock()
            let reviewer = try tx.insert(Reviewer(handle: new.handle, displayName: new.displayName ?? new.handle,
                                                  role: new.role, createdAt: now))
            try tx.record(AuditEvent(at: now, actor: actor, action: AuditAction.reviewerAdd,
                                     details: EventDetails(handle: new.handle, role: new.role.rawValue)))
            return reviewer
        }
    }

    /// Deactivates or reactivates a reviewer. Only an active editor may, and the desk
    /// always keeps at least one active editor. Deactivating ends the reviewer's web sessions.
    @discardableResult
    public func setReviewer(_ handle: String, active: Bool, by actor: String) throws -> Reviewer {
        try storage.writing { tx in
            _ = try tx.activeEditor(actor, doing: active ? "activate reviewers" : "deactivate reviewers")
            var reviewer = try tx.existingReviewer(handle)
            guard reviewer.active != active else { return reviewer }
            if !active { try tx.keepAnEditor(besides: reviewer) }
            reviewer.active = active
            try tx.update(reviewer)
            if !active { try tx.deleteSessions(of: handle) }
            try tx.record(AuditEvent(
                at: clock(), actor: actor,
                action: active ? AuditAction.reviewerActivate : AuditAction.reviewerDeactivate,
                details: EventDetails(handle: handle)))
            return reviewer
        }
    }

    /// Makes a reviewer an editor or a reviewer. Only an active editor may, and the desk
    /// always keeps at least one active editor.
    @discardableResult
    public func setRole(_ handle: String, to role: Reviewer.Role, by actor: String) throws -> Reviewer {
        try storage.writing { tx in
            _ = try tx.activeEditor(actor, doing: "change roles")
            var reviewer = try tx.existingReviewer(handle)
            guard reviewer.role != role else { return reviewer }
            try tx.keepAnEditor(besides: reviewer)
            reviewer.role = role
            try tx.update(reviewer)
            try tx.record(AuditEvent(at: clock(), actor: actor, action: AuditAction.reviewerRole,
                                     details: EventDetails(handle: handle, role: role.rawValue)))
            return reviewer
        }
    }

    /// The reviewer with this handle, if any.
    public func reviewer(_ handle: String) throws -> Reviewer? {
        try storage.reading { try $0.reviewer(handle) }
    }

    /// Every reviewer, by handle, without counting their claims.
    public func team() throws -> [Reviewer] {
        try storage.reading { try $0.reviewers() }
    }

    /// Every reviewer, with how many claims each has open (assigned and not final).
    public func reviewers() throws -> [(reviewer: Reviewer, openClaims: Int)] {
        try storage.reading { tx in
            let open = try tx.openClaims(notIn: try tx.deskWorkflow().workflow.finalStates)
            return try tx.reviewers().map { ($0, open[$0.handle] ?? 0) }
        }
    }
}

extension StorageReader {
    func existingReviewer(_ handle: String) throws -> Reviewer {
        guard let reviewer = try reviewer(handle) else { throw DeskError.reviewerNotFound(handle) }
        return reviewer
    }

    /// Refuses to let an active editor stop being one when no other active editor is left.
    func keepAnEditor(besides reviewer: Reviewer) throws {
        guard reviewer.role == .editor && reviewer.active else { return }
        if try activeEditorCount() <= 1 { throw DeskError.lastEditor(reviewer.handle) }
    }
}
