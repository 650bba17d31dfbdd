import Foundation
import Testing
@testable import FactDeskKit

@Suite struct WorkflowLoaderTests {
    static let workflowFiles: [String] = {
        let folder = packageRoot.appendingPathComponent("Workflows")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
    }()

    @Test func theWorkflowsFolderIsNotEmpty() {
        #expect(Self.workflowFiles.contains { $0.hasSuffix("standard.yaml") })
    }

    @Test(arguments: workflowFiles)
    func everyShippedWorkflowLoads(path: String) throws {
        let workflow = try WorkflowLoader.load(contentsOf: path)
        #expect(workflow.states.filter(\.isInitial).count == 1)
        #expect(!workflow.transitions.isEmpty)
    }

    @Test(arguments: workflowFiles)
    func everyShippedWorkflowIsBuiltIntoTheBinaryByteForByte(path: String) throws {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(BuiltinWorkflows.yaml(named: name) == file)
    }

    @Test func theStandardWorkflowHasTheAgreedStatesAndGuards() throws {
        let workflow = try WorkflowSource.named("standard").workflow
        #expect(workflow.states.map(\.name) == ["new", "assigned", "in_review", "verified", "disputed", "unverifiable", "skipped"])
        #expect(workflow.initialState == "new")
        #expect(workflow.states.filter(\.isFinal).map(\.name) == ["verified", "disputed", "unverifiable", "skipped"])
        let verify = try #require(workflow.transition(named: "verify"))
        #expect(verify.from == ["assigned", "in_review"])
        #expect(Set(verify.by) == [.assignee, .editor])
        #expect(verify.requiresNote && verify.minimumEvidence == 1)
        let assign = try #require(workflow.transition(named: "assign"))
        #expect(assign.setsAssignee && assign.by == [.editor])
        let reopen = try #require(workflow.transition(named: "reopen"))
        #expect(Set(reopen.from) == ["verified", "disputed", "unverifiable", "skipped"] && reopen.to == "in_review")
    }

    static let base = """
        name: test
        states:
          new:
            initial: true
          done:
            final: true
        transitions:
          finish:
            from: [new]
            to: done
            by: [editor]
        """

    /// Broken files, the line the error must name, and a phrase it must contain.
    static let broken: [(yaml: String, line: Int?, phrase: String)] = [
        (base.replacingOccurrences(of: "    by: [editor]", with: "    by: [editor]\n    requries: { note: true }"),
         12, "unknown key 'requries'; did you mean 'requires'?"),
        (base.replacingOccurrences(of: "    to: done", with: "    to: dnoe"), 10, "state 'dnoe', which `states` does not define; did you mean 'done'?"),
        (base.replacingOccurrences(of: "    from: [new]", with: "    from: [new, old]"), 9, "state 'old'"),
        (base.replacingOccurrences(of: "    initial: true", with: "    description: x"), 3, "no state is marked `initial: true`"),
        (base.replacingOccurrences(of: "    final: true", with: "    initial: true"), 5, "two initial states"),
        (base.replacingOccurrences(of: "  done:\n", with: "  lost:\n    description: nobody comes here\n  done:\n"), 5,
         "no transition reaches state 'lost'"),
        (base + "\n  finish:\n    from: new\n    to: done\n    by: editor", 8, "'finish' is defined twice"),
        (base.replacingOccurrences(of: "by: [editor]", with: "by: [edtor]"), 11, "use editor, assignee, or both"),
        (base.replacingOccurrences(of: "    final: true", with: "    description: x"), 3, "no state is marked `final: true`"),
        (base + "\n    requires: { evidence: -1 }", 12, "must be a whole number"),
        ("name: test\nstates: [a, b\n", 3, "not valid YAML"),
        ("", nil, "empty"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        (base.replacingOccurrences(of: "name: test\n", with: ""), 1, "needs `name`"),
        (base.replacingOccurrences(of: "  finish:", with: "  Finish-Now:"), 8, "not a valid name"),
        (base + "\n    not_by: [finsh]", 12, "names 'finsh', which is not a transition; did you mean 'finish'?"),
        (base.replacingOccurrences(of: "    to: done", with: "    to: proposal"), 10, "no transition `proposes` a verdict"),
        (base.replacingOccurrences(of: "  done:", with: "  proposal:").replacingOccurrences(of: "to: done", with: "to: proposal"),
         5, "'proposal' is reserved"),
        (base + "\n    proposes: dne", 12, "names state 'dne'"),
        (base + "\nrating: { worst: 1, best: 5, verdicts: { done: { value: 9, ar: x, en: y } } }", 12, "needs a `value` from 1 to 5"),
        (base + "\nrating: { worst: 1, best: 5, verdicts: { new: { value: 3, ar: x, en: y } } }", 12, "'new', which is not a final state"),
        (base + "\nrating: { worst: 5, best: 1, verdicts: {} }", 12, "`best` must be greater than `worst`"),
        (base + "\nrating: { worst: 1, best: 5, verdicts: { done: { value: 3, ar: x } } }", 12, "needs `en`"),
        (base.replacingOccurrences(of: "by: [editor]", with: "by: &who [editor]"), 11, "'&' starts an anchor"),
        ("name: t\nstates: { a: ~ }\ntransitions:\n  t: { from: [*x, a] }\n", 4, "'*' starts an alias"),
    ]

    @Test(arguments: broken.indices)
    func aBrokenWorkflowIsRefusedWithItsLine(index: Int) {
        let (yaml, line, phrase) = Self.broken[index]
        #expect {
            _ = try WorkflowLoader(file: "broken.yaml").load(yaml: yaml)
        } throws: { error in
            guard let error = error as? WorkflowError else { return false }
            return error.line == line && error.message.contains(phrase) && error.description.hasPrefix("broken.yaml:")
        }
    }

