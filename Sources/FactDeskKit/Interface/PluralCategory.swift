/// A CLDR plural category: which form of a counted word a number takes.
///
/// Arabic uses all six (CLDR's plural rules for `ar`): zero for 0, one for 1, two for 2,
/// few when the number modulo 100 is 3–10, many when it is 11–99, other for the rest
/// (100–102, 200, 1000...). English uses one (1) and other.
public enum PluralCategory: String, Sendable, CaseIterable, Equatable {
    case zero, one, two, few, many, other

    /// The category of a whole number in `language`.
    public static func of(_ number: Int, in language: InterfaceLanguage) -> PluralCategory {
        let n = number.magnitude
        switch language {
        case .en:
            return n == 1 ? .one : .other
        case .ar:
            let hundreds = n % 100
            switch n {
            case 0: return .zero
            case 1: return .one
            case 2: return .two
            default:
                if (3...10).contains(hundreds) { return .few }
                if (11...99).contains(hundreds) { return .many }
                return .other
            }
        }
    }

    /// The categories a language's counted entries must give.
    public static func required(in language: InterfaceLanguage) -> [PluralCategory] {
        switch language {
        case .en: [.one, .other]
        case .ar: allCases
        }
    }
}
