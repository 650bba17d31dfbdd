import Foundation
import Testing
@testable import FactDeskKit

/// Who said it: speakers found in sentences of the sample articles, against labels a
/// reader gave them (`Labelled/speakers.json`: the article, the start of the sentence, and
/// its speaker, or null for a sentence nobody is said to have said).
@Suite struct SpeakerTests {
    struct Label: Decodable {
        var article: String
        var fragment: String
        var speaker: String?
    }

    @Test func speakersOfTheSampleArticlesMatchTheirLabels() throws {
        let labels = try JSONDecoder().decode([Label].self, from: Data(contentsOf: packageRoot.appendingPathComponent(
            "Tests/FactDeskKitTests/Labelled/speakers.json")))
        #expect(labels.count >= 40)
        var claimsOf: [String: [ExtractedClaim]] = [:]
        var right = 0
        var misses: [String] = []
        for label in labels {
            if claimsOf[label.article] == nil {
                let text = try String(contentsOf: packageRoot.appendingPathComponent("seeds/\(label.article)"), encoding: .utf8)
                claimsOf[label.article] = ClaimExtractor.claims(in: text)
            }
            let claim = try #require(claimsOf[label.article]?.first { $0.text.hasPrefix(label.fragment) }, "\(label.fragment)")
            if claim.speaker == label.speaker {
                right += 1
            } else {
                misses.append("\(label.fragment)…: \(claim.speaker ?? "none"), labelled \(label.speaker ?? "none")")
            }
        }
        let share = Double(right) / Double(labels.count)
        print("speakers: \(right) of \(labels.count) as labelled (\(Int((share * 100).rounded()))%)")
        for miss in misses { print("  missed: \(miss)") }
        #expect(share >= 0.95, "\(misses)")
    }

    @Test(arguments: [
        // A title with its name in apposition: the name, then the role.
        ("وصرح المتحدث باسم الرئاسة الروسية، دميتري بيسكوف، قائلًا: \"نحن مقتنعون\"", "دميتري بيسكوف، المتحدث باسم الرئاسة الروسية"),
        ("أعلن أكبر دبلوماسي في طهران عباس أراغتشي أنها اجتماع جيد", "عباس أراغتشي، أكبر دبلوماسي في طهران"),
        // The speaker ends before the object, and two speakers joined by و stay two.
        ("وأعلنت المملكة العربية السعودية وإيران إعادة العلاقات الدبلوماسية", "المملكة العربية السعودية؛ إيران"),
        ("حث وزير الخارجية الأمريكي ماركو روبيو الدول الأوروبية على اتخاذ قرار", "ماركو روبيو، وزير الخارجية الأمريكي"),
        ("أكد المسؤول الأمريكي اجتماعًا آخر الأسبوع المقبل", "المسؤول الأمريكي"),
        // Persian letters folded, the whole name of the agency kept, quotation marks dropped.
        ("قالت وکالة “نور نيوز” التابعة للمجلس الأعلى للأمن القومي الإيراني، إن", "وكالة نور نيوز التابعة للمجلس الأعلى للأمن القومي الإيراني"),
        // Names that begin like an article.
        ("وقال وزير الخارجية الإيراني حسين أمير عبد اللهيان إن", "حسين أمير عبد اللهيان، وزير الخارجية الإيراني"),
        ("وقال وزير الخارجية العماني بدر البوسعيدي إن المحادثات", "بدر البوسعيدي، وزير الخارجية العماني"),
        // Verbs of urging and warning.
        ("ودعت روسيا إلى حل سلمي", "روسيا"),
        ("وحذر نتنياهو من أن الاتفاق لن يلزم إسرائيل", "نتنياهو"),
    ])
    func aSentenceNamesItsSpeaker(sentence: String, speaker: String) {
        #expect(Attribution.find(in: sentence) == .speaker(speaker))
    }

    @Test func theSiteTheAgencyAndTheSpokesmanAreTheOnesTheArticleNamedBefore() {
        let article = """
            قال موقع “أكسيوس” الأمريكي إن مسؤولين أمريكيين وإيرانيين أجروا محادثات غير مباشرة في مسقط.
            ونقل “أكسيوس” عن متحدث باسم مجلس الأمن القومي في البيت الأبيض -لم يفصح عن اسمه- أن بلاده تفضل الدبلوماسية.
            وقال الموقع إن هذا التفاهم يمكن استخدامه لاحقا كأساس لمحادثات مستقبلية.
            وأضاف المتحدث إن الولايات المتحدة ما زالت تركز على ضبط سلوك إيران في المنطقة.
            """
        let speakers = ClaimExtractor.claims(in: article).map(\.speaker)
        #expect(speakers.count == 4)
        #expect(speakers[2] == "موقع أكسيوس الأمريكي")
        #expect(speakers[3] == "متحدث باسم مجلس الأمن القومي في البيت الأبيض")
    }

    @Test func aTitleThatFollowsItsHolderIsThemAndACanSentenceGoesOnWithThem() {
        let article = """
            وصرح عراقجي بأن المفاوضات استمرت قرابة أربع ساعات.
            وأشار كبير الدبلوماسيين الإيرانيين إلى أن الطرفين توصلا إلى تفاهم أفضل.
            كما وصف محادثات السبت بأنها خطوة إلى الأمام، مضيفًا أن هذا التقدم يسمح بالمضي قدمًا.
            كما أن الاتفاق السابق انهار بعد انسحاب واشنطن منه عام 2018.
            """
        let speakers = ClaimExtractor.claims(in: article).map(\.speaker)
        #expect(speakers == ["عراقجي", "عراقجي، كبير الدبلوماسيين الإيرانيين", "عراقجي، كبير الدبلوماسيين الإيرانيين", nil])
    }

    @Test(arguments: [
        // Indefinite: a senior official is someone new, not the previous speaker.
        ("وقال مسؤول أمريكي كبير إن الجولة انتهت", "مسؤول أمريكي كبير"),
        ("وصرح مسؤول كبير في الإدارة الأمريكية بأن الجولة انتهت", "مسؤول كبير في الإدارة الأمريكية"),
        // Definite, but of another nationality than the previous speaker's role.
        ("وأكد المسؤول الأمريكي أن الجولة انتهت", "المسؤول الأمريكي"),
    ])
    func aTitleOfSomeoneElseIsNotTheSpeakerBefore(sentence: String, speaker: String) {
        let article = "وقال المتحدث باسم وزارة الخارجية الإيرانية إسماعيل بقائي إن المحادثات بناءة.\n" + sentence + " في روما بعد أربع ساعات."
        #expect(ClaimExtractor.claims(in: article).last?.speaker == speaker)
    }
}
