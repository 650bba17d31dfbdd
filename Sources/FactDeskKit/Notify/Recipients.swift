import Foundation

/// Who an event tells, and of what: a pure function of the event, the claim's history, the
/// workflow, the team and the claim's followers.
///
/// - an assignment: the new assignee, with the deadline;
/// - a note (on its own, with evidence or with a transition) that mentions `@handle`: that person;
/// - a verdict (a final state), a reopening (out of one) or an approval (a proposal taken):
///   everyone the claim was ever assigned to, who imported it, and who follows it;
/// - a reader's tip: the active editors.
///
/// Nobody is told of what they did themselves.
enum Recipients {
    struct Context {
        var workflow: Workflow
        /// The claim's events before and including this one, oldest first (empty for an event on no claim).
        var claimEvents: [AuditEvent]
        var followers: [String]
        var editors: [String]
        /// Whether a handle is an active reviewer: nobody else is told anything.
        var isReviewer: (String) -> Bool
    }

    static func items(for event: AuditEvent, _ context: Context, at now: Date) -> [InboxItem] {
        guard let seq = event.seq else { return [] }
        var items: [InboxItem] = []
        func tell(_ handle: String, _ topic: InboxItem.Topic, detail: String? = nil) {
            guard handle != event.actor, context.isReviewer(handle), !items.contains(where: { $0.handle == handle && $0.topic == topic }) else { return }
            items.append(InboxItem(handle: handle, topic: topic, seq: seq, claimID: event.claimID,
                                   key: "\(topic.rawValue):\(seq):\(handle)", detail: detail, createdAt: now))
        }
        if case .transition(let name, let details) = event.payload {
            if let assignee = details.assignee { tell(assignee, .assigned, detail: details.due) }
            let transition = context.workflow.transitions.first { $0.name == name }
            let to = event.toState ?? "", from = event.fromState ?? ""
            let topic: InboxItem.Topic?
            if transition?.acceptsProposal == true { topic = .approval }
            else if context.workflow.isFinal(to) && to != from { topic = .verdict }
            else if context.workflow.isFinal(from) && !context.workflow.isFinal(to) { topic = .reopened }
            else { topic = nil }
            if let topic {
                for handle in involved(context) { tell(handle, topic, detail: to) }
            }
        }
        let notes = [event.payload.note] + (event.payload.transition?.evidenceNotes ?? []).map { Optional($0) }
        for handle in Mentions.handles(in: notes.compactMap { $0 }.joined(separator: "\n")) { tell(handle.lowercased(), .mention) }
        if case .tipReceive(let tip) = event.payload {
            for editor in context.editors { tell(editor, .tip, detail: String(tip.tip)) }
        }
        return items
    }

    /// Everyone a claim's verdict concerns: its assignees, its importer, its followers.
    static func involved(_ context: Context) -> [String] {
        var handles: [String] = []
        for event in context.claimEvents {
            if case .claimAdd = event.payload { handles.append(event.actor) }
            if let assignee = event.payload.transition?.assignee { handles.append(assignee) }
        }
        handles += context.followers
        var seen = Set<String>()
        return handles.filter { seen.insert($0).inserted }
    }
}
