import ArgumentParser
import Foundation
import Testing
import FactDeskKit
@testable import factdesk

@Suite struct ReportTests {
    @Test func theReportIsRightToLeftHighlightsClaimsAndEscapesEverything() throws {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds/000_9a4494d048ed1904.txt").path,
                                "--outlet", "CNN <b>bold</b>"])
        try desk.expectSuccess(["assign", "6", "--to", "sara"])
        let scripted = try desk.run(["dispute", "6", "--note", "x", "--evidence", "javascript:alert(1)"])
        #expect(scripted.status == 65 && scripted.stderr.contains("is not an http or https address"))
        try desk.expectSuccess(["dispute", "6", "--note", "<script>alert('x')</script>", "--evidence", "\"><img src=x> تقرير"])
        let result = try desk.run(["report", "1", "--out", "report.html"])
        #expect(result.status == 0)
        let html = try String(contentsOf: desk.folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert("))
        #expect(!html.contains("<img") && !html.contains("<b>bold"))
        #expect(html.contains("<mark class=\"disputed\" id=\"m6\" title=\"الادعاء رقم 6 · غير صحيح · sara\">"))
        #expect(html.components(separatedBy: "<mark class=").count - 1 >= 30)
        #expect(html.contains("<span class=\"disputed\">ادعاء واحد مفنَّد</span>"))
        #expect(html.contains("<section class=\"claim disputed\" id=\"c6\">"))
        // The article is all there, in order, around the highlights.
        let article = try String(contentsOf: packageRoot.appendingPathComponent("seeds/000_9a4494d048ed1904.txt"), encoding: .utf8)
        #expect(html.contains("ترامب &quot;ليس في عجلة من أمره&quot; لضرب إيران"))
        let body = try #require(html.range(of: "<article lang=\"ar\" dir=\"rtl\">").flatMap { start in
            html.range(of: "</article>", range: start.upperBound..<html.endIndex).map { html[start.upperBound..<$0.lowerBound] }
        })
        let text = body.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        #expect(text == article, "the article's every character, in order, with only the highlights added")
        #expect(try desk.run(["report", "9"]).status == 66)
    }

    @Test func theReportWritesOutDirectionControlsAndForbidsScriptsAndOutsideLoads() throws {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds/000_9a4494d048ed1904.txt").path,
                                "--title", "Report \u{202E}txt.exe\u{202C} \u{2067}x\u{2069}", "--outlet", "CNN \u{200F}"])
        try desk.expectSuccess(["note", "6", "see \u{202D}the page\u{202C}"])
        try desk.expectSuccess(["report", "1", "--out", "report.html"])
        let html = try String(contentsOf: desk.folder.appendingPathComponent("report.html"), encoding: .utf8)
        let controls = (0x202A...0x202E).map { $0 } + (0x2066...0x2069).map { $0 } + [0x200E, 0x200F, 0x061C]
        #expect(!html.unicodeScalars.contains { controls.contains(Int($0.value)) })
        #expect(html.contains("<title lang=\"ar\">Report ⟨U+202E⟩txt.exe⟨U+202C⟩ ⟨U+2067⟩x⟨U+2069⟩</title>"))
        #expect(html.contains("<h1 lang=\"ar\" dir=\"rtl\">Report ⟨U+202E⟩txt.exe⟨U+202C⟩ ⟨U+2067⟩x⟨U+2069⟩</h1>"))
        #expect(html.contains("CNN ⟨U+200F⟩") && html.contains("see ⟨U+202D⟩the page⟨U+202C⟩"))
        let policy = try #require(html.range(of: #"<meta http-equiv="Content-Security-Policy" content="[^"]*">"#,
                                             options: .regularExpression).map { String(html[$0]) })
        #expect(policy.contains("default-src 'none'") && !policy.contains("script-src"))
        #expect(policy.contains("style-src 'unsafe-inline'") && !policy.contains("http:") && !policy.contains("https:") && !policy.contains("*"))
    }

    @Test func langEnWritesTheReportOfAnArabicArticleInEnglish() throws {
        let desk = try Binary()
        try desk.expectSuccess(["init"])
        try desk.expectSuccess(["source", "add", packageRoot.appendingPathComponent("seeds/000_9a4494d048ed1904.txt").path])
        try desk.expectSuccess(["assign", "6", "--to", "sara"])
        try desk.expectSuccess(["dispute", "6", "--note", "x", "--evidence", "https://example.org/a"])
        let english = try desk.run(["report", "1", "--lang", "en"])
        #expect(english.status == 0)
        #expect(english.stdout.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(english.stdout.contains("<span class=\"disputed\"><bdi>1</bdi> claim disputed</span>"))
        #expect(english.stdout.contains("<mark class=\"disputed\" id=\"m6\" title=\"claim 6 · Disputed · sara\">"))
        #expect(english.stdout.contains("<article lang=\"ar\" dir=\"rtl\">"))
        #expect(english.stdout.contains("ترامب &quot;ليس في عجلة من أمره&quot; لضرب إيران"))
        #expect(!english.stdout.contains("مفنَّد") && !english.stdout.contains("الادعاء رقم"))
        let arabic = try desk.run(["report", "1", "--lang", "ar"])
        #expect(arabic.status == 0 && arabic.stdout.contains("<html lang=\"ar\" dir=\"rtl\">") && arabic.stdout.contains("مفنَّد"))
    }

    @Test func langTakesOnlyTheInterfacesLanguages() throws {
        let command = try #require(try Factdesk.parseAsRoot(["report", "1", "--lang", "ar"]) as? Factdesk.Report)
        #expect(command.lang == .ar)
        #expect(try (Factdesk.parseAsRoot(["report", "1"]) as? Factdesk.Report)?.lang == nil)
        do {
            _ = try Factdesk.parseAsRoot(["report", "1", "--lang", "fr"])
            Issue.record("--lang fr was taken")
        } catch {
            let message = Factdesk.message(for: error)
            #expect(message.contains("'fr'") && message.contains("--lang") && !message.contains("\n"), "\(message)")
        }
        #expect(Factdesk.helpMessage(for: Factdesk.Report.self, columns: 400).contains("values: en, ar"))
    }
}
