import Foundation
import Testing
@testable import FactDeskKit

/// The desk's refusals and errors in both interface languages: the command line's English
/// unchanged, an Arabic sentence for every case, and one catalog that both agree on.
@Suite struct ErrorTextTests {
    /// An error and the English sentence the command line printed for it before the
    /// sentences moved into the catalog.
    struct Case: Sendable, CustomTestStringConvertible {
        var error: any FactDeskError
        var english: String
        var testDescription: String { english }
    }

    static let page = "https://example.org/a"
    static let feed = "https://example.org/feed"

    static let cases: [Case] = [
        Case(error: DeskError.claimNotFound(7), english: "no claim 7 in this desk; `factdesk claim list` shows the claims"),
        Case(error: DeskError.reviewerNotFound("omar"),
             english: "no reviewer 'omar' in this desk; an editor adds one with `factdesk reviewer add omar`"),
        Case(error: DeskError.transitionNotAllowed(claim: 3, transition: "publish", state: "draft", allowed: ["assign", "reject"]),
             english: "claim 3 is 'draft': 'publish' is not allowed; from 'draft' you can: assign, reject"),
        Case(error: DeskError.transitionNotAllowed(claim: 3, transition: "publish", state: "published", allowed: []),
             english: "claim 3 is 'published': 'publish' is not allowed, and no transition leaves 'published'"),
        Case(error: DeskError.notPermitted(actor: "omar", transition: "publish", claim: 5, who: "an editor"),
             english: "omar may not publish claim 5: only an editor may"),
        Case(error: DeskError.evidenceRequired(transition: "propose", needed: 1, given: 0),
             english: "'propose' needs at least 1 evidence item (the claim has 0); add a URL or a citation"),
        Case(error: DeskError.evidenceRequired(transition: "propose", needed: 3, given: 1),
             english: "'propose' needs at least 3 evidence items (the claim has 1); add a URL or a citation"),
        Case(error: DeskError.versionConflict(claim: 4, expected: 2, actual: 3, lastChange: "layla ran assign"),
             english: "claim 4 changed since you looked (version 2, now 3: layla ran assign); run `factdesk claim show 4` and try again"),
        Case(error: DeskError.versionConflict(claim: 4, expected: 2, actual: 3, lastChange: nil),
             english: "claim 4 changed since you looked (version 2, now 3); run `factdesk claim show 4` and try again"),
        Case(error: DeskError.tooLarge(name: "the article", size: 2_000_000, limit: 1_048_576),
             english: "the article is 2000000 bytes, over the 1048576-byte limit"),
        Case(error: DeskError.tooLarge(name: "the article", size: nil, limit: 1_048_576),
             english: "the article is over the 1048576-byte limit"),
        Case(error: DeskError.unknownMention("sarah", suggestion: "sara"),
             english: "the note mentions @sarah, who is not on the desk; did you mean @sara?"),
        Case(error: DeskError.unknownMention("zz", suggestion: nil),
             english: "the note mentions @zz, who is not on the desk; `factdesk reviewer list` shows the handles"),
        Case(error: DeskError.invalidFeed(url: feed, reason: .documentType),
             english: feed + " is not a feed FactDesk reads: it declares a document type (<!DOCTYPE or <!ENTITY), which feeds do not need;"
                + " give the address of its RSS, Atom or JSON Feed"),
        Case(error: DeskError.invalidFeed(url: feed, reason: .malformedXML(libxml2Error: 76)),
             english: feed + " is not a feed FactDesk reads: its XML is malformed (libxml2 error 76); give the address of its RSS, Atom or JSON Feed"),
        Case(error: DeskError.invalidFeed(url: feed, reason: .malformedXML(libxml2Error: nil)),
             english: feed + " is not a feed FactDesk reads: its XML is malformed (unclosed elements); give the address of its RSS, Atom or JSON Feed"),
        Case(error: DeskError.tooManyTips(limit: 20),
             english: "this address has sent 20 tips within the hour, the most the desk takes; try again later"),
        Case(error: AccessError.lockedOut(minutes: 1), english: "too many failed logins; try again in 1 minute"),
        Case(error: AccessError.lockedOut(minutes: 15), english: "too many failed logins; try again in 15 minutes"),
        Case(error: AccessError.secondFactorRequired(.editors),
             english: "this desk requires two-factor logins for editors; turn yours on with `factdesk 2fa enable`, or ask an editor to, then log in with a code"),
        Case(error: AccessError.tokenNotFound(9), english: "no API token 9 of yours; `factdesk token list` shows them"),
        Case(error: StoreError.busy(seconds: 5), english: "the desk is busy: another factdesk held it for more than 5 s; try again"),
        Case(error: StoreError.busy(seconds: 2.5), english: "the desk is busy: another factdesk held it for more than 2.5 s; try again"),
        Case(error: StoreError.readOnly(path: "desk.factdesk"),
             english: "desk.factdesk is read-only; make it writable (chmod u+w desk.factdesk) to use it, or work on a copy"),
        Case(error: StoreError.noDesk(path: "x.factdesk"), english: "no desk at x.factdesk; create one with `factdesk init`"),
        Case(error: FetchError.timedOut(address: page, seconds: 10),
             english: page + " did not answer within 10 s; try again later or raise --timeout"),
        Case(error: FetchError.unreachable(address: page, reason: "connection refused"),
             english: page + " cannot be reached (connection refused); check the address and the network"),
        Case(error: FetchError.status(address: page, code: 404, reason: "Not Found"),
             english: page + " answered 404 Not Found; check the address, or save the page and import the file"),
        Case(error: MailError.refused(host: "mail.example.org", command: "RCPT TO", reply: "550 no such user", code: 550),
             english: "mail.example.org refused RCPT TO: 550 no such user"),
        Case(error: MailError.refused(host: "mail.example.org", command: "RCPT TO", reply: "451 try later", code: 451),
             english: "mail.example.org refused RCPT TO: 451 try later (a temporary refusal: the message can be sent again later)"),
        Case(error: MailError.timedOut(host: "mail.example.org", seconds: 30),
             english: "the mail relay mail.example.org did not finish within 30 s; try again later, or check the relay"),
        Case(error: IntegrityError.workflowChanged("its states differ"),
             english: "the desk's workflow was changed outside FactDesk: its states differ; nothing is written until an editor runs"
                + " `factdesk workflow install` with the workflow the desk should run, and `factdesk audit verify` says what else changed"),
        Case(error: KeyError.noPrivateKey(handle: "sara", folder: "/keys"),
             english: "you do not hold sara's key: there is no sara.key in /keys; act as yourself, or set FACTDESK_KEYS to the folder that holds your key"),
        Case(error: KeyError.readableByOthers(path: "/k/sara.key"),
             english: "/k/sara.key can be read by other users, so it is not used; run `chmod 600 /k/sara.key` if it is yours, else make a new key"),
        Case(error: QRCodeError.tooLong(bytes: 500),
             english: "500 bytes are too many for a QR code of version 15 at level M (412 at most); shorten the desk's name"),
        Case(error: UTF8Text.Failure.invalid(offset: 3), english: "invalid UTF-8 at byte 3"),
        Case(error: UTF8Text.Failure.nul(offset: 12), english: "a NUL byte at byte 12, so it looks like a binary file"),
    ]

