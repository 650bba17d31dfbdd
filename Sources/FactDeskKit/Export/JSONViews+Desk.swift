import Foundation

// The `--json` shapes of the desk's workflow, its tokens, second factors and history check.

extension JSONView {
    /// `workflow show --json`, `workflow check --json` and `workflow install --json`.
    public struct WorkflowView: Encodable, Sendable {
        public struct StateView: Encodable, Sendable {
            public var name: String
            public var initial: Bool
            public var final: Bool
        }

        public struct TransitionView: Encodable, Sendable {
            public var name: String
            public var from: [String]
            public var to: String
            public var by: [String]
            public var note: Bool
            public var evidence: Int
            public var assigns: Bool
            /// The verdict a second person confirms; null for a transition that decides itself.
            @Nullable public var proposes: String?
            public var notBy: [String]

            enum CodingKeys: String, CodingKey {
                case name, from, to, by, note, evidence, assigns, proposes
                case notBy = "not_by"
            }
        }

        public var name: String
        public var states: [StateView]
        public var transitions: [TransitionView]

        public init(_ workflow: Workflow) {
            name = workflow.name
            states = workflow.states.map { StateView(name: $0.name, initial: $0.isInitial, final: $0.isFinal) }
            transitions = workflow.transitions.map {
                TransitionView(name: $0.name, from: $0.from, to: $0.to, by: $0.by.map(\.rawValue),
                               note: $0.requiresNote, evidence: $0.minimumEvidence, assigns: $0.setsAssignee,
                               proposes: $0.proposes, notBy: $0.notBy)
            }
        }
    }

    /// `token list --json` and `token create --json`; only the latter holds `token`.
    public struct TokenView: Encodable, Sendable {
        public var id: Int64
        public var name: String
        public var handle: String
        public var createdAt: String
        @Nullable public var expiresAt: String?
        public var revoked: Bool
        /// The secret, shown once when the token is made; the key is left out otherwise.
        public var token: String?

        enum CodingKeys: String, CodingKey {
            case id, name, handle, revoked, token
            case createdAt = "created_at"
            case expiresAt = "expires_at"
        }

        public init(_ token: APIToken, secret: String?) {
            id = token.id
            name = token.name
            handle = token.handle
            createdAt = ISO8601.string(from: token.createdAt)
            expiresAt = token.expiresAt.map(ISO8601.string)
            revoked = token.revokedAt != nil
            self.token = secret
        }
    }

    /// `2fa enable --json`.
    public struct TwoFactorView: Encodable, Sendable {
        public var handle: String
        public var uri: String
        public var recoveryCodes: [String]

        enum CodingKeys: String, CodingKey {
            case handle, uri
            case recoveryCodes = "recovery_codes"
        }

        public init(_ enrollment: TwoFactorEnrollment) {
            handle = enrollment.handle
            uri = enrollment.uri
            recoveryCodes = enrollment.recoveryCodes
        }
    }

    /// `audit verify --json`. A problem's `seq`, `claim_id` and `row` are left out when it has none.
    public struct AuditReportView: Encodable, Sendable {
        public struct ProblemView: Encodable, Sendable {
            public var kind: String
            public var seq: Int64?
            public var claimID: Int64?
            public var row: String?
            public var detail: String

            enum CodingKeys: String, CodingKey {
                case kind, seq, row, detail
                case claimID = "claim_id"
            }
        }

        public var intact: Bool
        public var events: Int
        public var claims: Int
        public var rows: Int
        public var signedEvents: Int
        public var signaturesChecked: Int
        /// The first signed event; left out while the desk has signed none.
        public var signingBegan: Int64?
        public var head: String
        public var problems: [ProblemView]

        enum CodingKeys: String, CodingKey {
            case intact, events, claims, rows, head, problems
            case signedEvents = "signed_events"
            case signaturesChecked = "signatures_checked"
            case signingBegan = "signing_began"
        }

        public init(_ report: AuditReport) {
            intact = report.intact
            events = report.events
            claims = report.claimsReplayed
            rows = report.rowsChecked
            signedEvents = report.signedEvents
            signaturesChecked = report.signaturesChecked
            signingBegan = report.signingBegan
            head = report.head
            problems = report.problems.map {
                ProblemView(kind: $0.kind.rawValue, seq: $0.seq, claimID: $0.claimID, row: $0.row, detail: $0.detail)
            }
        }
    }
}
