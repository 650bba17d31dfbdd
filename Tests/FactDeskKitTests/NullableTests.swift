import Foundation
import Testing
@testable import FactDeskKit

/// The one way a `--json` view writes an absent value as `null`.
@Suite struct NullableTests {
    struct Sample: Encodable {
        @Nullable var kept: String?
        @Nullable var count: Int?
        var omitted: String?
    }

    @Test func anAbsentValueIsWrittenAsNullAndAPlainOptionalIsLeftOut() throws {
        #expect(try JSONView.encode(Sample(kept: nil, count: nil, omitted: nil)) == """
            {
              "count" : null,
              "kept" : null
            }
            """)
        #expect(try JSONView.encode(Sample(kept: "نعم", count: 3, omitted: "x")) == """
            {
              "count" : 3,
              "kept" : "نعم",
              "omitted" : "x"
            }
            """)
    }

    @Test func aClaimWithoutAssigneeSpeakerSpanOrDeadlineKeepsEveryKey() throws {
        let claim = Claim(id: 7, sourceID: 2, text: "قال", state: "new", version: 1, createdBy: "sara",
                          createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0))
        let json = try JSONView.encode(JSONView.ClaimView(claim))
        for key in ["assignee", "speaker", "start", "end", "due_at"] {
            #expect(json.contains("\"\(key)\" : null"), "\(key) in \(json)")
        }
    }

    @Test func aTokenWithoutExpiryHasANullExpiryAndNoSecretOnceListed() throws {
        let token = APIToken(id: 1, name: "ci", handle: "sara", createdAt: Date(timeIntervalSince1970: 0), expiresAt: nil,
                             revokedAt: nil)
        let listed = try JSONView.encode(JSONView.TokenView(token, secret: nil))
        #expect(listed.contains("\"expires_at\" : null") && !listed.contains("\"token\""))
        #expect(try JSONView.encode(JSONView.TokenView(token, secret: "s3")).contains("\"token\" : \"s3\""))
    }
}
