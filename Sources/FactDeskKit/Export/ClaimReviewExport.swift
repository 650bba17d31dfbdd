import Foundation

/// A decided claim with what a published fact-check says about it.
public struct ReviewedClaim: Sendable {
    public var claim: Claim
    public var source: Source
    /// When and by whom the current verdict was reached.
    public var decidedAt: Date
    public var decidedBy: String
    /// The note given with the verdict, if any.
    public var note: String?
    /// Earlier verdicts that were reopened, oldest first.
    public var corrections: [(at: Date, previous: String, note: String?)]
    /// Other sources reporting the same fact (strong matches and confirmed links).
    public var otherAppearances: [Source]
}

/// Builds schema.org ClaimReview JSON-LD, the markup fact-checkers and search engines exchange.
public struct ClaimReviewExport: Sendable {
    public var organization: String
    public var organizationURL: String?
    /// Each review's URL is this with the claim id appended; without it reviews have no `url`.
    public var baseURL: String?
    /// `ar` or `en`: the language of the rating labels.
    public var language: String
    public var scale: RatingScale

    public init(organization: String, organizationURL: String?, baseURL: String?, language: String, scale: RatingScale) {
        self.organization = organization
        self.organizationURL = organizationURL
        self.baseURL = baseURL
        self.language = language
        self.scale = scale
    }

    /// One ClaimReview per claim whose verdict the scale rates.
    public func document(_ claims: [ReviewedClaim]) -> JSONLD {
        .array(claims.compactMap(review))
    }

    func review(_ reviewed: ReviewedClaim) -> JSONLD? {
        guard let verdict = scale.verdict(for: reviewed.claim.state), let id = reviewed.claim.id else { return nil }
        var review: [String: JSONLD] = [
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": .string(reviewed.claim.text),
            "datePublished": .string(day(reviewed.decidedAt)),
            "author": organizationNode,
            "reviewRating": .object([
                "@type": "Rating",
                "ratingValue": .int(verdict.value),
                "bestRating": .int(scale.best),
                "worstRating": .int(scale.worst),
                "alternateName": .string(verdict.label(language)),
            ]),
            "itemReviewed": claimNode(reviewed),
            "inLanguage": .string(reviewed.source.language),
        ]
        if let baseURL { review["url"] = .string(baseURL.hasSuffix("/") ? "\(baseURL)\(id)" : "\(baseURL)/\(id)") }
        if let note = reviewed.note { review["reviewBody"] = .string(note) }
        if !reviewed.corrections.isEmpty {
            review["correction"] = .array(reviewed.corrections.map { correction in
                .object([
                    "@type": "CorrectionComment",
                    "datePublished": .string(day(correction.at)),
                    "text": .string((language == "ar" ? "الحكم السابق: " : "earlier verdict: ")
                        + (scale.verdict(for: correction.previous)?.label(language) ?? correction.previous)
                        + (correction.note.map { ". \($0)" } ?? "")),
                ])
            })
        }
        return .object(review)
    }

    private var organizationNode: JSONLD {
        var node: [String: JSONLD] = ["@type": "Organization", "name": .string(organization)]
        if let organizationURL { node["url"] = .string(organizationURL) }
        return .object(node)
    }

    private func claimNode(_ reviewed: ReviewedClaim) -> JSONLD {
        let appearances = ([reviewed.source] + reviewed.otherAppearances).map(appearance)
        var node: [String: JSONLD] = [
            "@type": "Claim",
            "appearance": .array(appearances),
            "firstAppearance": firstAppearance(reviewed),
        ]
        if let speaker = reviewed.claim.speaker {
            node["author"] = .object(["@type": "Person", "name": .string(speaker)])
        }
        return .object(node)
    }

    /// The earliest published of the sources, or the claim's own source when dates are unknown.
    private func firstAppearance(_ reviewed: ReviewedClaim) -> JSONLD {
        let dated = ([reviewed.source] + reviewed.otherAppearances).filter { $0.publishedOn != nil }
        return appearance(dated.min { ($0.publishedOn ?? "") < ($1.publishedOn ?? "") } ?? reviewed.source)
    }

    private func appearance(_ source: Source) -> JSONLD {
        var node: [String: JSONLD] = ["@type": "CreativeWork", "headline": .string(source.title)]
        if let url = source.url { node["url"] = .string(url) }
        if let outlet = source.outlet { node["publisher"] = .object(["@type": "Organization", "name": .string(outlet)]) }
        if let published = source.publishedOn { node["datePublished"] = .string(published) }
        return .object(node)
    }

    private func day(_ date: Date) -> String {
        String(ISO8601.string(from: date).prefix(10))
    }
}

/// A JSON value for JSON-LD documents, encoded with sorted keys.
public indirect enum JSONLD: Encodable, Sendable, Equatable, ExpressibleByStringLiteral {
    case string(String)
    case int(Int)
    case array([JSONLD])
    case object([String: JSONLD])

    public init(stringLiteral value: String) {
        self = .string(value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
