import Foundation
import Testing
@testable import FactDeskKit

/// The annotated report in Arabic and English: its own words from the catalog's report
/// part, the article and its claims untouched in their own language and direction.
@Suite struct ReportLanguageTests {
    /// The first seed article as source 1, one claim disputed with a note and evidence,
    /// one assigned with a deadline, the rest new.
    private func report() async throws -> (ArticleReport, String) {
        let store = try await ClaimStore.inMemory(workflow: try WorkflowSource.named("standard"),
                                                  editor: NewReviewer(handle: "sara", role: .editor))
        try await store.team.addReviewer(NewReviewer(handle: "layla"), by: "sara")
        let article = try seedArticle()
        _ = try await store.imports.addSource(NewSource(body: article), by: "sara")
        try await store.review.apply(TransitionCommand(transition: "assign", claimIDs: [1, 2], actor: "sara", assignee: "layla",
                                                       due: Date(timeIntervalSince1970: 1_745_000_000)))
        try await store.review.apply(TransitionCommand(transition: "dispute", claimIDs: [1], actor: "layla", note: "البيان الرسمي ينقض الرقم",
                                                       evidence: [NewEvidence(url: "https://example.org/a", stance: .refutes)]))
        _ = try await store.review.addNote(to: 2, body: "بانتظار رد الوزارة", by: "layla")
        return (try await store.review.report(source: 1), article)
    }

    /// The page's own words: its body without the desk's text (elements that carry the
    /// source's `lang`, reviewers' text set `dir="auto"`, values isolated in `<bdi>`), with
    /// the tooltips it gives its highlights.
    private func interfaceText(_ html: String) -> String {
        var page = html.replacingOccurrences(of: "(?s)<head>.*?</head>", with: "", options: .regularExpression)
        let titles = page.matches(of: /title="([^"]*)"/).map { String($0.1) }
        for pattern in [#"(?s)<(h1|article|blockquote|del|ins) lang="[^"]*"[^>]*>.*?</\1>"#, #"(?s)<span (lang="[^"]*" )?dir="auto">.*?</span>"#,
                        "(?s)<bdi>.*?</bdi>", "<[^>]*>"] {
            page = page.replacingOccurrences(of: pattern, with: " ", options: [.regularExpression])
        }
        return ([page] + titles).joined(separator: "\n")
    }

    /// The words of each string of a catalog part, its `{values}` left out.
    private func fragments(_ part: [String: String]) -> Set<String> {
        var result: Set<String> = []
        for value in part.values {
            for piece in value.split(separator: /\{[a-z]+\}/) {
                let words = piece.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
                if words.count >= 3, words.contains(where: \.isLetter) { result.insert(words) }
            }
        }
        return result
    }

    /// The article as the page holds it, its highlights taken out and its escapes undone.
    private func articleText(_ html: String) throws -> String {
        let body = try #require(html.range(of: "<article lang=\"ar\" dir=\"rtl\">").flatMap { start in
            html.range(of: "</article>", range: start.upperBound..<html.endIndex).map { html[start.upperBound..<$0.lowerBound] }
        })
        return body.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func anArabicReportSpeaksArabicAroundTheUntouchedArticle() async throws {
        let (report, article) = try await report()
        let html = try report.render(language: .ar)
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<span class=\"disputed\">ادعاء واحد مفنَّد</span>"))
        #expect(html.contains("<span class=\"assigned\">ادعاء واحد مسند</span>"))
        #expect(html.contains("title=\"الادعاء رقم 1 · غير صحيح · layla\""))
        #expect(html.contains("<li>ينفي: <bdi>https://example.org/a</bdi>"))
        let shown = interfaceText(html)
        let english = fragments(EnglishCatalog.report).filter { shown.contains($0) }
        #expect(english.isEmpty, "English words of the report part in the Arabic page: \(english.sorted())")
        #expect(try articleText(html) == article)
    }

    @Test func anEnglishReportOfAnArabicArticleSpeaksEnglishAroundTheUntouchedArticle() async throws {
        let (report, article) = try await report()
        let html = try report.render(language: .en)
        #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(html.contains("<span class=\"disputed\"><bdi>1</bdi> claim disputed</span>"))
        #expect(html.contains("title=\"claim 1 · Disputed · layla\""))
        #expect(html.contains("<blockquote lang=\"ar\" dir=\"rtl\">"))
        let shown = interfaceText(html)
        let arabic = fragments(ArabicCatalog.report).filter { shown.contains($0) }
        #expect(arabic.isEmpty, "Arabic words of the report part in the English page: \(arabic.sorted())")
        #expect(!shown.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "no Arabic outside the desk's text")
        #expect(try articleText(html) == article)
    }

    @Test func aReportWithoutALanguageTakesArabicForAnArabicSource() async throws {
        let (report, _) = try await report()
        #expect(report.defaultLanguage == .ar)
        #expect(try report.render().contains("<html lang=\"ar\" dir=\"rtl\">"))
        var english = report
        english.source.language = "en"
        #expect(english.defaultLanguage == .en)
        #expect(try english.render(language: nil).contains("<html lang=\"en\" dir=\"ltr\">"))
    }

    @Test(arguments: [(1, "ادعاء واحد ثبتت صحته"), (2, "ادعاءان ثبتت صحتهما"), (3, "<bdi>3</bdi> ادعاءات ثبتت صحتها"),
                      (11, "<bdi>11</bdi> ادعاءً ثبتت صحتها"), (100, "<bdi>100</bdi> ادعاء ثبتت صحتها")])
    func theSummaryCountsTakeTheArabicPluralForms(count: Int, phrase: String) {
        #expect(ArticleReport.summary(of: "verified", count, Localizer(.ar)) == phrase)
    }

    @Test func theReportPartHasTheSameKeysAndEveryPluralFormInBothLanguages() {
        let (english, arabic) = (catalogPart(EnglishCatalog.report), catalogPart(ArabicCatalog.report))
        #expect(!english.keys.isEmpty && english.keys == arabic.keys)
        #expect(english.forms.keys.sorted() == arabic.forms.keys.sorted())
        for (key, forms) in english.forms { #expect(forms == ["one", "other"], "\(key)") }
        for (key, forms) in arabic.forms { #expect(forms == ["zero", "one", "two", "few", "many", "other"], "\(key)") }
        #expect((Array(EnglishCatalog.report.keys) + Array(ArabicCatalog.report.keys)).allSatisfy { $0.hasPrefix("report_") })
    }
}
