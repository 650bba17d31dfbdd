import Foundation
import Testing
@testable import FactDeskKit

@Suite struct WorkflowLabelTests {
    static let labelled = """
        name: labelled
        label: { en: Labelled review, ar: مراجعة موسومة }
        description:
          en: A workflow with words in two languages.
          ar: سير عمل بكلمات بلغتين.
        states:
          new:
            initial: true
            label: { en: New, ar: جديد }
            description: Not yet looked at.
          in_review:
            label: { en: In review }
          verified:
            final: true
            label: Checked
            description:
              en: The claim holds up.
              ar: تؤيد الأدلة الادعاء.
        transitions:
          start:
            from: [new]
            to: in_review
            by: [editor]
            label: { ar: ابدأ المراجعة, en: Start review }
            description: { ar: يبدأ المراجع التحقق. }
          verify:
            from: [in_review]
            to: verified
            by: [editor]
        """

    @Test func labelsAndDescriptionsAreReadInBothLanguages() throws {
        let workflow = try WorkflowLoader(file: "labelled.yaml").load(yaml: Self.labelled)
        #expect(workflow.label(in: .en) == "Labelled review" && workflow.label(in: .ar) == "مراجعة موسومة")
        #expect(workflow.summary(in: .en) == "A workflow with words in two languages.")
        #expect(workflow.summary(in: .ar) == "سير عمل بكلمات بلغتين.")
        #expect(workflow.summary == "A workflow with words in two languages.")
        let new = try #require(workflow.state(named: "new"))
        #expect(new.label(in: .en) == "New" && new.label(in: .ar) == "جديد")
        let verified = try #require(workflow.state(named: "verified"))
        #expect(verified.summary(in: .ar) == "تؤيد الأدلة الادعاء." && verified.summary(in: .en) == "The claim holds up.")
        let start = try #require(workflow.transition(named: "start"))
        #expect(start.label(in: .ar) == "ابدأ المراجعة" && start.label(in: .en) == "Start review")
        #expect(start.summary(in: .ar) == "يبدأ المراجع التحقق." && start.summary(in: .en) == nil)
    }

    @Test func aMissingLanguageFallsBackToEnglishThenToTheName() throws {
        let workflow = try WorkflowLoader(file: "labelled.yaml").load(yaml: Self.labelled)
        let inReview = try #require(workflow.state(named: "in_review"))
        #expect(inReview.label(in: .ar) == "In review")
        let verified = try #require(workflow.state(named: "verified"))
        #expect(verified.label(in: .en) == "Checked" && verified.label(in: .ar) == "Checked")
        let new = try #require(workflow.state(named: "new"))
        #expect(new.summary(in: .en) == "Not yet looked at." && new.summary(in: .ar) == "Not yet looked at.")
        let verify = try #require(workflow.transition(named: "verify"))
        #expect(verify.label(in: .ar) == "verify" && verify.summary(in: .ar) == nil)
    }

    @Test func aFileWithoutLabelsReadsAsBeforeWithTheNamesAsLabels() throws {
        let yaml = """
            name: plain_flow
            description: Nothing but names.
            states:
              new: { initial: true, description: Just in. }
              in_review: { description: Being checked. }
              done: { final: true }
            transitions:
              start_review: { from: [new], to: in_review, by: [editor], description: Begin. }
              finish: { from: [in_review], to: done, by: [editor] }
            """
        let workflow = try WorkflowLoader(file: "plain.yaml").load(yaml: yaml)
        #expect(workflow.label(in: .ar) == "plain flow" && workflow.summary(in: .ar) == "Nothing but names.")
        let inReview = try #require(workflow.state(named: "in_review"))
        #expect(inReview.label(in: .en) == "in review" && inReview.label(in: .ar) == "in review")
        #expect(inReview.summary == "Being checked." && inReview.summary(in: .ar) == "Being checked.")
        #expect(inReview.labels == nil && inReview.summaries == nil)
        let start = try #require(workflow.transition(named: "start_review"))
        #expect(start.label(in: .ar) == "start review" && start.summary(in: .en) == "Begin.")
    }

