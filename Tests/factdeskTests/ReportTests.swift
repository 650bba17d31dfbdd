import Foundation
import Testing

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
        #expect(html.contains("<mark class=\"disputed\" id=\"m6\" title=\"claim 6 · disputed · sara\">"))
        #expect(html.components(separatedBy: "<mark class=").count - 1 >= 30)
        #expect(html.contains("<span class=\"disputed\">disputed: 1</span>"))
        #expect(html.contains("<section class=\"claim disputed\" id=\"c6\">"))
        // The article is all there, in order, around the highlights.
        let article = try String(contentsOf: packageRoot.appendingPathComponent("seeds/000_9a4494d048ed1904.txt"), encoding: .utf8)
        #expect(html.contains("ترامب &quot;ليس في عجلة من أمره&quot; لضرب إيران"))
        let body = try #require(html.range(of: "<article>").flatMap { start in
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
        #expect(html.contains("<title>Report ⟨U+202E⟩txt.exe⟨U+202C⟩ ⟨U+2067⟩x⟨U+2069⟩</title>"))
        #expect(html.contains("<h1>Report ⟨U+202E⟩txt.exe⟨U+202C⟩ ⟨U+2067⟩x⟨U+2069⟩</h1>"))
        #expect(html.contains("CNN ⟨U+200F⟩") && html.contains("see ⟨U+202D⟩the page⟨U+202C⟩"))
        let policy = try #require(html.range(of: #"<meta http-equiv="Content-Security-Policy" content="[^"]*">"#,
                                             options: .regularExpression).map { String(html[$0]) })
        #expect(policy.contains("default-src 'none'") && !policy.contains("script-src"))
        #expect(policy.contains("style-src 'unsafe-inline'") && !policy.contains("http:") && !policy.contains("https:") && !policy.contains("*"))
    }
}

