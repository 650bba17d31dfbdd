import FactDeskKit
import Foundation
import Testing

/// The article read out of pages written in the markup of Arabic news sites (and one English
/// one), each with the text a person would call the article (its gold).
@Suite struct WebPageReaderTests {
    /// Benchmarks/extraction.py also reads opinion.html, which is not held to its gold here: its
    /// writer's closing note (a bio, in italics) is kept, as a closing correction would be.
    static let pages = ["plain", "jsonld", "br", "cp1256", "amp", "iso8859-6", "comments", "related", "mixed", "graph", "live",
                        "embeds", "english", "hashed", "teasers"]
    /// Phrases of the pages' furniture (menus, comments, captions, share bars, "read also", ads), never of an article.
    static let furniture = [
        "اقرأ أيضا", "البنك المركزي يبقي", "التعليقات", "هذه الأرقام لا تعكس", "رياضة", "محليات", "جميع الحقوق",
        "مبنى وزارة المالية", "فيسبوك", "عاجل", "لا جديد في هذه المحادثات", "أرشيف الأخبار", "ملفات تعريف",
        "مساحة إعلانية", "النسخة الكاملة", "صورة جوية", "ترشيد استهلاك", "أرسل لصديق", "استطلاع الرأي", "موسم جني التمور",
        "الأعداد السابقة", "أسكن في شقة", "تعليقات القراء", "الإيجار الذي أحصل عليه", "أضف تعليقك", "ممرضة تحضر",
        "الشائعات حول اللقاحات", "مواضيع ذات صلة", "نسخ الرابط", "الأكثر مشاهدة", "الأكثر قراءة", "آخر تحديث", "أسعار الخضر",
        "نسخة للطباعة", "مقالات مشابهة", "هيئة التحرير", "شؤون محلية", "تغطية مباشرة", "تحميل المزيد", "أحوال الطقس",
        "football_fed_example", "رفوف صيدلية", "قد يهمك أيضا", "قراءة في 3 دقائق", "حليب الأطفال في الصيدليات",
        "آخر الأخبار", "مزارعي القمح", "معرض الكتاب", "بيان لجنة الانضباط بشأن", "ملخص أبرز لقطات", "محرر رياضي يغطي", "الدوري المحلي",
        "Advertisement", "Morning Ledger", "Share on", "More from Business", "Skip to main", "Staff Reporter",
    ]
    static let folder = packageRoot.appendingPathComponent("Tests/FactDeskKitTests/Pages")

