import FactDeskKit
import Foundation

/// The workflow's words in the reader's language: its states' and transitions' labels and
/// descriptions as the workflow file gives them, and who may run a transition.
enum WorkflowText {
    static func state(_ name: String, in workflow: Workflow, _ l: Localizer) -> String {
        workflow.state(named: name)?.label(in: l.language) ?? name.replacingOccurrences(of: "_", with: " ")
    }

    static func transition(_ transition: Transition, _ l: Localizer) -> String {
        transition.label(in: l.language)
    }

    /// Who may run a transition: "the assignee or an editor", "an editor who did not propose it".
    static func who(_ transition: Transition, in workflow: Workflow, _ l: Localizer) -> String {
        let people = transition.by.map { $0 == .editor ? l.text("workflow_who_editor") : l.text("workflow_who_assignee") }
        let anyone = people.joined(separator: l.text("workflow_or"))
        guard !transition.notBy.isEmpty else { return anyone }
        let others = transition.notBy.map { name in
            workflow.transition(named: name).map { self.transition($0, l) } ?? name
        }.joined(separator: l.text("workflow_or"))
        return l.text("workflow_who_not_by", ["who": anyone, "transitions": others])
    }

    /// What a transition asks for: a reviewer, a note, evidence.
    static func needs(_ transition: Transition, _ l: Localizer) -> String {
        var needs: [String] = []
        if transition.setsAssignee { needs.append(l.text("workflow_needs_reviewer")) }
        if transition.requiresNote { needs.append(l.text("workflow_needs_note")) }
        if transition.minimumEvidence > 0 { needs.append(l.count("workflow_needs_evidence", transition.minimumEvidence)) }
        return needs.isEmpty ? "—" : needs.joined(separator: l.text("workflow_list_separator"))
    }
}
