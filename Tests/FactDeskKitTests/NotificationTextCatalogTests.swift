import Foundation
import Testing
@testable import FactDeskKit

/// The keys of one part of the two catalogs, each counted key reduced to its name, and
/// the plural categories each counted key gives in `language`.
func catalogPart(_ part: [String: String]) -> (keys: Set<String>, forms: [String: Set<String>]) {
    var forms: [String: Set<String>] = [:]
    var keys: Set<String> = []
    for key in part.keys {
        let pieces = key.split(separator: "#", maxSplits: 1).map(String.init)
        keys.insert(pieces[0])
        if pieces.count == 2 { forms[pieces[0], default: []].insert(pieces[1]) }
    }
    return (keys, forms)
}

/// Inbox lines, subjects and emails in Arabic and English, from the catalog's mail part.
@Suite struct NotificationTextCatalogTests {
    /// 2025-04-18T18:13:20Z.
    static let moment = Date(timeIntervalSince1970: 1_745_000_000)

    /// An inbox item of `topic` about claim 7, with the detail that topic carries.
    static func entry(_ topic: InboxItem.Topic) -> Notifications.Entry {
        let detail: String? = switch topic {
        case .assigned, .due, .overdue: "2025-04-19T09:30:00Z"
        case .escalated: "2025-04-19T09:30:00Z omar"
        case .verdict, .approval: "disputed"
        case .reopened: "new evidence"
        case .mention: nil
        case .tip: "12"
        case .feedFailing: "3"
        case .webhookDisabled: "2"
        case .auditFailed: "event 5 does not follow event 4"
        }
        let item = InboxItem(handle: "layla", topic: topic, seq: nil, claimID: 7, key: "\(topic.rawValue):7", detail: detail,
                             createdAt: moment)
        return Notifications.Entry(item: item, event: nil, claim: nil)
    }

    @Test(arguments: [
        (1, "FactDesk: إشعار واحد ليوم 2025-04-18"),
        (2, "FactDesk: إشعاران ليوم 2025-04-18"),
        (3, "FactDesk: 3 إشعارات ليوم 2025-04-18"),
        (11, "FactDesk: 11 إشعارًا ليوم 2025-04-18"),
        (100, "FactDesk: 100 إشعار ليوم 2025-04-18"),
    ])
    func theArabicDigestSubjectTakesThePluralFormOfItsCount(count: Int, subject: String) {
        let entries = Array(repeating: Self.entry(.assigned), count: count)
        let mail = NotificationText.mail(entries, digest: true, language: "ar", name: "ليلى", includeNotes: false, baseURL: nil)
        #expect(mail.subject == subject)
    }

    @Test(arguments: [(1, "FactDesk: 1 notification of 2025-04-18"), (4, "FactDesk: 4 notifications of 2025-04-18")])
    func theEnglishDigestSubjectTakesOneOrOther(count: Int, subject: String) {
        let entries = Array(repeating: Self.entry(.due), count: count)
        #expect(NotificationText.mail(entries, digest: true, language: "en", name: "omar", includeNotes: false, baseURL: nil).subject == subject)
    }

    @Test(arguments: InboxItem.Topic.allCases)
    func everyTopicsLineIsFilledInInBothLanguages(topic: InboxItem.Topic) {
        let entry = Self.entry(topic)
        for outside in [false, true] {
            let english = NotificationText.line(entry, language: "en", outside: outside)
            let arabic = NotificationText.line(entry, language: "ar-EG", outside: outside)
            #expect(!english.isEmpty && !english.contains("{") && !english.contains("}"), "\(topic) in English: \(english)")
            #expect(!arabic.isEmpty && !arabic.contains("{") && !arabic.contains("}"), "\(topic) in Arabic: \(arabic)")
            #expect(arabic.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(topic) is Arabic")
            #expect(!english.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(topic) is English")
        }
        #expect(NotificationText.line(entry, language: "fr") == NotificationText.line(entry, language: "en"))
    }

    @Test func anEmailOfEveryTopicHasNoValueLeftUnfilled() {
        let entries = InboxItem.Topic.allCases.map(Self.entry)
        for language in ["en", "ar"] {
            for baseURL in [nil, "https://desk.example.org"] {
                let mail = NotificationText.mail(entries, digest: true, language: language, name: "layla", includeNotes: false, baseURL: baseURL)
                #expect(!mail.subject.contains("{") && !mail.text.contains("{") && !mail.html.contains("{"), "\(language)")
            }
        }
        let arabic = NotificationText.mail([Self.entry(.due)], digest: false, language: "ar", name: "ليلى", includeNotes: false,
                                           baseURL: "https://desk.example.org")
        #expect(arabic.subject == "FactDesk: يحين موعد الادعاء رقم 7 في 2025-04-19 09:30 UTC")
        #expect(arabic.text.hasPrefix("مرحبًا ليلى،\n\n") && arabic.html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(arabic.html.contains("غيّر ما يصلك من: <a href=\"https://desk.example.org/settings\">"))
    }

    @Test func theMailPartHasTheSameKeysAndEveryPluralFormInBothLanguages() {
        let (english, arabic) = (catalogPart(EnglishCatalog.mail), catalogPart(ArabicCatalog.mail))
        #expect(!english.keys.isEmpty && english.keys == arabic.keys)
        #expect(english.forms.keys.sorted() == arabic.forms.keys.sorted())
        for (key, forms) in english.forms { #expect(forms == ["one", "other"], "\(key)") }
        for (key, forms) in arabic.forms { #expect(forms == ["zero", "one", "two", "few", "many", "other"], "\(key)") }
        #expect((Array(EnglishCatalog.mail.keys) + Array(ArabicCatalog.mail.keys)).allSatisfy { $0.hasPrefix("mail_") })
    }
}
