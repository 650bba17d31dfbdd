import Foundation
import Testing
@testable import FactDeskKit

@Suite struct NormalizationTests {
    /// One case per rule: the raw text and what the normalizer makes of it.
    static let rules: [(String, String, String)] = [
        ("alef with hamza above", "أحمد", "احمد"),
        ("alef with hamza below", "إيران", "ايران"),
        ("alef with madda", "آذار", "اذار"),
        ("alef wasla", "ٱلله", "الله"),
        ("alef maqsura", "على", "علي"),
        ("ta marbuta", "جولة", "جوله"),
        ("tatweel", "عراقـــجي", "عراقجي"),
        ("harakat", "عِرَاقْجِيّ", "عراقجي"),
        ("tanween and dagger alef", "تقدمًا هٰذا", "تقدما هذا"),
        ("Persian yeh", "ایران", "ايران"),
        ("Persian keheh", "وکالة", "وكاله"),
        ("Arabic-Indic digits", "٤ ساعات", "4 ساعات"),
        ("Persian digits", "۱۲ روز", "12 روز"),
        ("Arabic decimal separator", "٢٫٥", "2.5"),
        ("Latin capitals", "CNN Baqaei", "cnn baqaei"),
    ]

    @Test(arguments: rules)
    func eachRuleFoldsItsLetters(rule: String, raw: String, normalized: String) {
        #expect(ArabicNormalizer.normalize(raw) == normalized, "\(rule)")
    }

    @Test func wordsKeepDecimalsTogetherAndDropPunctuation() {
        #expect(ArabicNormalizer.words("بنسبة ٢٫٥٪، و“قريباً”.") == ["بنسبه", "2.5", "و", "قريبا"])
    }

    @Test(arguments: [
        ("والمفاوضات", "مفاوض"), ("المفاوضات", "مفاوض"), ("مفاوضات", "مفاوض"), ("بالمفاوضات", "مفاوض"),
        ("للمفاوضات", "مفاوض"), ("الإيرانية", "ايران"), ("عراقجي", "عراقج"), ("ودعا", "دعا"), ("باريس", "باريس"),
        ("talks", "talks"),
    ])
    func theLightStemmerStripsCliticsAndSuffixes(word: String, stem: String) {
        #expect(LightStemmer.stem(ArabicNormalizer.normalize(word)) == stem)
    }

    @Test func spellingVariantsMeetAtOneTerm() {
        let variants = ["عراقجي", "عراقـــجي", "عِراقْجي", "وعراقجي"]
        #expect(Set(variants.map { LightStemmer.terms($0) }).count == 1)
    }
}

@Suite struct SegmentationTests {
    static func sentences(_ text: String) -> [String] {
        SentenceSegmenter.sentences(in: text).map(\.text)
    }

    @Test func sentencesEndAtArabicAndLatinPunctuationAndLineBreaks() {
        #expect(Self.sentences("انتهت الجولة. هل تستمر؟ نعم! سطر بلا نقطة\nسطر ثان۔") == [
            "انتهت الجولة.", "هل تستمر؟", "نعم!", "سطر بلا نقطة", "سطر ثان۔",
        ])
    }

    @Test func commasAndSemicolonsDoNotEndASentence() {
        #expect(Self.sentences("قال الوزير، في بيان؛ إن المحادثات بناءة.").count == 1)
    }

    @Test(arguments: ["ارتفعت النسبة إلى 2.5 في المئة.", "ارتفعت النسبة إلى ٢٫٥ في المئة.", "قالت U.S. officials إنها تتابع."])
    func aPointInsideANumberOrAbbreviationDoesNotEndASentence(text: String) {
        #expect(Self.sentences(text) == [text])
    }

    /// Real sentences of the seed articles that hold quotations of several sentences,
    /// some with mismatched quotation marks; each must stay one sentence.
    static let quotations: [(String, Int)] = [
        ("وقال: \"يمكنني القول إن هناك تقدمًا. لقد توصلنا إلى تفاهم واتفاق أفضل بشأن بعض المبادئ والأهداف في مفاوضات روما هذه \" .", 1),
        ("وأضاف: \"أود أن أرى ذلك، هذا خياري الأول. إذا كان هناك خيار ثانٍ، فأعتقد أنه سيكون سيئًا للغاية بالنسبة لإيران \" .", 1),
        ("“لدينا (…) لقد أجرينا مناقشات جيدة للغاية بشأن إيران. إيران تبدو يائسة لإبرام صفقة »وقال للصحفيين على متن طائرة الرئاسة يوم الجمعة.", 1),
        ("“الإثراء (النووية) هو حقنا غير القابل للتصرف ويجب أن يستمر. (…) نحن مستعدون لاتفاق مطمئن بشأن التخصيب”.وأكد السيد عراقتشي.", 2),
    ]

    @Test(arguments: quotations)
    func aQuotationOfSeveralSentencesStaysOne(text: String, count: Int) throws {
        let articles = try (0..<5).map { try seedArticle(String(format: "%03d", $0)) }
        #expect(articles.contains { $0.contains(text) })
        let found = Self.sentences(text)
        #expect(found.count == count)
        #expect(found.first?.contains(". ") == true)
    }

    @Test func mismatchedMarksOpenAndCloseAQuotation() {
        let text = "وصف الجو في عمان بأنه ”ايجابية جدا. حقا“ وأضاف أنه متفائل. جملة ثانية."
        #expect(Self.sentences(text) == ["وصف الجو في عمان بأنه ”ايجابية جدا. حقا“ وأضاف أنه متفائل.", "جملة ثانية."])
    }

    @Test func anUnclosedQuotationEndsWithItsLine() {
        #expect(Self.sentences("قال: “بدأنا. ثم توقفنا\nسطر آخر. وآخر.") == ["قال: “بدأنا. ثم توقفنا", "سطر آخر.", "وآخر."])
    }

    @Test func everySentenceOfEverySeedSlicesBackToItsText() throws {
        for index in 0..<5 {
            let article = try seedArticle(String(format: "%03d", index))
            let sentences = SentenceSegmenter.sentences(in: article)
            #expect(sentences.count > 5)
            for sentence in sentences {
                #expect(TextSpan.slice(article, sentence.range) == sentence.text)
            }
        }
    }
}