    @Test func theTwoPersonWorkflowProposesVerdictsForASecondPerson() throws {
        let workflow = try WorkflowSource.named("two-person").workflow
        let verify = try #require(workflow.transition(named: "verify"))
        #expect(verify.to == "awaiting_approval" && verify.proposes == "verified")
        #expect(workflow.transition(named: "dispute")?.proposes == "disputed")
        let approve = try #require(workflow.transition(named: "approve"))
        #expect(approve.acceptsProposal && approve.by == [.editor] && approve.notBy == ["verify", "dispute"])
        let reject = try #require(workflow.transition(named: "reject"))
        #expect(reject.to == "in_review" && reject.requiresNote && reject.notBy == ["verify", "dispute"])
    }

    @Test(arguments: ["standard", "two-person"])
    func theShippedWorkflowsRateTheirVerdictsInArabicAndEnglish(name: String) throws {
        let scale = try #require(try WorkflowSource.named(name).workflow.rating)
        #expect(scale.worst == 1 && scale.best == 5)
        #expect(scale.verdict(for: "verified") == RatingScale.Verdict(state: "verified", value: 5, arabic: "صحيح", english: "True"))
        #expect(scale.verdict(for: "disputed")?.label("ar") == "زائف")
        #expect(scale.verdict(for: "skipped") == nil)
    }

    @Test func theBaseOfTheBrokenCasesIsItselfValid() throws {
        let workflow = try WorkflowLoader(file: "base.yaml").load(yaml: Self.base)
        #expect(workflow.transitions.map(\.name) == ["finish"])
    }

    @Test func aMissingFileIsRefusedWithItsPath() {
        #expect(throws: WorkflowError.self) {
            _ = try WorkflowLoader.load(contentsOf: "/nonexistent/workflow.yaml")
        }
    }

    @Test func aFileThatIsNotUTF8IsRefused() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("bad.yaml").path
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try WorkflowLoader.load(contentsOf: path)
        } throws: { error in
            (error as? WorkflowError)?.message.contains("invalid UTF-8 at byte 6") == true
        }
    }
}

@Suite struct StoredWorkflowTests {
    @Test func theStoredJSONKeepsItsPinnedKeysAndFormat() throws {
        let workflow = try WorkflowSource.named("two-person").workflow
        let data = try JSONEncoder().encode(workflow)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["format"] as? Int == Workflow.storedFormat)
        let transition = (object?["transitions"] as? [[String: Any]])?.first { $0["name"] as? String == "approve" }
        #expect(transition?["notBy"] as? [String] == ["verify", "dispute"])
        let state = (object?["states"] as? [[String: Any]])?.first { $0["name"] as? String == "verified" }
        #expect(state?["isFinal"] as? Bool == true)
        #expect(try JSONDecoder().decode(Workflow.self, from: data) == workflow)
    }

    @Test func aWorkflowStoredBeforeFormatsWereNumberedStillReads() throws {
        let old = #"{"name":"tiny","states":[{"name":"new","isInitial":true,"isFinal":false},{"name":"done","isInitial":false,"isFinal":true}],"transitions":[{"name":"finish","from":["new"],"to":"done","by":["editor"],"requiresNote":false,"minimumEvidence":0,"setsAssignee":false,"notBy":[]}]}"#
        let workflow = try JSONDecoder().decode(Workflow.self, from: Data(old.utf8))
        #expect(workflow.finalStates == ["done"])
        #expect(workflow.transition(named: "finish")?.to == "done")
    }

    @Test func aWorkflowInALaterFormatIsRefusedNotMisread() {
        let newer = #"{"format":2,"name":"tiny","states":[],"transitions":[]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Workflow.self, from: Data(newer.utf8)) }
    }
}

