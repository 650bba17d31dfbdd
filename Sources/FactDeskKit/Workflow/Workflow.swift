/// A review workflow: the states a claim moves through and the transitions between them.
///
/// Workflows are data. They are loaded from YAML by ``WorkflowLoader``, which checks
/// that the graph is sound, and a desk keeps its own copy so that editing a file later
/// never changes a running desk.
public struct Workflow: Codable, Sendable, Equatable {
    /// The workflow's name, as written in its file.
    public var name: String
    /// A sentence about what the workflow is for, in English.
    public var summary: String?
    /// The workflow's label in each language the file gives one (`label:`), or nil.
    public var labels: WorkflowText?
    /// The file's `description:` in each language, when it gives a mapping of them; nil for
    /// plain text, which is ``summary``.
    public var summaries: WorkflowText?
    /// The states, in the order the file lists them.
    public var states: [WorkflowState]
    /// The transitions, in the order the file lists them.
    public var transitions: [Transition]
    /// How verdicts map to a published rating, for ClaimReview exports.
    public var rating: RatingScale?

    /// The state every new claim starts in.
    public var initialState: String {
        states.first(where: \.isInitial)?.name ?? ""
    }

    /// The workflow's label for a reader of `language`; see ``WorkflowText/label(in:labels:name:)``.
    public func label(in language: InterfaceLanguage) -> String {
        WorkflowText.label(in: language, labels: labels, name: name)
    }

    /// What the workflow is for, in `language` or else in English; nil when the file does not say.
    public func summary(in language: InterfaceLanguage) -> String? {
        WorkflowText.summary(in: language, summaries: summaries, english: summary)
    }

    /// The states that are verdicts, in the workflow's order.
    public var finalStates: [String] { states.filter(\.isFinal).map(\.name) }

    /// Whether a state is a verdict; an unknown state is not.
    public func isFinal(_ name: String) -> Bool { state(named: name)?.isFinal ?? false }

    /// The state with this name, if the workflow has one.
    public func state(named name: String) -> WorkflowState? {
        states.first { $0.name == name }
    }

    /// The transition with this name, if the workflow has one.
    public func transition(named name: String) -> Transition? {
        transitions.first { $0.name == name }
    }

    /// Checks that every name is a state of this workflow, for filters users type.
    public func requireStates(_ names: [String]) throws(DeskError) {
        for name in names where state(named: name) == nil {
            throw .unknownState(name, states: states.map(\.name))
        }
    }

    /// The transitions that leave a state.
    public func transitions(from state: String) -> [Transition] {
        transitions.filter { $0.from.contains(state) }
    }

    /// How evidence given with a transition bears on the claim when the person does not say:
    /// as the state it leads to says, or the verdict it proposes. A transition to whatever a
    /// proposal named, or one the workflow lacks, gives context.
    public func evidenceStance(for transition: String) -> Evidence.Stance {
        guard let transition = self.transition(named: transition) else { return .context }
        let target = transition.proposes ?? (transition.acceptsProposal ? nil : transition.to)
        return target.flatMap(state(named:))?.evidenceStance ?? .context
    }
}

/// A rating scale for published fact-checks: each verdict state's value between the
/// worst and best rating, with its label in Arabic and English.
public struct RatingScale: Codable, Sendable, Equatable {
    public struct Verdict: Codable, Sendable, Equatable {
        public var state: String
        public var value: Int
        public var arabic: String
        public var english: String

        public init(state: String, value: Int, arabic: String, english: String) {
            self.state = state
            self.value = value
            self.arabic = arabic
            self.english = english
        }

        /// The label in a language: `ar` or `en`.
        public func label(_ language: String) -> String {
            language == "ar" ? arabic : english
        }
    }

    public var worst: Int
    public var best: Int
    public var verdicts: [Verdict]

    public init(worst: Int, best: Int, verdicts: [Verdict]) {
        self.worst = worst
        self.best = best
        self.verdicts = verdicts
    }

    /// The rating of a state, if the scale rates it.
    public func verdict(for state: String) -> Verdict? {
        verdicts.first { $0.state == state }
    }
}