    static let arabic = Localizer(.ar)

    // MARK: - Every case in both languages

    @Test(arguments: cases)
    func theCommandLinesEnglishIsTheSentenceItAlwaysPrinted(_ example: Case) {
        #expect(example.error.description == example.english)
        #expect(example.error.message(in: .english) == example.english)
    }

    @Test(arguments: cases)
    func theArabicSentenceIsFilledInAndIsArabic(_ example: Case) {
        let text = example.error.message(in: Self.arabic)
        #expect(!text.contains("{"), "\(text)")
        #expect(text.unicodeScalars.contains { (0x0621...0x064A).contains($0.value) }, "\(text)")
        #expect(text != example.english)
        #expect(text != Self.arabic.text(example.error.kind.sentenceKey), "the case has its own sentence, not its kind's")
    }

    @Test func theArabicSentenceKeepsCommandsAndValuesInLatinScript() {
        let text = DeskError.claimNotFound(7).message(in: Self.arabic)
        #expect(text.contains("`factdesk claim list`"))
        #expect(text.contains("7"))
        #expect(KeyError.readableByOthers(path: "/k/sara.key").message(in: Self.arabic).contains("`chmod 600 /k/sara.key`"))
    }

    @Test(arguments: [(1, "دقيقة واحدة"), (2, "دقيقتين"), (5, "5 دقائق"), (15, "15 دقيقة")])
    func aCountedArabicSentenceTakesThePluralFormOfItsNumber(minutes: Int, phrase: String) {
        #expect(AccessError.lockedOut(minutes: minutes).message(in: Self.arabic).hasSuffix(phrase))
    }