@Suite struct EditDistanceTests {
    /// The whole table, every cell: what the banded distance must agree with.
    static func reference(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        var table = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
        for i in a.indices.map({ $0 + 1 }) {
            for j in b.indices.map({ $0 + 1 }) {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        return table[a.count][b.count]
    }

    @Test func theBandedDistanceAgreesWithTheWholeTableWithinItsLimit() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abcتخصيب".unicodeScalars)
        for _ in 0..<3000 {
            let a = String(String.UnicodeScalarView((0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }))
            let b = String(String.UnicodeScalarView((0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }))
            let limit = Int.random(in: 0...10, using: &generator)
            let expected = Self.reference(a, b)
            #expect(editDistance(a, b, limit: limit) == (expected <= limit ? expected : nil), "\(a) / \(b) within \(limit)")
        }
    }

    @Test func theClosestWordIsTheFirstOfTheNearestWithinTheLimit() {
        #expect(closestWord(to: "verifed", in: ["disputed", "verified", "verifies"], limit: 2) == "verified")
        #expect(closestWord(to: "dnoe", in: ["new", "done"], limit: 2) == "done")
        #expect(closestWord(to: "xyz", in: ["verified", "done"], limit: 2) == nil)
        #expect(closestWord(to: "", in: ["ab", "a"], limit: 2) == "a")
    }

    /// A 30,000-letter name against long state names: before the distance was banded this
    /// filled 30,000 × 1,000 cells per state and the loader ran for minutes.
    @Test func aLongUnknownNameIsRefusedWithoutASuggestion() {
        let states = (0..<30).map { "  s\($0)" + String(repeating: "x", count: 1000) + ":\n" }.joined()
        let yaml = "name: t\nstates:\n  a: {initial: true}\n\(states)  done: {final: true}\ntransitions:\n"
            + "  t: {from: [\(String(repeating: "y", count: 30000))], to: done, by: [editor]}\n"
        #expect { try WorkflowLoader(file: "long.yaml").load(yaml: yaml) } throws: { error in
            let message = (error as? WorkflowError)?.message ?? ""
            return message.contains("which `states` does not define") && !message.contains("did you mean")
        }
    }
}

@Suite struct YAMLAliasTests {
    @Test(arguments: [
        ("a: &x 1\nb: *x\n", 1, "&"),
        ("a: 1\nb: *x\n", 2, "*"),
        ("- *x\n", 1, "*"),
        ("a: [1, *x]\n", 1, "*"),
        ("a: {k: *x}\n", 1, "*"),
        ("? *x\n: 1\n", 1, "*"),
        ("a: !!seq &x [1]\n", 1, "&"),
        ("a: \"multi\n  line\"\nb: *x\n", 3, "*"),
        ("a: |\n  * text\nb: *x\n", 3, "*"),
        // The timeout that fuzzing found: an alias bomb whose last alias is a mapping key.
        ("i: &i [*h, ?*h]\n", 1, "&"),
    ])
    func anAnchorOrAliasIsFoundOnItsLine(yaml: String, line: Int, indicator: String) {
        let use = YAMLAliases.firstUse(in: yaml)
        #expect(use?.line == line && use.map { String($0.indicator) } == indicator)
    }

    @Test(arguments: [
        "description: R&D and Q & A\n",
        "description: a * b, *not an alias*\n",
        "description: \"*quoted*\" and more\n",
        "description: '*it''s* quoted'\n",
        "description: x # *a comment*\n# &another\n",
        "description: |\n  * a list in a block\n  & more\n\nname: t\n",
        "description: >-\n    *folded*\n",
        "a: [x*y, \"*\", '&']\n",
        "url: http://a.example/*x\n",
        "- item - *text\n",
    ])
    func textThatOnlyLooksLikeAnIndicatorIsText(yaml: String) {
        #expect(YAMLAliases.firstUse(in: yaml) == nil)
    }

    @Test(arguments: ["standard", "two-person"])
    func theShippedWorkflowsUseNoAnchors(name: String) throws {
        #expect(YAMLAliases.firstUse(in: try WorkflowSource.named(name).yaml) == nil)
    }
}
