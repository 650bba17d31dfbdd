import Foundation

// MARK: - The desk and its reviewers

extension Team {
    /// Writes the desk row, its workflow and its first editor, with their events.
    func initialize(workflow: WorkflowSource, editor: NewReviewer, deskName: String?) async throws {
        try Reviewer.validate(handle: editor.handle)
        try StoredText.check([("desk's name", deskName), ("name", editor.displayName)])
        try await writing { tx in
            try await Self.initialize(tx, workflow: workflow, editor: editor, deskName: deskName, at: clock(), signer: signer)
        }
    }

    /// Writes a new desk's own row, workflow, first editor and first events. The first
    /// editor's key (made here if this machine has none) signs the first event, which registers it.
    static func initialize(_ tx: any StorageWriter, workflow: WorkflowSource, editor: NewReviewer, deskName: String?,
                           at now: Date, signer: EventSigner) async throws {
        let key = try editor.publicKey.map(PublicKeyText.normalized)
            ?? PublicKeyText.text(of: try signer.keys.create(.reviewer(editor.handle)).key)
        let name = deskName ?? "FactDesk"
        try await tx.createDesk(name: name, createdBy: editor.handle, at: now)
        let installed = try await tx.insert(InstalledWorkflow(
            name: workflow.workflow.name, yaml: workflow.yaml, definition: workflow.workflow,
            sha256: sha256Hex(workflow.yaml), installedBy: editor.handle, installedAt: now))
        _ = try await tx.insert(Reviewer(
            handle: editor.handle, displayName: editor.displayName ?? editor.handle, role: .editor, createdAt: now,
            publicKey: key))
        try await tx.record(AuditEvent(at: now, actor: editor.handle,
                                 .deskCreate(.init(handle: editor.handle, title: name, sha256: installed.sha256,
                                                   workflow: installed.name, key: key))), signer)
        try await tx.record(AuditEvent(at: now, actor: editor.handle,
                                 .reviewerAdd(.init(handle: editor.handle, role: Reviewer.Role.editor.rawValue,
                                                    key: key, name: editor.displayName ?? editor.handle))), signer)
    }

    /// The desk's name and who created it, when.
    public func deskInfo() async throws -> (name: String, createdBy: String, createdAt: Date) {
        try await storage.reading { tx in
            guard let desk = try await tx.desk() else { throw StoreError.notADesk(path: path) }
            return desk
        }
    }

    /// The workflow the desk runs, from the desk's own copy.
    public func workflow() async throws -> Workflow {
        try await storage.reading { try await $0.deskWorkflow().workflow }
    }

    /// The desk's own copy of its workflow, as installed.
    public func installedWorkflow() async throws -> InstalledWorkflow {
        try await storage.reading { try await $0.deskWorkflow().installed }
    }


    /// Adds a reviewer or an editor. Only an active editor may (``ChangePolicy``).
    @discardableResult
    ///
    /// The new reviewer's public key is registered with them: the one given, else a key
    /// pair made in this machine's key folder (a team that shares one machine).
    public func addReviewer(_ new: NewReviewer, by actor: String) async throws -> Reviewer {
        try Reviewer.validate(handle: new.handle)
        if new.handle != new.handle.lowercased() {
            throw DeskError.invalidValue(
                "a handle is written in lowercase, so that no two differ only in case: add '\(new.handle.lowercased())'")
        }
        try StoredText.check([("name", new.displayName)])
        let given = try new.publicKey.map(PublicKeyText.normalized)
        let email = try new.email.map { try Notifications.checkAddress($0) }
        if let language = new.language, !["ar", "en"].contains(language) {
            throw DeskError.invalidValue("'\(language)' is not a language of the desk's emails; give ar or en")
        }
        return try await writing { tx in
            try await tx.permit(.addReviewer, by: actor)
            if try await tx.reviewer(new.handle) != nil { throw DeskError.reviewerExists(new.handle) }
            // Handles differ by more than case: `Layla` beside `layla` would be two people
            // whom every page and message shows alike.
            let folded = new.handle.lowercased()
            if let taken = try await tx.reviewers().first(where: { $0.handle.lowercased() == folded }) {
                throw DeskError.reviewerExists(taken.handle)
            }
            let key = try given ?? PublicKeyText.text(of: try signer.keys.create(.reviewer(new.handle)).key)
            let now = clock()
            let reviewer = try await tx.insert(Reviewer(handle: new.handle, displayName: new.displayName ?? new.handle,
                                                  role: new.role, createdAt: now, publicKey: key))
            try await tx.record(AuditEvent(at: now, actor: actor,
                                     .reviewerAdd(.init(handle: new.handle, role: new.role.rawValue, key: key,
                                                        name: reviewer.displayName))), signer)
            if email != nil || new.language != nil {
                var setting = Notifications.defaultSetting(new.handle)
                (setting.email, setting.language) = (email, new.language ?? setting.language)
                let event = try await tx.record(AuditEvent(at: now, actor: actor, .reviewerNotify(.init(
                    handle: new.handle, mode: setting.mode.description, language: setting.language,
                    emailSha256: email.map(sha256Hex)))), signer)
                setting.seq = event.seq ?? 0
                try await tx.save(setting)
            }
            return reviewer
        }
    }