    static func page(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name + ".html"))
    }

    static func gold(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name + ".gold.txt"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Word-level F1 of a text against the gold: words split on white space and punctuation, counted as a multiset.
    static func f1(_ text: String, _ gold: String) -> Double {
        func words(_ s: String) -> [String: Int] {
            s.components(separatedBy: CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters))
                .filter { !$0.isEmpty }.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
        let (a, b) = (words(text), words(gold))
        let overlap = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        let (found, wanted) = (a.values.reduce(0, +), b.values.reduce(0, +))
        guard overlap > 0 else { return 0 }
        let precision = Double(overlap) / Double(found), recall = Double(overlap) / Double(wanted)
        return 2 * precision * recall / (precision + recall)
    }

    @Test(arguments: pages) func eachPageGivesItsArticleAndOnlyIt(_ name: String) throws {
        let article = try WebPageReader.article(from: try Self.page(name), contentType: nil, url: "https://outlet.example/\(name)")
        #expect(Self.f1(article.text, try Self.gold(name)) >= 0.95, "\(name): \(article.text)")
        // Paragraphs stay apart, as the gold has them.
        #expect(article.text.components(separatedBy: "\n\n").count == (try Self.gold(name)).components(separatedBy: "\n\n").count)
        for furniture in Self.furniture {
            #expect(!article.text.contains(furniture), "\(name) kept \(furniture)")
        }
    }

    @Test func theHeadFillsTheSourcesFields() throws {
        let plain = try WebPageReader.article(from: try Self.page("plain"), contentType: "text/html; charset=utf-8",
                                              url: "https://almarsad.example/economy/x?utm=1")
        #expect(plain.title == "وزارة المالية: عجز الموازنة يتراجع إلى 3.2 في المئة")
        #expect(plain.outlet == "صحيفة المرصد")
        #expect(plain.publishedOn == "2026-11-24")
        #expect(plain.language == "ar")
        #expect(plain.canonicalURL == "https://almarsad.example/economy/2026/11/24/deficit")
        let linked = try WebPageReader.article(from: try Self.page("jsonld"), contentType: nil, url: "https://alofoq.example/x")
        #expect(linked.outlet == "الأفق الإخباري")
        #expect(linked.publishedOn == "2026-11-30")
        #expect(linked.canonicalURL == "https://alofoq.example/news/88121")
    }

    @Test func embeddedPostsAndPullQuotesAreLeftOut() throws {
        let text = try WebPageReader.article(from: try Self.page("embeds"), contentType: nil, url: "https://a.example/").text
        // The pull quote repeats the article's sentence; the sentence is kept once, where the article has it.
        #expect(text.components(separatedBy: "لن نقبل بعد اليوم").count == 2)
        #expect(!text.contains("pic.twitter.com") && !text.contains("September 7"))
    }

    @Test func aColumnsDisclaimerIsLeftOut() throws {
        let text = try WebPageReader.article(from: try Self.page("opinion"), contentType: nil, url: "https://a.example/").text
        #expect(text.hasPrefix("كلما أعلنت حكومة") && !text.contains("المقالات المنشورة في قسم الرأي"))
    }

    @Test func unclosedParagraphsDoNotSwallowOneAnother() throws {
        let text = try WebPageReader.article(from: try Self.page("plain"), contentType: nil, url: "https://a.example/").text
        let paragraphs = text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 4)
        #expect(paragraphs[0].hasPrefix("أعلنت وزارة المالية") && !paragraphs[0].contains("وقال وزير المالية"))
    }

    @Test func aWindows1256PageNamedByTheHeaderAloneIsDecoded() throws {
        let html = "<html><body><div class=\"article\"><p>\(String(repeating: "أعلنت الحكومة خطة جديدة للنقل العام في المدن الكبرى. ", count: 4))</p></div></body></html>"
        let bytes = try #require(Self.iconv(html, to: "CP1256"))
        let article = try WebPageReader.article(from: bytes, contentType: "text/html; charset=windows-1256", url: "https://a.example/")
        #expect(article.text.hasPrefix("أعلنت الحكومة خطة جديدة"))
        let iso = try #require(Self.iconv(html, to: "ISO-8859-6"))
        #expect(try WebPageReader.article(from: iso, contentType: "text/html; charset=iso-8859-6", url: "https://a.example/").text
            .hasPrefix("أعلنت الحكومة"))
    }

    @Test func aJSONLDBodyWithMarkupOrEntitiesReadsAsText() throws {
        let sentence = "أعلنت البلدية إغلاق الجسر القديم أمام الشاحنات الثقيلة حتى نهاية أعمال الترميم"
        func page(_ body: String) -> Data {
            let json = String(data: try! JSONSerialization.data(withJSONObject: ["@type": "NewsArticle", "articleBody": body]), encoding: .utf8)!
            return Data("<html><head><script type=\"application/ld+json\">\(json)</script></head><body></body></html>".utf8)
        }
        let tagged = try WebPageReader.article(from: page("<p>\(sentence)&nbsp;الأسبوع المقبل.</p>\n<p><a href=\"/x\">\(sentence)</a>.</p>"),
                                               contentType: nil, url: "https://a.example/")
        #expect(tagged.text == "\(sentence) الأسبوع المقبل.\n\n\(sentence).")
        let escaped = try WebPageReader.article(from: page("قال &quot;\(sentence)&quot;.\n\(sentence)."), contentType: nil, url: "https://a.example/")
        #expect(escaped.text == "قال \"\(sentence)\".\n\n\(sentence).")
    }

    @Test func anUnknownCharsetIsRefusedByName() throws {
        #expect(throws: DeskError.unreadableCharset("shift_jis")) {
            try WebPageReader.article(from: Data("<p>x</p>".utf8), contentType: "text/html; charset=Shift_JIS", url: "https://a.example/")
        }
        #expect(throws: DeskError.invalidPageBytes(charset: "utf-8")) {
            try WebPageReader.article(from: Data([0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x80]), contentType: "text/html; charset=utf-8", url: "https://a.example/")
        }
    }

    @Test func aPageOfFurnitureOnlyHasNoArticle() throws {
        let html = "<html><body><nav><a href=/>الرئيسية</a> <a href=/a>سياسة</a></nav><div class=\"comments\"><p>"
            + String(repeating: "تعليق طويل من قارئ لا علاقة له بأي مقال منشور. ", count: 5) + "</p></div><footer>حقوق</footer></body></html>"
        #expect(throws: DeskError.noArticleText(url: "https://a.example/")) {
            try WebPageReader.article(from: Data(html.utf8), contentType: "text/html", url: "https://a.example/")
        }
    }

    @Test func hostileMarkupNeitherCrashesNorHangs() throws {
        let deep = String(repeating: "<div>", count: 20_000) + "<p>نص</p>" + String(repeating: "</div>", count: 20_000)
        #expect(throws: DeskError.self) { try WebPageReader.article(from: Data(deep.utf8), contentType: nil, url: "https://a.example/") }
        let json = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": 42}</script><p>قصير</p>"
        #expect(throws: DeskError.self) { try WebPageReader.article(from: Data(json.utf8), contentType: nil, url: "https://a.example/") }
    }

    static func iconv(_ text: String, to encoding: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        (process.standardInput, process.standardOutput) = (input, output)
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
