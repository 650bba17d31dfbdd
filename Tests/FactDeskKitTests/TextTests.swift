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

@Suite struct ScalarTableTests {
    /// Every scalar of the Basic Multilingual Plane and beyond, sampled: the tables answer as
    /// Unicode's own properties do.
    @Test func theClassTablesAgreeWithUnicodesProperties() {
        for value in Array(0..<0x3000) + Array(stride(from: 0x3000, to: 0x110000, by: 97)) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(ScalarClass.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(ScalarClass.isAlphabetic(scalar) == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
    }

    @Test func aScalarSetHoldsExactlyItsScalarsOnBothSidesOfItsBitmap() {
        let members: [Unicode.Scalar] = ["\"", "،", "«", "\u{201C}", "\u{20FF}", "\u{2100}", "\u{1F600}"]
        let set = ScalarSet(members)
        for value in Array(0..<0x2200) + [0x1F600, 0x1F601, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(set.contains(scalar) == members.contains(scalar), "U+\(String(value, radix: 16))")
        }
        let joined = ScalarSet(["a"]).union(ScalarSet(["\u{1F600}", "b"]))
        #expect(joined.contains("a") && joined.contains("b") && joined.contains("\u{1F600}") && !joined.contains("c"))
    }

    /// The sentence is cut where the old split on white space cut it, and a quotation mark
    /// glued between two words still ends the first.
    @Test func tokensSplitOnAnyWhiteSpaceAndAtAGluedQuotationMark() {
        #expect(Attribution.tokens("  وقال\u{00A0}عراقجي\t\u{2003}إن  ") == ["وقال", "عراقجي", "إن"])
        #expect(Attribution.tokens("جدا“وأضاف المسؤول") == ["جدا“", "وأضاف", "المسؤول"])
        #expect(Attribution.tokens("“قال") == ["“قال"])
        #expect(Attribution.tokens("") == [])
    }
}

@Suite struct SourceTitleTests {
    @Test func theTitleIsTheFirstLineThatIsNotBlankTrimmedAndShortened() {
        #expect(NewSource(body: "\n  \n\t عنوان المقال  \r\nالنص").resolvedTitle == "عنوان المقال")
        #expect(NewSource(body: "سطر واحد").resolvedTitle == "سطر واحد")
        #expect(NewSource(body: " \n \n").resolvedTitle == "")
        #expect(NewSource(body: "\u{2028}أول\u{2029}ثان").resolvedTitle == "أول")
        let long = String(repeating: "كلمة ", count: 40)
        let title = NewSource(body: long + "\nبقية").resolvedTitle
        #expect(title.count == 120 && title.hasSuffix("…") && long.hasPrefix(String(title.dropLast())))
        #expect(NewSource(body: "النص", title: "عنوان معطى").resolvedTitle == "عنوان معطى")
    }
}