/// One state of a workflow.
public struct WorkflowState: Codable, Sendable, Equatable {
    public var name: String
    public var isInitial: Bool
    /// A final state is a verdict: the claim's review is over until it is reopened.
    public var isFinal: Bool
    /// What the state means, in English.
    public var summary: String?
    /// The state's label in each language the file gives one (`label:`), or nil.
    public var labels: WorkflowText?
    /// The file's `description:` in each language, when it gives a mapping of them; nil for
    /// plain text, which is ``summary``.
    public var summaries: WorkflowText?
    /// How evidence given with a transition into this state bears on the claim when the
    /// person does not say (`stance:` in the file); nil leaves it to ``evidenceStance``.
    public var stance: Evidence.Stance?

    public init(name: String, isInitial: Bool = false, isFinal: Bool = false, summary: String? = nil,
                stance: Evidence.Stance? = nil, labels: WorkflowText? = nil, summaries: WorkflowText? = nil) {
        self.name = name
        self.isInitial = isInitial
        self.isFinal = isFinal
        self.summary = summary
        self.stance = stance
        self.labels = labels
        self.summaries = summaries
    }

    /// The state's label for a reader of `language`; see ``WorkflowText/label(in:labels:name:)``.
    public func label(in language: InterfaceLanguage) -> String {
        WorkflowText.label(in: language, labels: labels, name: name)
    }

    /// What the state means, in `language` or else in English; nil when the file does not say.
    public func summary(in language: InterfaceLanguage) -> String? {
        WorkflowText.summary(in: language, summaries: summaries, english: summary)
    }

    /// The stance of evidence given on the way into this state: the file's `stance:`, else
    /// that of the built-in workflows' verdicts (evidence for `verified` supports the claim,
    /// evidence for `disputed` refutes it), else context. A workflow file written before
    /// `stance:` existed keeps the defaults it always had.
    public var evidenceStance: Evidence.Stance {
        if let stance { return stance }
        guard isFinal else { return .context }
        switch name {
        case "verified": return .supports
        case "disputed": return .refutes
        default: return .context
        }
    }
}

/// Who may run a transition.
public enum TransitionActor: String, Codable, Sendable, CaseIterable, Comparable {
    /// Any active reviewer whose role is editor.
    case editor
    /// The reviewer the claim is currently assigned to.
    case assignee

    public static func < (lhs: TransitionActor, rhs: TransitionActor) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A named move from one or more states to one state, with the guards that protect it.
public struct Transition: Codable, Sendable, Equatable {
    public var name: String
    public var from: [String]
    public var to: String
    /// Who may run it; a reviewer who is any one of these may.
    public var by: [TransitionActor]
    /// Whether the command must carry a note saying why.
    public var requiresNote: Bool
    /// How many evidence items the claim must have, counting those given on the command.
    public var minimumEvidence: Int
    /// Whether the transition names the reviewer the claim is assigned to (`--to`).
    public var setsAssignee: Bool
    /// The verdict this transition proposes for a second person to approve (`proposes:`).
    public var proposes: String?
    /// Transitions whose last runner may not run this one on the same claim (`not_by:`):
    /// the four-eyes rule.
    public var notBy: [String]
    /// What the transition does, in English.
    public var summary: String?
    /// The transition's label in each language the file gives one (`label:`), or nil.
    public var labels: WorkflowText?
    /// The file's `description:` in each language, when it gives a mapping of them; nil for
    /// plain text, which is ``summary``.
    public var summaries: WorkflowText?

    /// The `to` that means "the verdict the pending proposal names".
    public static let proposal = "proposal"

    /// Whether the transition goes to the proposed verdict rather than a fixed state.
    public var acceptsProposal: Bool { to == Self.proposal }

    public init(
        name: String,
        from: [String],
        to: String,
        by: [TransitionActor],
        requiresNote: Bool = false,
        minimumEvidence: Int = 0,
        setsAssignee: Bool = false,
        proposes: String? = nil,
        notBy: [String] = [],
        summary: String? = nil,
        labels: WorkflowText? = nil,
        summaries: WorkflowText? = nil
    ) {
        self.name = name
        self.from = from
        self.to = to
        self.by = by
        self.requiresNote = requiresNote
        self.minimumEvidence = minimumEvidence
        self.setsAssignee = setsAssignee
        self.proposes = proposes
        self.notBy = notBy
        self.summary = summary
        self.labels = labels
        self.summaries = summaries
    }

    /// The transition's label for a reader of `language`; see ``WorkflowText/label(in:labels:name:)``.
    public func label(in language: InterfaceLanguage) -> String {
        WorkflowText.label(in: language, labels: labels, name: name)
    }

