import Foundation

/// What reviewers say about claims and names: links between claims of different sources,
/// and the spellings that name one person or body. Rules here; rows in the storage.
extension Corroboration {
    // MARK: - Links

    /// Records a reviewer's word on two claims of different sources. Any active reviewer may.
    @discardableResult
    public func link(_ first: Int64, _ second: Int64, as kind: ClaimLink.Kind, by actor: String) async throws -> ClaimLink {
        guard first != second else { throw DeskError.invalidValue("a claim cannot be linked to itself; give two claim ids") }
        return try await writing { tx in
            let reviewer = try await tx.activeReviewer(actor)
            let a = try await tx.existingClaim(min(first, second)), b = try await tx.existingClaim(max(first, second))
            guard a.sourceID != b.sourceID else {
                throw DeskError.invalidValue("claims \(first) and \(second) come from the same source; link claims of different sources")
            }
            let now = clock()
            let link = ClaimLink(claimA: a.id ?? 0, claimB: b.id ?? 0, kind: kind, linkedBy: reviewer.handle, linkedAt: now)
            try await tx.save(link)
            for (claim, other) in [(first, second), (second, first)] {
                try await tx.record(AuditEvent(at: now, actor: reviewer.handle, claimID: claim,
                                         .claimLink(.init(otherClaim: other, relation: kind.rawValue))), signer)
            }
            return link
        }
    }

    // MARK: - Aliases

    /// Records that these spellings name one person or body. Any active reviewer may.
    public func addAlias(entity: String, variants: [String], by actor: String) async throws {
        let name = entity.trimmingWhitespace()
        let spellings = ([name] + variants.map { $0.trimmingWhitespace() }).reduce(into: [String]()) {
            if !$1.isEmpty && !$0.contains($1) { $0.append($1) }
        }
        guard !name.isEmpty, spellings.count > 1 else {
            throw DeskError.invalidValue("give a name and at least one other spelling of it")
        }
        try await writing { tx in
            let reviewer = try await tx.activeReviewer(actor)
            let now = clock()
            var added: [String] = []
            for spelling in spellings {
                if let existing = try await tx.alias(variant: spelling) {
                    guard existing.entity == name else {
                        throw DeskError.invalidValue(
                            "'\(spelling)' already names '\(existing.entity)'; remove it first with `factdesk alias remove \(spelling)`")
                    }
                    continue
                }
                try await tx.insert(Alias(entity: name, variant: spelling, addedBy: reviewer.handle, addedAt: now))
                added.append(spelling)
            }
            try await tx.record(AuditEvent(at: now, actor: reviewer.handle,
                                     .aliasAdd(.init(entity: name, variants: added))), signer)
        }
    }

    /// Removes one spelling from the alias table, so it no longer matches its entity.
    public func removeAlias(_ variant: String, by actor: String) async throws {
        try await writing { tx in
            let reviewer = try await tx.activeReviewer(actor)
            guard let alias = try await tx.alias(variant: variant) else {
                throw DeskError.invalidValue("no alias '\(variant)'; `factdesk alias list` shows them")
            }
            try await tx.delete(alias)
            try await tx.record(AuditEvent(at: clock(), actor: reviewer.handle,
                                     .aliasRemove(.init(entity: alias.entity, variants: [variant]))), signer)
        }
    }

    /// Every entity with its spellings.
    public func aliases() async throws -> [(entity: String, variants: [String])] {
        try await storage.reading { tx in
            Dictionary(grouping: try await tx.aliases(), by: \.entity)
                .map { ($0.key, $0.value.map(\.variant)) }
                .sorted { $0.entity < $1.entity }
        }
    }
}
