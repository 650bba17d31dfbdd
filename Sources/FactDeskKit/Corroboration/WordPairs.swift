/// Words that news translations use for one another, each group read as one term.
///
/// The same wire story reaches Arabic through several translations: one says تخصيب and
/// another إثراء (enrich), one محادثات and another مفاوضات (talks), one استأنف and another
/// أعاد إحياء (resumed, revived). Claims that say the same thing in these words share
/// nothing word for word; grouped, they share the term. The groups are FactDesk's own, kept
/// small and specific to news: a word belongs to at most one group, and words whose senses
/// differ (عقد "held" and عقود "decades") are kept apart by their stems.
public enum WordPairs {
    /// Each group: a name for it (shown in a match's reasons) and its words, as written.
    static let groups: [(name: String, words: [String])] = [
        ("talks", ["مفاوضات", "محادثات", "مناقشات", "مباحثات", "تفاوض", "مفاوضين"]),
        ("enrich", ["تخصيب", "إثراء", "لتخصيب", "تخصب"]),
        ("resume", ["استأنف", "استئناف", "أعاد", "إحياء", "أحيا", "يستأنف"]),
        ("meet", ["اجتماع", "اجتماعا", "لقاء", "يلتقي", "التقى", "سنلتقي", "نلتقي", "جلسة", "جولة", "الاجتماع"]),
        ("another", ["أخرى", "آخر", "جديدة"]),
        ("next", ["المقبل", "القادم", "المقبلة", "القادمة"]),
        ("progress", ["تقدم", "تقدما", "أحرز", "أحرزنا", "أحرزت", "حققنا", "حقق"]),
        ("understanding", ["تفاهم", "فهم", "تفاهمات"]),
        ("lasted", ["استمرت", "دامت", "استغرقت"]),
        ("technical", ["خبراء", "فني", "فنية", "الفنيين", "الخبراء", "تقني", "تقنية"]),
        ("withdraw", ["انسحاب", "انسحب", "انسحبت", "تخلى", "الانسحاب"]),
        ("term", ["ولاية", "ولايته", "رئاسة", "منصبه"]),
        ("hostility", ["عداء", "العداء", "الأعداء", "عداوة", "خصومة", "الخصمين"]),
        ("right", ["حق", "حقها", "حقنا", "حقه"]),
        ("military", ["عسكري", "عسكرية", "العسكري"]),
        ("strike", ["ضربات", "ضربة", "ضرب", "هجوم", "مهاجمة", "الهجمات", "هجمات", "هاجمت"]),
        ("critical", ["حاسمة", "حرجة", "الحاسمة"]),
        ("weapon", ["قنبلة", "سلاح", "أسلحة", "ترسانة", "الأسلحة"]),
        ("nuclear", ["نووي", "النووي", "نووية", "النووية", "ذرية", "الذرية"]),
        ("stop", ["وقف", "توقف", "توقفه", "تجميد", "إيقاف"]),
        ("campaign", ["حملة", "حملته"]),
        ("maximum", ["الأقصى", "أقصى"]),
        ("rooms", ["غرف", "غرفتين", "غرفة"]),
        ("separate", ["منفصلة", "مختلفتين", "منفصلتين"]),
        ("delegations", ["الوفود", "المندوبون", "الوفدين", "الوفد", "وفد", "مندوبين", "وفود"]),
        ("mediate", ["وسيط", "الوسيط", "توسط", "بوساطة", "وساطة"]),
        ("europe", ["الأوروبيين", "الأوروبية", "أوروبا", "الأوروبيون"]),
        ("decide", ["قرار", "تقرير", "يقرر", "تقرر"]),
        ("support", ["الداعم", "دعم", "دعمها", "تدعم", "دعمه"]),
        ("positive", ["إيجابية", "إيجابي", "جيد", "جيدة", "جيدا"]),
        ("envoy", ["المبعوث", "مبعوث", "ومبعوث"]),
        ("led", ["بقيادة", "ترأس", "برئاسة", "يقود"]),
        ("usa", ["الأمريكي", "الأمريكية", "أمريكا", "الأمريكيين", "واشنطن", "الأميركي", "الأميركية"]),
        ("iran", ["إيران", "الإيراني", "الإيرانية", "طهران", "الإيرانيين"]),
        ("oman", ["عمان", "العمانية", "العماني", "العمانيون", "سلطنة"]),
        ("deal", ["اتفاق", "الاتفاق", "اتفاقية", "صفقة", "الصفقة", "الاتفاقية"]),
        ("agreed", ["اتفقا", "وافقوا", "وافقت", "اتفق", "اتفقوا", "اتفاقهما"]),
        ("hold", ["عقد", "تعقد", "ستعقد", "انعقاد", "انعقدت", "عقدت", "إجراء"]),
        ("continue", ["مواصلة", "ستواصل", "تواصل", "الاستمرار", "يستمر", "تستمر"]),
        ("israel", ["إسرائيل", "الإسرائيلية", "الإسرائيلي", "الإسرائيليين"]),
        ("russia", ["روسيا", "الروسية", "الروسي"]),
        ("deny", ["أنكر", "نفى", "تنفي", "أنكرت"]),
        ("hurry", ["عجلة"]),
        ("seek", ["تسعى", "السعي", "بالسعي", "يسعى"]),
    ]

    /// Each grouped stem, with its group's name.
    private static let conceptOfStem: [String: String] = {
        var map: [String: String] = [:]
        for group in groups {
            for word in group.words {
                for stem in LightStemmer.terms(word) where map[stem] == nil {
                    map[stem] = "~" + group.name
                }
            }
        }
        return map
    }()
    /// ``conceptOfStem`` looked up by bytes, as every word of every claim is.
    private static let conceptByBytes = WordMap(conceptOfStem)

    /// Each group's stems, by the term that stands for it.
    private static let stemsOfConcept: [String: [String]] = {
        var map: [String: Set<String>] = [:]
        for (stem, concept) in conceptOfStem { map[concept, default: []].insert(stem) }
        return map.mapValues { $0.sorted() }
    }()

    /// The term that stands for a stem: its group's (`~talks`), else the stem itself.
    public static func concept(_ stem: String) -> String {
        conceptByBytes[stem] ?? stem
    }

    /// The index stems a term stands for: a group's stems, or the stem itself.
    public static func stems(_ concept: String) -> [String] {
        stemsOfConcept[concept] ?? [concept]
    }

    /// Whether a term stands for a group of words rather than one stem.
    static func isGroup(_ term: String) -> Bool {
        term.hasPrefix("~")
    }
}
