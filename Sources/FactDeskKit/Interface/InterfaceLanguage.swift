import Foundation

/// A language the desk's interface speaks: its words, its direction, its numbers and dates.
///
/// The text the desk holds keeps its own language; this is the language of everything
/// around it (menus, buttons, refusals, counts, dates, emails and the annotated report).
public enum InterfaceLanguage: String, Sendable, CaseIterable, Codable, Equatable {
    case en
    case ar

    /// The direction the interface runs in.
    public var direction: String { self == .ar ? "rtl" : "ltr" }

    /// The language's name in itself, as the language switch shows it.
    public var ownName: String {
        switch self {
        case .en: "English"
        case .ar: "العربية"
        }
    }

    /// The language of a tag such as `ar-EG` or `en_GB`, if the interface speaks it.
    public init?(tag: String) {
        let primary = tag.trimmingCharacters(in: .whitespaces).lowercased()
            .split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        guard let language = InterfaceLanguage(rawValue: primary) else { return nil }
        self = language
    }

    /// The language an `Accept-Language` header prefers most among those the interface
    /// speaks (RFC 9110: weights from `q=`, a weight of 0 refuses); English when none is.
    public static func preferred(acceptLanguage header: String?) -> InterfaceLanguage {
        guard let header, !header.isEmpty, header.utf8.count <= 1_024 else { return .en }
        var best: (language: InterfaceLanguage, weight: Double, order: Int)?
        for (order, range) in header.split(separator: ",").prefix(32).enumerated() {
            let parts = range.split(separator: ";")
            guard let tag = parts.first, let language = InterfaceLanguage(tag: String(tag)) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "q" {
                    weight = Double(pair[1].trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
            guard weight > 0 else { continue }
            if best == nil || weight > best?.weight ?? 0 { best = (language, weight, order) }
        }
        return best?.language ?? .en
    }
}

/// How the interface writes digits: Western (0123) by default, or Eastern Arabic (٠١٢٣).
/// Only the interface's own numbers change; numbers inside a claim's text never do.
public enum DigitStyle: String, Sendable, CaseIterable, Codable, Equatable {
    case western
    case eastern

    /// `text` with its Western digits written in this style.
    public func apply(_ text: String) -> String {
        guard self == .eastern else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30, scalar.value <= 0x39, let eastern = Unicode.Scalar(scalar.value - 0x30 + 0x660) {
                scalars.append(eastern)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

/// The Arabic names of the Gregorian months a desk uses: the Levantine and Iraqi ones
/// (كانون الثاني) or the Egyptian and Gulf ones (يناير). Both are in every newsroom's use.
public enum MonthNames: String, Sendable, CaseIterable, Codable, Equatable {
    case levantine
    case egyptian
}

/// A reviewer's interface: the language, and the digits.
public struct InterfaceSetting: Sendable, Equatable, Codable {
    public var language: InterfaceLanguage
    public var digits: DigitStyle

    public init(language: InterfaceLanguage = .en, digits: DigitStyle = .western) {
        self.language = language
        self.digits = digits
    }
}
