import Testing
@testable import FactDeskKit

/// Who may change the team, its keys, services and workflow, and add to the desk: one table,
/// which the write path and the audit's replay both follow.
@Suite struct ChangePolicyTests {
    typealias Person = ChangePolicy.Person

    static let sara = Person(handle: "sara", role: .editor, active: true, hasKey: true)
    static let omar = Person(handle: "omar", role: .editor, active: true, hasKey: true)
    static let layla = Person(handle: "layla", role: .reviewer, active: true, hasKey: true)
    static let keyless = Person(handle: "layla", role: .reviewer, active: true, hasKey: false)
    static let retired = Person(handle: "nadia", role: .editor, active: false, hasKey: true)

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var change: ChangePolicy.Change
        var actor: String
        var person: Person?
        var activeEditors = 2
        var refused: [ChangePolicy.Refusal] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an editor adds a reviewer", change: .addReviewer, actor: "sara", person: sara),
        Case(name: "a reviewer may not add one", change: .addReviewer, actor: "layla", person: layla, refused: [.editorOnly]),
        Case(name: "an inactive editor may not", change: .addReviewer, actor: "nadia", person: retired, refused: [.inactive]),
        Case(name: "nor someone off the team", change: .addReviewer, actor: "zed", person: nil,
             refused: [.notAReviewer, .editorOnly]),
        Case(name: "the founder adds themselves to a desk with no team", change: .foundDesk, actor: "sara", person: nil),
        Case(name: "an editor deactivates a reviewer", change: .setActive(layla, to: false), actor: "sara", person: sara,
             activeEditors: 1),
        Case(name: "an editor deactivates another editor", change: .setActive(omar, to: false), actor: "sara", person: sara),
        Case(name: "the last active editor may not be deactivated", change: .setActive(sara, to: false), actor: "sara",
             person: sara, activeEditors: 1, refused: [.lastEditor("sara")]),
        Case(name: "an inactive editor is not the last one", change: .setActive(retired, to: false), actor: "sara",
             person: sara, activeEditors: 1),
        Case(name: "a reviewer may not reactivate anyone", change: .setActive(retired, to: true), actor: "layla",
             person: layla, refused: [.editorOnly]),
        Case(name: "an editor makes a reviewer an editor", change: .setRole(layla, to: .editor), actor: "sara", person: sara,
             activeEditors: 1),
        Case(name: "the last active editor may not become a reviewer", change: .setRole(sara, to: .reviewer), actor: "sara",
             person: sara, activeEditors: 1, refused: [.lastEditor("sara")]),
        Case(name: "one of two editors may", change: .setRole(omar, to: .reviewer), actor: "sara", person: sara),
        Case(name: "a reviewer may not change roles, nor leave none", change: .setRole(sara, to: .reviewer), actor: "layla",
             person: layla, activeEditors: 1, refused: [.editorOnly, .lastEditor("sara")]),
        Case(name: "a reviewer with no key registers their own", change: .registerKey(for: keyless), actor: "layla",
             person: keyless),
        Case(name: "a reviewer may not replace their own key", change: .registerKey(for: layla), actor: "layla", person: layla,
             refused: [.editorOnly]),
        Case(name: "nor register another's first key", change: .registerKey(for: keyless), actor: "omar",
             person: Person(handle: "omar", role: .reviewer, active: true, hasKey: true), refused: [.editorOnly]),
        Case(name: "an editor registers anyone's key", change: .registerKey(for: layla), actor: "sara", person: sara),
        Case(name: "an editor registers a service", change: .registerService, actor: "sara", person: sara),
        Case(name: "a reviewer may not", change: .registerService, actor: "layla", person: layla, refused: [.editorOnly]),
        Case(name: "nor remove one", change: .removeService, actor: "layla", person: layla, refused: [.editorOnly]),
        Case(name: "nor install a workflow", change: .installWorkflow, actor: "layla", person: layla, refused: [.editorOnly]),
        Case(name: "an editor installs one", change: .installWorkflow, actor: "sara", person: sara),
        Case(name: "any active reviewer adds sources and known checks", change: .contribute, actor: "layla", person: layla),
        Case(name: "an inactive one may not", change: .contribute, actor: "nadia", person: retired, refused: [.inactive]),
        Case(name: "a reviewer sets their own password and tokens", change: .access(of: "layla"), actor: "layla", person: layla),
        Case(name: "not another's", change: .access(of: "sara"), actor: "layla", person: layla, refused: [.editorOnly]),
        Case(name: "an editor sets anyone's", change: .access(of: "layla"), actor: "sara", person: sara),
    ]

    @Test(arguments: cases)
    func theRulesOfChangesThatAreNotTransitions(_ row: Case) {
        #expect(ChangePolicy.refusals(row.change, actor: row.actor, as: row.person, activeEditors: row.activeEditors)
                    == row.refused)
    }
}