    /// What the transition does, in `language` or else in English; nil when the file does not say.
    public func summary(in language: InterfaceLanguage) -> String? {
        WorkflowText.summary(in: language, summaries: summaries, english: summary)
    }

    /// A phrase naming who may run the transition, for messages: "the assignee or an editor".
    public var whoMayRun: String {
        by.map { $0 == .editor ? "an editor" : "the assignee" }.joined(separator: " or ")
            + (notBy.isEmpty ? "" : " who did not \(notBy.joined(separator: " or ")) it")
    }
}

// MARK: - The stored form
//
// A desk keeps its checked workflow as JSON beside the YAML, so that commands never parse
// YAML. The JSON's keys are pinned here, apart from the Swift names, and carry a format
// number: renaming a property can never break an older desk, and a desk whose workflow a
// newer FactDesk wrote in a later format is refused instead of misread.

extension Workflow {
    /// The format this FactDesk writes and the newest it reads.
    public static let storedFormat = 1

    enum CodingKeys: String, CodingKey {
        case format, name, summary, labels, summaries, states, transitions, rating
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decodeIfPresent(Int.self, forKey: .format) ?? 1
        guard format <= Self.storedFormat else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: container,
                debugDescription: "the stored workflow is in format \(format); this FactDesk reads up to \(Self.storedFormat)")
        }
        name = try container.decode(String.self, forKey: .name)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        labels = try container.decodeIfPresent(WorkflowText.self, forKey: .labels)
        summaries = try container.decodeIfPresent(WorkflowText.self, forKey: .summaries)
        states = try container.decode([WorkflowState].self, forKey: .states)
        transitions = try container.decode([Transition].self, forKey: .transitions)
        rating = try container.decodeIfPresent(RatingScale.self, forKey: .rating)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.storedFormat, forKey: .format)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encodeIfPresent(labels, forKey: .labels)
        try container.encodeIfPresent(summaries, forKey: .summaries)
        try container.encode(states, forKey: .states)
        try container.encode(transitions, forKey: .transitions)
        try container.encodeIfPresent(rating, forKey: .rating)
    }
}

extension WorkflowState {
    enum CodingKeys: String, CodingKey {
        case name, isInitial, isFinal, summary, labels, summaries, stance
    }
}

extension Transition {
    enum CodingKeys: String, CodingKey {
        case name, from, to, by, requiresNote, minimumEvidence, setsAssignee, proposes, notBy, summary, labels, summaries
    }
}

extension RatingScale {
    enum CodingKeys: String, CodingKey {
        case worst, best, verdicts
    }
}

extension RatingScale.Verdict {
    enum CodingKeys: String, CodingKey {
        case state, value, arabic, english
    }
}

// MARK: - Words in each language

/// Words a workflow file gives in each of the interface's languages: `{en: Verified, ar: صحيح}`.
///
/// Stored as a JSON object keyed by language code, so that a desk's stored workflow reads
/// the same whatever languages a later FactDesk speaks.
public struct WorkflowText: Codable, Sendable, Equatable {
    /// The text by language code.
    private var texts: [String: String]

    public init(_ texts: [InterfaceLanguage: String] = [:]) {
        self.texts = Dictionary(uniqueKeysWithValues: texts.map { ($0.key.rawValue, $0.value) })
    }

    /// The text in a language, if the file gives it.
    public subscript(language: InterfaceLanguage) -> String? {
        get { texts[language.rawValue] }
        set { texts[language.rawValue] = newValue }
    }

    /// Whether no language is given.
    public var isEmpty: Bool { texts.isEmpty }

    public init(from decoder: any Decoder) throws {
        texts = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(texts)
    }

    /// A label for a reader of `language`: the file's label in that language, else its English
    /// one, else the name with each `_` written as a space (`in_review` → "in review").
    static func label(in language: InterfaceLanguage, labels: WorkflowText?, name: String) -> String {
        labels?[language] ?? labels?[.en] ?? String(name.map { $0 == "_" ? " " : $0 })
    }

    /// A description for a reader of `language`: the file's in that language, else the English one.
    static func summary(in language: InterfaceLanguage, summaries: WorkflowText?, english: String?) -> String? {
        summaries?[language] ?? english ?? summaries?[.en]
    }
}