@Suite struct AttributionTests {
    /// Real sentences from the seed articles (cut after the attribution) and their speakers.
    static let cases: [(String, Attribution.Finding)] = [
        ("وصرح مسؤول كبير في الإدارة الأمريكية لشبكة CNN: \" اليوم، في روما", .speaker("مسؤول كبير في الإدارة الأمريكية")),
        ("وأشار عراقجي أيضًا إلى أن المفاوضات كانت \"إيجابية\"", .speaker("عراقجي")),
        ("ومع ذلك، قال عراقجي في منشور على منصة “إكس” إن الاتفاق النووي", .speaker("عراقجي")),
        ("ووفقًا للمتحدث باسم وزارة الخارجية الإيرانية، عُقدت الجولة الثانية", .speaker("المتحدث باسم وزارة الخارجية الإيرانية")),
        ("قال موقع “أكسيوس” الأمريكي إن مسؤولين أمريكيين وإيرانيين أجروا", .speaker("موقع أكسيوس الأمريكي")),
        ("وصرّح مسؤولون إيرانيون بأن المفاوضات بين الخبراء الفنيين ستبدأ", .speaker("مسؤولون إيرانيون")),
        ("وقال السيد أراغتشي خلال مقابلة مع قناة الجزيرة", .speaker("أراغتشي")),
        ("لكن أراغتشي قال يوم السبت إن فريق الولايات المتحدة", .speaker("أراغتشي")),
        ("وقال روبيو الجمعة: \"بالنسبة للأوروبيين", .speaker("روبيو")),
        ("ونقل الموقع عن مصادر أن منسق الشرق الأوسط", .speaker("الموقع")),
        ("وأكدت المصادر أن الولايات المتحدة أوضحت", .speaker("المصادر")),
        ("وقال: \"يمكنني القول إن هناك تقدمًا.", .previousSpeaker),
        ("وأضاف: “في الوقت الحالي، لم يتم تحديد موعد", .previousSpeaker),
        ("ولم يلتقِ ويتكوف وعراقجي إلا لفترة وجيزة خلال الجولة الأولى", .none),
        ("وجاءت مفاوضات السبت بعد أسبوع من انعقاد جولة أولى في العاصمة العمانية مسقط.", .none),
    ]

    @Test(arguments: cases)
    func theSpeakerIsFoundFromTheAttributionVerbOrPhrase(sentence: String, finding: Attribution.Finding) {
        #expect(Attribution.find(in: sentence) == finding)
    }
}

@Suite struct ExtractionTests {
    func claims(_ seed: String) throws -> [ExtractedClaim] {
        ClaimExtractor.claims(in: try seedArticle(seed))
    }

    @Test(arguments: [("000", "ترامب \"ليس في عجلة من أمره\" لضرب إيران"), ("002", "البحث عن تفاهم"), ("003", "الحفاظ على الضغط")])
    func headingsAreNotClaims(seed: String, heading: String) async throws {
        let article = try seedArticle(seed)
        #expect(article.contains(heading + "\n"))
        #expect(try claims(seed).allSatisfy { !$0.text.contains(heading) })
    }

    @Test func questionsAndBoilerplateAreNotClaims() {
        let text = "هل تنجح المفاوضات هذه المرة في روما؟\nشارك هذا المقال\nقال الوزير إن المحادثات استمرت أربع ساعات.\nاقرأ أيضا: تفاصيل الجولة الأولى"
        #expect(ClaimExtractor.claims(in: text).map(\.text) == ["قال الوزير إن المحادثات استمرت أربع ساعات."])
    }

    @Test func aQuotationIntroducedByWaqalBelongsToThePreviousSpeaker() throws {
        let claims = try claims("000")
        let quote = try #require(claims.first { $0.text.hasPrefix("وقال: \"يمكنني القول") })
        #expect(quote.speaker == "عراقجي")
    }

    @Test func aSpeakerNamedAfterAQuotationIsGivenToIt() throws {
        let claims = try claims("003")
        let quote = try #require(claims.first { $0.text.hasPrefix("“الإثراء (النووية)") })
        #expect(quote.speaker == "عراقتشي")
    }

    @Test func everyClaimKeepsItsExactSpan() throws {
        for index in 0..<5 {
            let seed = String(format: "%03d", index)
            let article = try seedArticle(seed)
            let found = try claims(seed)
            #expect(found.count >= 10)
            for claim in found {
                #expect(TextSpan.slice(article, claim.range) == claim.text)
            }
        }
    }

    @Test func theFourHourClaimIsCheckWorthyForItsReasons() async throws {
        let claim = try #require(try claims("000").first { $0.text.contains("على مدار 4 ساعات") })
        #expect(claim.worthiness.reasons.contains("number: 4"))
        #expect(claim.worthiness.reasons.contains("quotation"))
        #expect(claim.worthiness.reasons.contains("attribution: مسؤول كبير في الإدارة الأمريكية"))
        let plain = Worthiness.assess("ويعود العداء بين البلدين إلى عقود.", speaker: nil)
        #expect(plain.score < claim.worthiness.score)
        #expect(Worthiness.assess("استمرت أربع ساعات يوم السبت", speaker: nil).reasons == ["number: اربع", "date: السبت"])
    }
}