    /// Registers a reviewer's new public key, replacing a lost one. Only an active editor
    /// may; a reviewer who has no key yet (on a desk made before signing) may register
    /// their own, which then signs the event that registers it.
    @discardableResult
    public func setKey(of handle: String, to text: String, by actor: String) async throws -> Reviewer {
        let key = try PublicKeyText.normalized(text)
        return try await writing { tx in
            var reviewer = try await tx.existingReviewer(handle)
            try await tx.permit(.registerKey(for: .init(reviewer)), by: actor)
            guard reviewer.publicKey != key else { return reviewer }
            reviewer.publicKey = key
            try await tx.update(reviewer)
            try await tx.record(AuditEvent(at: clock(), actor: actor,
                                     .reviewerKey(.init(handle: handle, key: key))), signer)
            return reviewer
        }
    }

    // MARK: - Services

    /// Registers a service that signs events for the reviewers it acts for (`factdesk
    /// serve`), or replaces its key: the key given, else this machine's key for it, made
    /// when missing. Only an active editor may.
    @discardableResult
    public func addService(_ name: String, key text: String?, by actor: String) async throws -> Service {
        try Reviewer.validate(handle: name)
        let given = try text.map(PublicKeyText.normalized)
        return try await writing { tx in
            try await tx.permit(.registerService, by: actor)
            let key = try given ?? PublicKeyText.text(of: try signer.keys.create(.service(name)).key)
            if let existing = try await tx.service(name), existing.active, existing.publicKey == key { return existing }
            let service = Service(name: name, publicKey: key, addedBy: actor, addedAt: clock())
            try await tx.save(service)
            try await tx.record(AuditEvent(at: service.addedAt, actor: actor,
                                     .serviceAdd(.init(handle: name, key: key))), signer)
            return service
        }
    }

    /// Stops a service from signing: events it signs from now on are refused. Only an active editor may.
    public func removeService(_ name: String, by actor: String) async throws {
        try await writing { tx in
            try await tx.permit(.removeService, by: actor)
            guard var service = try await tx.service(name), service.active else {
                throw DeskError.invalidValue("no service '\(name)' is registered; `factdesk service list` shows them")
            }
            service.active = false
            try await tx.save(service)
            try await tx.record(AuditEvent(at: clock(), actor: actor,
                                     .serviceRemove(.init(handle: name))), signer)
        }
    }

    /// The services registered on the desk, by name.
    public func services() async throws -> [Service] {
        try await storage.reading { try await $0.services() }
    }

    /// Deactivates or reactivates a reviewer. Only an active editor may, and the desk
    /// always keeps at least one active editor. Deactivating ends the reviewer's web sessions.
    @discardableResult
    public func setReviewer(_ handle: String, active: Bool, by actor: String) async throws -> Reviewer {
        try await writing { tx in
            var reviewer = try await tx.existingReviewer(handle)
            try await tx.permit(.setActive(.init(reviewer), to: active), by: actor)
            guard reviewer.active != active else { return reviewer }
            reviewer.active = active
            try await tx.update(reviewer)
            if !active { try await tx.deleteSessions(of: handle) }
            try await tx.record(AuditEvent(
                at: clock(), actor: actor,
                active ? .reviewerActivate(.init(handle: handle)) : .reviewerDeactivate(.init(handle: handle))), signer)
            return reviewer
        }
    }

    /// Makes a reviewer an editor or a reviewer. Only an active editor may, and the desk
    /// always keeps at least one active editor.
    @discardableResult
    public func setRole(_ handle: String, to role: Reviewer.Role, by actor: String) async throws -> Reviewer {
        try await writing { tx in
            var reviewer = try await tx.existingReviewer(handle)
            try await tx.permit(.setRole(.init(reviewer), to: role), by: actor)
            guard reviewer.role != role else { return reviewer }
            reviewer.role = role
            try await tx.update(reviewer)
            try await tx.record(AuditEvent(at: clock(), actor: actor,
                                     .reviewerRole(.init(handle: handle, role: role.rawValue))), signer)
            return reviewer
        }
    }

    /// The reviewer with this handle, if any.
    public func reviewer(_ handle: String) async throws -> Reviewer? {
        try await storage.reading { try await $0.reviewer(handle) }
    }

    /// Every reviewer, by handle, without counting their claims.
    public func members() async throws -> [Reviewer] {
        try await storage.reading { try await $0.reviewers() }
    }

    /// Every reviewer, with how many claims each has open (assigned and not final).
    public func reviewers() async throws -> [(reviewer: Reviewer, openClaims: Int)] {
        try await storage.reading { tx in
            let open = try await tx.openClaims(notIn: try await tx.deskWorkflow().workflow.finalStates)
            return try await tx.reviewers().map { ($0, open[$0.handle] ?? 0) }
        }
    }
}

extension StorageReader {
    func existingReviewer(_ handle: String) async throws -> Reviewer {
        guard let reviewer = try await reviewer(handle) else { throw DeskError.reviewerNotFound(handle) }
        return reviewer
    }
}