    /// Files whose words are wrong, the line the one-line error must name, and a phrase it must hold.
    static let refused: [(yaml: String, line: Int, phrase: String)] = [
        (WorkflowLoaderTests.base.replacingOccurrences(of: "    final: true", with: "    final: true\n    label: {fr: x}"),
         7, "'fr', which is not a language of the interface; give the text under en and ar only"),
        (WorkflowLoaderTests.base.replacingOccurrences(of: "    initial: true", with: "    initial: true\n    label:\n      en: New\n      de: Neu"),
         7, "'de', which is not a language of the interface"),
        (WorkflowLoaderTests.base + "\n    label: { en: Finish, ar: [a, b] }", 12, "'ar' of `label` of transition 'finish' must be text"),
        (WorkflowLoaderTests.base + "\n    label: { en: }", 12, "'en' of `label` of transition 'finish' must be text"),
        (WorkflowLoaderTests.base + "\n    label: [Finish]", 12, "`label` of transition 'finish' must be text, or one text per language"),
        (WorkflowLoaderTests.base + "\n    description: { en: Finish, fr: Finir }", 12,
         "`description` of transition 'finish' has 'fr', which is not a language"),
        ("label: {en: T, es: T}\n" + WorkflowLoaderTests.base, 1, "`label` of the workflow has 'es'"),
        (WorkflowLoaderTests.base + "\n    lable: { en: Finish }", 12, "unknown key 'lable'; did you mean 'label'?"),
    ]

    @Test(arguments: refused.indices)
    func aLabelInAnUnknownLanguageOrNotTextIsRefusedWithFileAndLine(index: Int) {
        let (yaml, line, phrase) = Self.refused[index]
        #expect {
            _ = try WorkflowLoader(file: "words.yaml").load(yaml: yaml)
        } throws: { error in
            guard let error = error as? WorkflowError else { return false }
            return error.line == line && error.message.contains(phrase)
                && error.description.hasPrefix("words.yaml:\(line): ") && !error.description.contains("\n")
        }
    }

    @Test(arguments: BuiltinWorkflows.names)
    func everyShippedStateAndTransitionHasItsWordsInEnglishAndArabic(name: String) throws {
        let workflow = try WorkflowSource.named(name).workflow
        func isArabic(_ text: String?) -> Bool {
            text?.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } == true
        }
        func isEnglish(_ text: String?) -> Bool {
            guard let text, !text.isEmpty else { return false }
            return !isArabic(text)
        }
        let words: [(String, WorkflowText?, WorkflowText?, String?)] = [(workflow.name, workflow.labels, workflow.summaries, workflow.summary)]
            + workflow.states.map { ($0.name, $0.labels, $0.summaries, $0.summary) }
            + workflow.transitions.map { ($0.name, $0.labels, $0.summaries, $0.summary) }
        for (what, labels, summaries, summary) in words {
            #expect(isEnglish(labels?[.en]) && isArabic(labels?[.ar]), "the label of \(what)")
            #expect(isEnglish(summaries?[.en]) && isArabic(summaries?[.ar]), "the description of \(what)")
            #expect(summary == summaries?[.en], "\(what) keeps its English description where commands read it")
        }
    }

    @Test func theShippedVerdictsReadAsAFactCheckerWritesThem() throws {
        let workflow = try WorkflowSource.named("standard").workflow
        #expect(workflow.state(named: "verified")?.label(in: .ar) == "صحيح")
        #expect(workflow.state(named: "disputed")?.label(in: .ar) == "غير صحيح")
        #expect(workflow.state(named: "unverifiable")?.label(in: .ar) == "تعذّر التحقق")
        #expect(workflow.state(named: "in_review")?.label(in: .en) == "In review")
        #expect(workflow.transition(named: "start")?.label(in: .ar) == "ابدأ المراجعة")
    }

    @Test func theStoredWorkflowKeepsItsWordsAndAnOlderStoredOneHasNone() throws {
        let workflow = try WorkflowSource.named("two-person").workflow
        let data = try JSONEncoder().encode(workflow)
        let decoded = try JSONDecoder().decode(Workflow.self, from: data)
        #expect(decoded == workflow)
        #expect(decoded.state(named: "awaiting_approval")?.label(in: .ar) == "بانتظار الاعتماد")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let state = (object?["states"] as? [[String: Any]])?.first { $0["name"] as? String == "verified" }
        #expect((state?["labels"] as? [String: String])?["ar"] == "صحيح")
        let old = #"{"name":"tiny","summary":"Old.","states":[{"name":"new","isInitial":true,"isFinal":false,"summary":"Fresh."},{"name":"done","isInitial":false,"isFinal":true}],"transitions":[{"name":"finish","from":["new"],"to":"done","by":["editor"],"requiresNote":false,"minimumEvidence":0,"setsAssignee":false,"notBy":[]}]}"#
        let older = try JSONDecoder().decode(Workflow.self, from: Data(old.utf8))
        #expect(older.labels == nil && older.state(named: "new")?.labels == nil)
        #expect(older.state(named: "new")?.summary(in: .ar) == "Fresh." && older.label(in: .ar) == "tiny")
    }
}