    @Test func easternDigitsReachTheCountedNumberOfAnArabicSentence() {
        let eastern = Localizer(.ar, digits: .eastern)
        #expect(AccessError.lockedOut(minutes: 5).message(in: eastern).hasSuffix("٥ دقائق"))
    }

    // MARK: - Errors without a catalog sentence

    @Test func aWorkflowErrorStaysEnglishOnTheCommandLineAndSaysItsKindInArabic() {
        let error = WorkflowError(file: "standard.yaml", line: 3, message: "unknown key 'stats'")
        #expect(error.message(in: .english) == "standard.yaml:3: unknown key 'stats'")
        #expect(error.message(in: Self.arabic) == Self.arabic.text("error_kind_invalid_input"))
        #expect(error.message(in: Self.arabic).unicodeScalars.contains { (0x0621...0x064A).contains($0.value) })
    }

    @Test func aFreeTextCaseIsPrintedAsGivenAndSaysItsKindInArabic() {
        let error = DeskError.invalidValue("the rating 'maybe' is not on the scale")
        #expect(error.description == "the rating 'maybe' is not on the scale")
        #expect(error.message(in: .english) == "the rating 'maybe' is not on the scale")
        #expect(error.message(in: Self.arabic) == Self.arabic.text("error_kind_invalid_input"))
        #expect(StoreError.accessDenied("no").message(in: Self.arabic) == Self.arabic.text("error_kind_permission_denied"))
    }

    @Test(arguments: FailureKind.allCases)
    func everyKindOfFailureHasASentenceInBothLanguages(kind: FailureKind) {
        #expect(EnglishCatalog.errors[kind.sentenceKey] != nil)
        #expect(ArabicCatalog.errors[kind.sentenceKey] != nil)
        let others = FailureKind.allCases.filter { $0 != kind }.map(\.sentenceKey)
        #expect(!others.contains(kind.sentenceKey))
    }

    // MARK: - The catalog

    @Test func everyKeyOfTheErrorsPartIsInBothLanguagesWithTheSameValues() {
        let english = Self.forms(EnglishCatalog.errors), arabic = Self.forms(ArabicCatalog.errors)
        #expect(!english.isEmpty)
        #expect(Set(english.keys) == Set(arabic.keys))
        for (key, englishForms) in english {
            guard let arabicForms = arabic[key] else { continue }
            let names = Set(englishForms.values.map(Self.names))
            #expect(names.count == 1, "\(key): its English forms name different values")
            for (form, text) in arabicForms {
                #expect(Self.names(text) == names.first, "\(key)#\(form)")
            }
            let counted = englishForms.keys.contains { !$0.isEmpty }
            #expect(Set(englishForms.keys) == (counted ? ["one", "other"] : [""]), "\(key)")
            #expect(Set(arabicForms.keys) == (counted ? Set(PluralCategory.allCases.map(\.rawValue)) : [""]), "\(key)")
            if counted {
                #expect(englishForms["other"]?.contains("{n}") == true && arabicForms["other"]?.contains("{n}") == true, "\(key)")
            }
        }
    }

    @Test func everyKeyOfTheErrorsPartIsWrittenOutInTheSourcesAndNoneIsMissing() throws {
        let folder = packageRoot.appendingPathComponent("Sources/FactDeskKit")
        var literals: Set<String> = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.lastPathComponent.contains("Catalog+") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /"(error_[a-z0-9_]+)"/) { literals.insert(String(match.1)) }
        }
        let keys = Set(Self.forms(EnglishCatalog.errors).keys)
        #expect(keys.subtracting(literals).isEmpty, "unused: \(keys.subtracting(literals).sorted())")
        #expect(literals.subtracting(keys).isEmpty, "not in the catalog: \(literals.subtracting(keys).sorted())")
        #expect(keys.allSatisfy { $0.wholeMatch(of: /error_[a-z0-9_]+/) != nil })
    }

    /// The part's keys without their plural category, each with its forms ("" for a plain string).
    static func forms(_ part: [String: String]) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for (key, text) in part {
            let pieces = key.split(separator: "#", maxSplits: 1).map(String.init)
            result[pieces[0], default: [:]][pieces.count == 2 ? pieces[1] : ""] = text
        }
        return result
    }

    /// The `{names}` a string fills in, besides a counted string's `{n}`.
    static func names(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{([a-z_]+)\}/).map { String($0.1) }).subtracting(["n"])
    }
}
