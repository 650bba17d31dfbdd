/// The workflows that ship inside the `factdesk` binary, so that a single file is a whole install.
///
/// Each text is the file of the same name in `Workflows/`, byte for byte; a test keeps them equal.
public enum BuiltinWorkflows {
    /// The names `factdesk init --workflow` accepts without a path.
    public static let names = ["standard"]

    /// The YAML text of a built-in workflow.
    public static func yaml(named name: String) -> String? {
        switch name {
        case "standard": standard
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

"""#
}
