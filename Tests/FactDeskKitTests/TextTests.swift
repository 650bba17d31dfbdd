import Foundation
import Testing
@testable import FactDeskKit

@Suite struct TextTests {
    @Test func aSpanIsCountedInUnicodeScalars() {
        let text = "قالَ عراقجي: المحادثات استمرت 4 ساعات."
        let range = TextSpan.locate("استمرت 4 ساعات", in: text)
        #expect(range == 23..<37)
        #expect(range.map { TextSpan.slice(text, $0) } == "استمرت 4 ساعات")
        #expect(TextSpan.locate("استمرت 5 ساعات", in: text) == nil)
    }

    @Test func matchingIsExactSoHarakatMatter() {
        #expect(TextSpan.locate("قال", in: "قالَ") == 0..<3)
        #expect(TextSpan.locate("قالَ", in: "قال") == nil)
    }

    @Test func theContextIsTheSentenceAroundTheSpan() throws {
        let text = "جملة أولى. وقال المسؤول إن النسبة بلغت 2.5 في المئة؟ جملة ثالثة."
        let range = try #require(TextSpan.locate("بلغت 2.5", in: text))
        let context = TextSpan.context(of: range, in: text)
        #expect(context.before == "وقال المسؤول إن النسبة ")
        #expect(context.span == "بلغت 2.5")
        #expect(context.after == " في المئة؟")
    }

    @Test func invalidUTF8IsLocatedByByteOffset() {
        #expect(UTF8Text.decode(Data([0x61, 0xD8, 0xA7, 0xC3])) == .failure(.invalid(offset: 3)))
        #expect(UTF8Text.decode(Data([0xED, 0xA0, 0x80])) == .failure(.invalid(offset: 0)))
        #expect(UTF8Text.decode(Data([0x61, 0x00, 0x62])) == .failure(.nul(offset: 1)))
        #expect(UTF8Text.decode(Data("عراقجي".utf8)) == .success("عراقجي"))
    }

    @Test(arguments: [("وقال عراقجي إن المحادثات", "ar"), ("The talks lasted four hours", "en"),
                      ("گفت‌وگوی ایران و آمریکا", "fa"), ("12345 --- !!!", "und")])
    func theLanguageComesFromTheScript(text: String, language: String) {
        #expect(ScriptDetector.language(of: text) == language)
    }

    @Test func theDigestIsSHA256() {
        #expect(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
