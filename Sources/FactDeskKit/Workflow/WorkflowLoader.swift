import Foundation
import Yams

/// Reads a workflow from YAML and checks it, reporting every problem with file and line.
///
/// The loader walks the YAML node tree itself rather than decoding into `Codable` types,
/// so that an unknown key, a misspelt state or a wrong type is reported at the line where
/// it stands, with a suggestion when the word is close to a known one.
///
/// ```yaml
/// name: standard
/// states:
///   new: { initial: true }
///   verified: { final: true, stance: supports }
/// transitions:
///   verify: { from: [new], to: verified, by: [editor], requires: { note: true } }
/// ```
public struct WorkflowLoader: Sendable {
    /// The name used in messages for where the YAML came from.
    public var file: String

    public init(file: String) {
        self.file = file
    }

    /// The largest workflow file read.
    public static let maximumSize = 1024 * 1024

    /// Loads and checks the workflow in a YAML file on disk.
    public static func load(contentsOf path: String) throws(WorkflowError) -> Workflow {
        try read(contentsOf: path).workflow
    }

    /// The YAML of a file on disk and the workflow it holds, from one reading of the file:
    /// what a desk stores is exactly what was checked.
    public static func read(contentsOf path: String) throws(WorkflowError) -> (yaml: String, workflow: Workflow) {
        let loader = WorkflowLoader(file: path)
        // Read through a handle, at most a megabyte and once: a pipe or a file changed as it is read still gives one text.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw loader.error(nil, "cannot read the workflow file; check the path")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // An empty file reads as nil: it is refused below as empty, not as unreadable.
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw loader.error(nil, "cannot read the workflow file; check the path")
        }
        guard data.count <= maximumSize else {
            throw loader.error(nil, "the workflow file is over \(maximumSize) bytes; a workflow is a page of YAML")
        }
        let yaml: String
        switch UTF8Text.decode(data) {
        case .success(let text):
            yaml = text
        case .failure(let failure):
            throw loader.error(nil, "the workflow file is not valid UTF-8 text (\(failure))")
        }
        return (yaml, try loader.load(yaml: yaml))
    }

    /// Loads and checks a workflow from YAML text.
    ///
    /// A file read from outside may not use YAML anchors or aliases (see `YAMLAliases`); a
    /// desk's stored workflow, accepted when it was installed, is read as it is.
    public func load(yaml: String, refusingAliases: Bool = true) throws(WorkflowError) -> Workflow {
        if refusingAliases, let use = YAMLAliases.firstUse(in: yaml) {
            let what = use.indicator == "&" ? "an anchor" : "an alias"
            throw WorkflowError(file: file, line: use.line, message:
                "'\(use.indicator)' starts \(what), which a workflow file does not use; write each value out in full, and quote text that begins with '\(use.indicator)'")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw error(nil, "the workflow file is empty; it needs `name`, `states` and `transitions`")
            }
            root = node
        } catch let failure as WorkflowError {
            throw failure
        } catch {
            throw yamlError(error)
        }
        let top = try mapping(root, "the workflow")
        try rejectUnknownKeys(top, allowed: ["name", "label", "description", "states", "transitions", "rating"], in: "the workflow")
        let name = try requiredString(top, "name", in: "the workflow")
        let (summary, summaries) = try description(top, in: "the workflow")
        let states = try loadStates(try required(top, "states", in: "the workflow"))
        let stateNames = states.map(\.name)
        let transitions = try loadTransitions(try required(top, "transitions", in: "the workflow"), states: stateNames)
        var workflow = Workflow(name: name, summary: summary, states: states, transitions: transitions)
        workflow.labels = try label(top, in: "the workflow")
        workflow.summaries = summaries
        if let ratingNode = top["rating"] {
            workflow.rating = try loadRating(ratingNode, states: states)
        }
        try checkGraph(workflow, statesNode: top["states"], transitionsNode: top["transitions"])
        return workflow
    }

    // MARK: - States

    private func loadStates(_ node: Node) throws(WorkflowError) -> [WorkflowState] {
        let states = try mapping(node, "`states`")
        guard !states.isEmpty else {
            throw error(node, "`states` is empty; list at least an initial and a final state")
        }
        var result: [WorkflowState] = []
        for (key, value) in states {
            let name = try identifier(key, "a state name")
            if name == Transition.proposal {
                throw error(key, "'\(Transition.proposal)' is reserved for `to: proposal`; give the state another name")
            }
            var state = WorkflowState(name: name)
            if case .scalar(let scalar) = value, scalar.string.isEmpty || scalar.string == "~" {
                result.append(state)
                continue
            }
            let fields = try mapping(value, "state '\(name)'")
            try rejectUnknownKeys(fields, allowed: ["initial", "final", "label", "description", "stance"], in: "state '\(name)'")
            state.isInitial = try optionalBool(fields, "initial") ?? false
            state.isFinal = try optionalBool(fields, "final") ?? false
            state.labels = try label(fields, in: "state '\(name)'")
            (state.summary, state.summaries) = try description(fields, in: "state '\(name)'")
            if let stanceNode = fields["stance"] {
                let word = try string(stanceNode, "`stance` of state '\(name)'")
                guard let stance = Evidence.Stance(rawValue: word) else {
                    throw error(stanceNode, "`stance` of state '\(name)' is '\(word)'; use supports, refutes or context")
                }
                state.stance = stance
            }
            if state.isInitial && state.isFinal {
                throw error(key, "state '\(name)' cannot be both initial and final")
            }
            result.append(state)
        }
        let initials = zip(states.keys, result).filter { $0.1.isInitial }
        if initials.isEmpty {
            throw error(node, "no state is marked `initial: true`; mark the one new claims start in")
        }
        if initials.count > 1 {
            let names = initials.map { "'\($0.1.name)'" }.joined(separator: " and ")
            throw error(initials[1].0, "two initial states, \(names); keep `initial: true` on one")
        }
        if !result.contains(where: \.isFinal) {
            throw error(node, "no state is marked `final: true`; mark the verdict states")
        }
        return result
    }

    // MARK: - Transitions

    private func loadTransitions(_ node: Node, states: [String]) throws(WorkflowError) -> [Transition] {
        let transitions = try mapping(node, "`transitions`")
        guard !transitions.isEmpty else {
            throw error(node, "`transitions` is empty; a claim could never leave its initial state")
        }
        var result: [Transition] = []
        for (key, value) in transitions {
            let name = try identifier(key, "a transition name")
            let fields = try mapping(value, "transition '\(name)'")
            let context = "transition '\(name)'"
            try rejectUnknownKeys(
                fields, allowed: ["from", "to", "by", "requires", "assigns", "proposes", "not_by", "label", "description"], in: context)
            let fromNode = try required(fields, "from", in: context)
            let from = try stringList(fromNode, "`from` of \(context)")
            for (index, state) in from.enumerated() where !states.contains(state) {
                throw error(fromNode.sequence?[index] ?? fromNode, unknownState(state, states, context))
            }
            let toNode = try required(fields, "to", in: context)
            let to = try string(toNode, "`to` of \(context)")
            guard states.contains(to) || to == Transition.proposal else {
                throw error(toNode, unknownState(to, states, context))
            }
            let byNode = try required(fields, "by", in: context)
            var by: [TransitionActor] = []
            for (index, word) in try stringList(byNode, "`by` of \(context)").enumerated() {
                guard let actor = TransitionActor(rawValue: word) else {
                    throw error(byNode.sequence?[index] ?? byNode,
                                "`by` of \(context) has '\(word)'; use editor, assignee, or both")
                }
                if !by.contains(actor) { by.append(actor) }
            }
            var transition = Transition(name: name, from: from, to: to, by: by)
            transition.setsAssignee = try optionalBool(fields, "assigns") ?? false
            if let proposesNode = fields["proposes"] {
                let proposed = try string(proposesNode, "`proposes` of \(context)")
                guard states.contains(proposed) else { throw error(proposesNode, unknownState(proposed, states, context)) }
                transition.proposes = proposed
            }
            if let notByNode = fields["not_by"] {
                transition.notBy = try stringList(notByNode, "`not_by` of \(context)")
            }
            transition.labels = try label(fields, in: context)
            (transition.summary, transition.summaries) = try description(fields, in: context)
            if let requires = fields["requires"] {
                let guards = try mapping(requires, "`requires` of \(context)")
                try rejectUnknownKeys(guards, allowed: ["note", "evidence"], in: "`requires` of \(context)")
                transition.requiresNote = try optionalBool(guards, "note") ?? false
                transition.minimumEvidence = try optionalCount(guards, "evidence") ?? 0
            }
            result.append(transition)
        }
        try checkReferences(result, node: transitions)
        return result
    }

    /// `not_by` must name transitions, and `to: proposal` needs a transition that proposes.
    private func checkReferences(_ transitions: [Transition], node: Node.Mapping) throws(WorkflowError) {
        let names = transitions.map(\.name)
        for transition in transitions {
            let fields = node[transition.name]?.mapping
            for name in transition.notBy where !names.contains(name) {
                throw error(fields?["not_by"], "`not_by` of transition '\(transition.name)' names '\(name)', which is not a transition"
                            + suggestion(name, names))
            }
            if transition.acceptsProposal && !transitions.contains(where: { $0.proposes != nil }) {
                throw error(fields?["to"], "transition '\(transition.name)' goes to the proposal, but no transition `proposes` a verdict")
            }
        }
    }

    private func unknownState(_ state: String, _ states: [String], _ context: String) -> String {
        "\(context) names state '\(state)', which `states` does not define" + suggestion(state, states)
    }

    // MARK: - Words in each language

    /// The `label:` of a workflow, state or transition: plain text (the English label) or one
    /// text per language, `{en: Verified, ar: صحيح}`; nil when there is none.
    private func label(_ fields: Node.Mapping, in context: String) throws(WorkflowError) -> WorkflowText? {
        guard let node = fields["label"] else { return nil }
        if case .scalar = node {
            return WorkflowText([.en: try text(node, "`label` of \(context)")])
        }
        let labels = try languages(node, "`label` of \(context)")
        return labels.isEmpty ? nil : labels
    }

    /// The `description:` of a workflow, state or transition: the English text, and the text
    /// in each language when the file gives a mapping of them. Plain text is the English one,
    /// as it was before descriptions had languages.
    private func description(_ fields: Node.Mapping, in context: String) throws(WorkflowError)
        -> (english: String?, languages: WorkflowText?) {
        guard let node = fields["description"] else { return (nil, nil) }
        if case .scalar(let scalar) = node { return (scalar.string, nil) }
        let summaries = try languages(node, "`description` of \(context)")
        return summaries.isEmpty ? (nil, nil) : (summaries[.en], summaries)
    }

    /// A mapping of the interface's language codes to text, each checked where it stands.
    private func languages(_ node: Node, _ what: String) throws(WorkflowError) -> WorkflowText {
        let codes = InterfaceLanguage.allCases.map(\.rawValue)
        guard let entries = node.mapping else {
            throw error(node, "\(what) must be text, or one text per language like {\(codes.map { "\($0): ..." }.joined(separator: ", "))}")
        }
        var result = WorkflowText()
        for (key, value) in entries {
            let code = key.string ?? ""
            guard let language = InterfaceLanguage(rawValue: code) else {
                throw error(key, "\(what) has '\(code)', which is not a language of the interface; "
                            + "give the text under \(codes.joined(separator: " and ")) only")
            }
            result[language] = try text(value, "'\(code)' of \(what)")
        }
        return result
    }

    /// A scalar that holds text: not a list, a mapping, nothing or `null`.
    private func text(_ node: Node, _ what: String) throws(WorkflowError) -> String {
        guard case .scalar(let scalar) = node, node.null == nil, !scalar.string.isEmpty else {
            throw error(node, "\(what) must be text, not a list, a mapping or nothing; quote it if it holds a colon, a comma or a bracket")
        }
        return scalar.string
    }

    // MARK: - Rating

    /// `rating: { worst: 1, best: 5, verdicts: { verified: { value: 5, ar: صحيح, en: True } } }`
    private func loadRating(_ node: Node, states: [WorkflowState]) throws(WorkflowError) -> RatingScale {
        let fields = try mapping(node, "`rating`")
        try rejectUnknownKeys(fields, allowed: ["worst", "best", "verdicts"], in: "`rating`")
        guard let worst = try optionalInteger(fields, "worst"), let best = try optionalInteger(fields, "best") else {
            throw error(node, "`rating` needs `worst` and `best`, the ends of the scale")
        }
        guard worst < best else { throw error(fields["best"], "`best` must be greater than `worst`") }
        let verdictsNode = try required(fields, "verdicts", in: "`rating`")
        var verdicts: [RatingScale.Verdict] = []
        for (key, value) in try mapping(verdictsNode, "`verdicts` of `rating`") {
            let state = try string(key, "a verdict state")
            guard let known = states.first(where: { $0.name == state }) else {
                throw error(key, "`rating` rates state '\(state)', which `states` does not define"
                            + suggestion(state, states.map(\.name)))
            }
            guard known.isFinal else { throw error(key, "`rating` rates '\(state)', which is not a final state") }
            let entry = try mapping(value, "the rating of '\(state)'")
            try rejectUnknownKeys(entry, allowed: ["value", "ar", "en"], in: "the rating of '\(state)'")
            guard let rated = try optionalInteger(entry, "value"), (worst...best).contains(rated) else {
                throw error(value, "the rating of '\(state)' needs a `value` from \(worst) to \(best)")
            }
            verdicts.append(RatingScale.Verdict(
                state: state, value: rated,
                arabic: try requiredString(entry, "ar", in: "the rating of '\(state)'"),
                english: try requiredString(entry, "en", in: "the rating of '\(state)'")))
        }
        return RatingScale(worst: worst, best: best, verdicts: verdicts)
    }

    private func optionalInteger(_ mapping: Node.Mapping, _ key: String) throws(WorkflowError) -> Int? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar = node, let value = node.int else { throw error(node, "`\(key)` must be a whole number") }
        return value
    }

    // MARK: - Graph

    private func checkGraph(_ workflow: Workflow, statesNode: Node?, transitionsNode: Node?) throws(WorkflowError) {
        let stateKeys = statesNode?.mapping.map { Array($0.keys) } ?? []
        func line(of state: String) -> Node? {
            stateKeys.first { $0.string == state } ?? statesNode
        }
        var reached: Set<String> = [workflow.initialState]
        var frontier = [workflow.initialState]
        while let state = frontier.popLast() {
            for transition in workflow.transitions(from: state) {
                let targets = transition.acceptsProposal ? workflow.transitions.compactMap(\.proposes) : [transition.to]
                for target in targets where reached.insert(target).inserted {
                    frontier.append(target)
                }
            }
        }
        for state in workflow.states where !reached.contains(state.name) {
            throw error(line(of: state.name),
                        "no transition reaches state '\(state.name)' from '\(workflow.initialState)'; add one or remove the state")
        }
        for state in workflow.states where !state.isFinal && workflow.transitions(from: state.name).isEmpty {
            throw error(line(of: state.name),
                        "state '\(state.name)' is not final but no transition leaves it; add one or mark it `final: true`")
        }
    }

    // MARK: - Node helpers

    func error(_ node: Node?, _ message: String) -> WorkflowError {
        WorkflowError(file: file, line: node?.mark?.line, message: message)
    }

    private func yamlError(_ failure: any Error) -> WorkflowError {
        guard let yamlError = failure as? YamlError else {
            return WorkflowError(file: file, line: nil, message: "cannot read the YAML: \(failure)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return WorkflowError(file: file, line: mark.line, message: "this is not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return WorkflowError(file: file, line: context.mark.line,
                                 message: "\(keys) is defined twice; each state and transition needs its own name")
        default:
            return WorkflowError(file: file, line: nil, message: "this is not valid YAML: \(yamlError)")
        }
    }

    private func mapping(_ node: Node, _ what: String) throws(WorkflowError) -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw error(node, "\(what) must be a mapping of `key: value` lines")
        }
        return mapping
    }

    private func rejectUnknownKeys(_ mapping: Node.Mapping, allowed: [String], in context: String) throws(WorkflowError) {
        for key in mapping.keys {
            let word = key.string ?? ""
            if !allowed.contains(word) {
                throw error(key, "\(context) has unknown key '\(word)'" + suggestion(word, allowed,
                                                                                    fallback: "; allowed keys: \(allowed.joined(separator: ", "))"))
            }
        }
    }

    private func required(_ mapping: Node.Mapping, _ key: String, in context: String) throws(WorkflowError) -> Node {
        guard let node = mapping[key] else {
            throw WorkflowError(file: file, line: mapping.mark?.line, message: "\(context) needs `\(key)`")
        }
        return node
    }

    private func string(_ node: Node, _ what: String) throws(WorkflowError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(node, "\(what) must be a single word")
        }
        return scalar.string
    }

    private func requiredString(_ mapping: Node.Mapping, _ key: String, in context: String) throws(WorkflowError) -> String {
        try string(try required(mapping, key, in: context), "`\(key)`")
    }

    private func optionalString(_ mapping: Node.Mapping, _ key: String) throws(WorkflowError) -> String? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            throw error(node, "`\(key)` must be text")
        }
        return scalar.string
    }

    private func optionalBool(_ mapping: Node.Mapping, _ key: String) throws(WorkflowError) -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar = node, let value = node.bool else {
            throw error(node, "`\(key)` must be true or false")
        }
        return value
    }

    private func optionalCount(_ mapping: Node.Mapping, _ key: String) throws(WorkflowError) -> Int? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar = node, let value = node.int, value >= 0 else {
            throw error(node, "`\(key)` must be a whole number, 0 or more")
        }
        return value
    }

    private func stringList(_ node: Node, _ what: String) throws(WorkflowError) -> [String] {
        if case .scalar = node {
            return [try string(node, what)]
        }
        guard let sequence = node.sequence, !sequence.isEmpty else {
            throw error(node, "\(what) must be a word or a list like [a, b]")
        }
        var words: [String] = []
        for item in sequence {
            words.append(try string(item, what))
        }
        return words
    }

    private func identifier(_ node: Node, _ what: String) throws(WorkflowError) -> String {
        let word = try string(node, what)
        let valid = word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            && word.unicodeScalars.first.map { ("a"..."z").contains($0) } == true
        guard valid else {
            throw error(node, "'\(word)' is not a valid name for \(what); use lowercase letters, digits and _")
        }
        return word
    }

    /// "; did you mean 'x'?" for a word within a third of its letters (two at least, six at
    /// most) of a known one.
    private func suggestion(_ word: String, _ candidates: [String], fallback: String = "") -> String {
        let limit = min(6, max(2, word.unicodeScalars.count / 3))
        guard let close = closestWord(to: word, in: candidates, limit: limit) else { return fallback }
        return "; did you mean '\(close)'?"
    }
}
