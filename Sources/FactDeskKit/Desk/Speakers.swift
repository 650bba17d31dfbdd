import Foundation

/// A person or body the desk's claims are attributed to, gathered across spellings: the
/// desk's aliases (عراقجي = أراغتشي), a name given with a role and the same surname alone
/// (دونالد ترامب، رئيس الولايات المتحدة and ترامب), and a claim of two speakers counted for each.
public struct Speaker: Sendable, Equatable {
    /// How the desk names them: the alias's entity, else the fullest spelling.
    public var name: String
    /// Each spelling of the name the claims use, most claims first.
    public var spellings: [String]
    /// The roles the articles gave them (المتحدث باسم الرئاسة الروسية), most claims first.
    public var roles: [String]
    public var claims: Int
    /// Their claims in each state.
    public var states: [String: Int]
}

extension Corroboration {
    /// Every speaker of the desk's claims, most claims first.
    public func speakers() async throws -> [Speaker] {
        try await storage.reading { tx in try await SpeakerIndex(tx).speakers }
    }

    /// One speaker, by any spelling of their name or alias, with their claims newest first.
    public func speaker(named name: String, limit: Int) async throws -> (speaker: Speaker, claims: [Claim]) {
        try await storage.reading { tx in
            let index = try await SpeakerIndex(tx)
            guard let found = index.person(named: name) else { throw DeskError.speakerNotFound(name) }
            return (found.speaker, try await tx.claims(spokenBy: found.stored.sorted(), limit: limit))
        }
    }
}

/// The desk's speakers, read from the claims' stored speakers once.
struct SpeakerIndex {
    struct Person {
        var speaker: Speaker
        /// The stored speaker texts that name them.
        var stored: Set<String>
        var spellingCounts: [String: Int] = [:]
        var roleCounts: [String: Int] = [:]
        /// Whether a role came with the name, which makes its last word a surname.
        var titled = false
    }

    private(set) var persons: [String: Person] = [:]
    private let aliases: AliasTable
    /// Keys merged into another's: a surname alone into the full name with a role.
    private var merged: [String: String] = [:]

    init(_ tx: any StorageReader) async throws {
        aliases = AliasTable(try await tx.aliases().map { ($0.entity, $0.variant) })
        for (stored, state, claims) in try await tx.speakerCounts() {
            for part in stored.components(separatedBy: SpeakerPhrase.separator) {
                let (name, role) = Self.split(part)
                guard !name.isEmpty else { continue }
                let key = key(of: name)
                var person = persons[key] ?? Person(
                    speaker: Speaker(name: name, spellings: [], roles: [], claims: 0, states: [:]), stored: [])
                person.stored.insert(stored)
                person.speaker.claims += claims
                person.speaker.states[state, default: 0] += claims
                person.spellingCounts[name, default: 0] += claims
                if let role { person.roleCounts[role, default: 0] += claims }
                person.titled = person.titled || role != nil
                persons[key] = person
            }
        }
        mergeSurnames()
        for key in persons.keys { persons[key]?.finish(entity: key.hasPrefix("=") ? String(key.dropFirst()) : nil) }
    }

    var speakers: [Speaker] {
        persons.values.map(\.speaker).sorted { ($0.claims, $1.name) > ($1.claims, $0.name) }
    }

    /// The person a name given by a user stands for.
    func person(named name: String) -> Person? {
        let key = key(of: Self.split(name.trimmingWhitespace()).name)
        return persons[merged[key] ?? key]
    }

    /// A speaker's name and role: `name، role`, or the whole text as the name.
    static func split(_ part: String) -> (name: String, role: String?) {
        let pieces = part.components(separatedBy: SpeakerPhrase.roleSeparator)
        let name = pieces[0].trimmingWhitespace()
        let role = pieces.count > 1 ? pieces.dropFirst().joined(separator: SpeakerPhrase.roleSeparator).trimmingWhitespace() : nil
        return (name, role?.isEmpty == true ? nil : role)
    }

    /// What tells people apart: the alias's entity (`=` and its name), else the normalized name.
    private func key(of name: String) -> String {
        let entities = aliases.entities(in: Set(LightStemmer.terms(name)))
        if entities.count == 1, let entity = entities.first { return "=" + entity }
        return ArabicNormalizer.words(name).joined(separator: " ")
    }

    /// A one-word speaker that is the surname of exactly one person named with a role joins them.
    private mutating func mergeSurnames() {
        var bySurname: [String: [String]] = [:]
        for (key, person) in persons where person.titled && !key.hasPrefix("=") {
            let words = key.split(separator: " ")
            if words.count >= 2, let last = words.last { bySurname[String(last), default: []].append(key) }
        }
        for (surname, owners) in bySurname where owners.count == 1 {
            guard let alone = persons[surname], let owner = owners.first else { continue }
            persons[surname] = nil
            merged[surname] = owner
            persons[owner]?.absorb(alone)
        }
    }
}

extension SpeakerIndex.Person {
    mutating func absorb(_ other: SpeakerIndex.Person) {
        stored.formUnion(other.stored)
        speaker.claims += other.speaker.claims
        speaker.states.merge(other.speaker.states, uniquingKeysWith: +)
        spellingCounts.merge(other.spellingCounts, uniquingKeysWith: +)
        roleCounts.merge(other.roleCounts, uniquingKeysWith: +)
    }

    /// Orders spellings and roles by use, and names the speaker.
    mutating func finish(entity: String?) {
        let byUse: ([String: Int]) -> [String] = { counts in
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        }
        speaker.spellings = byUse(spellingCounts)
        speaker.roles = byUse(roleCounts)
        // The fullest spelling names them: دونالد ترامب rather than ترامب.
        speaker.name = entity ?? speaker.spellings.max { ($0.split(separator: " ").count, spellingCounts[$0] ?? 0) < ($1.split(separator: " ").count, spellingCounts[$1] ?? 0) } ?? speaker.name
    }
}
