/// The workflows that ship inside the `factdesk` binary, so that a single file is a whole install.
///
/// Each text is the file of the same name in `Workflows/`, byte for byte; a test keeps them equal.
public enum BuiltinWorkflows {
    /// The names `factdesk init --workflow` accepts without a path.
    public static let names = ["standard", "two-person"]

    /// The YAML text of a built-in workflow.
    public static func yaml(named name: String) -> String? {
        switch name {
        case "standard": standard
        case "two-person": twoPerson
        default: nil
        }
    }

    static let standard = #"""
# The standard review workflow: an editor assigns, a reviewer checks, a verdict is recorded.
# A verdict is corrected by reopening the claim, which keeps the first verdict in the history.
name: standard
description: One reviewer checks each claim; editors assign, skip and reopen.

states:
  new:
    initial: true
    description: Extracted or added, not yet assigned.
  assigned:
    description: A reviewer has been given the claim.
  in_review:
    description: The reviewer is checking it.
  verified:
    final: true
    description: The claim holds up against the evidence.
  disputed:
    final: true
    description: The evidence contradicts the claim.
  unverifiable:
    final: true
    description: The claim cannot be checked with what is available.
  skipped:
    final: true
    description: Not worth checking.

transitions:
  assign:
    from: [new, assigned, in_review]
    to: assigned
    by: [editor]
    assigns: true
    description: Give the claim to a reviewer, or hand it to another.
  start:
    from: [assigned]
    to: in_review
    by: [assignee]
    description: The assignee begins checking.
  verify:
    from: [assigned, in_review]
    to: verified
    by: [assignee, editor]
    requires: { note: true, evidence: 1 }
    description: The claim is true; say why and cite the evidence.
  dispute:
    from: [assigned, in_review]
    to: disputed
    by: [assignee, editor]
    requires: { note: true, evidence: 1 }
    description: The claim is false or misleading; say why and cite the evidence.
  unverifiable:
    from: [assigned, in_review]
    to: unverifiable
    by: [assignee, editor]
    requires: { note: true }
    description: The claim cannot be checked; say what was tried.
  skip:
    from: [new, assigned]
    to: skipped
    by: [editor]
    requires: { note: true }
    description: Not worth checking; say why.
  reopen:
    from: [verified, disputed, unverifiable, skipped]
    to: in_review
    by: [editor]
    requires: { note: true }
    description: Correct a verdict; the earlier one stays in the history.

# How verdicts are published (schema.org ClaimReview): a value from worst to best, and a label.
rating:
  worst: 1
  best: 5
  verdicts:
    verified: { value: 5, ar: صحيح, en: "True" }
    unverifiable: { value: 3, ar: لا يمكن التحقق منه, en: Unverifiable }
    disputed: { value: 1, ar: زائف, en: "False" }

"""#

    static let twoPerson = #"""
# The four-eyes workflow: a reviewer proposes a verdict, and a second person, an editor
# who did not propose it, approves or rejects it. No verdict rests on one person's word.
name: two-person
description: A reviewer proposes each verdict; another editor approves or rejects it.

states:
  new:
    initial: true
    description: Extracted or added, not yet assigned.
  assigned:
    description: A reviewer has been given the claim.
  in_review:
    description: The reviewer is checking it.
  awaiting_approval:
    description: A verdict is proposed and waits for a second person.
  verified:
    final: true
    description: The claim holds up against the evidence.
  disputed:
    final: true
    description: The evidence contradicts the claim.
  unverifiable:
    final: true
    description: The claim cannot be checked with what is available.
  skipped:
    final: true
    description: Not worth checking.

transitions:
  assign:
    from: [new, assigned, in_review]
    to: assigned
    by: [editor]
    assigns: true
    description: Give the claim to a reviewer, or hand it to another.
  start:
    from: [assigned]
    to: in_review
    by: [assignee]
    description: The assignee begins checking.
  verify:
    from: [assigned, in_review]
    to: awaiting_approval
    proposes: verified
    by: [assignee, editor]
    requires: { note: true, evidence: 1 }
    description: Propose that the claim is true; say why and cite the evidence.
  dispute:
    from: [assigned, in_review]
    to: awaiting_approval
    proposes: disputed
    by: [assignee, editor]
    requires: { note: true, evidence: 1 }
    description: Propose that the claim is false or misleading; say why and cite the evidence.
  approve:
    from: [awaiting_approval]
    to: proposal
    by: [editor]
    not_by: [verify, dispute]
    description: A second person accepts the proposed verdict.
  reject:
    from: [awaiting_approval]
    to: in_review
    by: [editor]
    not_by: [verify, dispute]
    requires: { note: true }
    description: A second person sends the claim back for more work; say why.
  unverifiable:
    from: [assigned, in_review]
    to: unverifiable
    by: [assignee, editor]
    requires: { note: true }
    description: The claim cannot be checked; say what was tried.
  skip:
    from: [new, assigned]
    to: skipped
    by: [editor]
    requires: { note: true }
    description: Not worth checking; say why.
  reopen:
    from: [verified, disputed, unverifiable, skipped]
    to: in_review
    by: [editor]
    requires: { note: true }
    description: Correct a verdict; the earlier one stays in the history.

# How verdicts are published (schema.org ClaimReview): a value from worst to best, and a label.
rating:
  worst: 1
  best: 5
  verdicts:
    verified: { value: 5, ar: صحيح, en: "True" }
    unverifiable: { value: 3, ar: لا يمكن التحقق منه, en: Unverifiable }
    disputed: { value: 1, ar: زائف, en: "False" }

"""#
}
