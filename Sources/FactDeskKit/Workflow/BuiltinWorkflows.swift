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
# Each state and transition has a label and a description in English (en) and Arabic (ar).
name: standard
label: { en: Standard review, ar: المراجعة القياسية }
description:
  en: One reviewer checks each claim; editors assign, skip and reopen.
  ar: يتحقق مراجع واحد من كل ادعاء، ويتولى المحررون الإسناد والاستبعاد وإعادة الفتح.

states:
  new:
    initial: true
    label: { en: New, ar: جديد }
    description:
      en: Extracted or added, not yet assigned.
      ar: استُخرج أو أُضيف ولم يُسند بعد.
  assigned:
    label: { en: Assigned, ar: مُسند }
    description:
      en: A reviewer has been given the claim.
      ar: أُسند الادعاء إلى مراجع.
  in_review:
    label: { en: In review, ar: قيد المراجعة }
    description:
      en: The reviewer is checking it.
      ar: يتحقق المراجع منه الآن.
  verified:
    final: true
    label: { en: Verified, ar: صحيح }
    description:
      en: The claim holds up against the evidence.
      ar: تؤيد الأدلة الادعاء.
  disputed:
    final: true
    label: { en: Disputed, ar: غير صحيح }
    description:
      en: The evidence contradicts the claim.
      ar: تناقض الأدلة الادعاء.
  unverifiable:
    final: true
    label: { en: Unverifiable, ar: تعذّر التحقق }
    description:
      en: The claim cannot be checked with what is available.
      ar: لا يمكن التحقق من الادعاء بما هو متاح.
  skipped:
    final: true
    label: { en: Skipped, ar: مُستبعد }
    description:
      en: Not worth checking.
      ar: لا يستحق التحقق.

transitions:
  assign:
    from: [new, assigned, in_review]
    to: assigned
    by: [editor]
    assigns: true
    label: { en: Assign, ar: أسند }
    description:
      en: Give the claim to a reviewer, or hand it to another.
      ar: أسند الادعاء إلى مراجع، أو انقله إلى مراجع آخر.
  start:
    from: [assigned]
    to: in_review
    by: [assignee]
    label: { en: Start review, ar: ابدأ المراجعة }
    description:
      en: The assignee begins checking.
      ar: يبدأ المراجع المُسند إليه التحقق.
  verify:
    from: [assigned, in_review]
    to: verified
    by: [assignee, editor]
    requires: { note: true, evidence: 1 }
    label: { en: Verify, ar: أكّد الصحة }
    description:
      en: The claim is true; say why and cite the evidence.
      ar: الادعاء صحيح؛ اذكر السبب واستشهد بالأدلة.
  dispute:
    from: [assigned, in_review]
    to: disputed
    by: [assignee, editor]
    requires: { note: true, evidence: 1 }
    label: { en: Dispute, ar: فنّد الادعاء }
    description:
      en: The claim is false or misleading; say why and cite the evidence.
      ar: الادعاء خاطئ أو مضلل؛ اذكر السبب واستشهد بالأدلة.
  unverifiable:
    from: [assigned, in_review]
    to: unverifiable
    by: [assignee, editor]
    requires: { note: true }
    label: { en: Mark unverifiable, ar: سجّل تعذّر التحقق }
    description:
      en: The claim cannot be checked; say what was tried.
      ar: تعذّر التحقق من الادعاء؛ اذكر ما جرت محاولته.
  skip:
    from: [new, assigned]
    to: skipped
    by: [editor]
    requires: { note: true }
    label: { en: Skip, ar: استبعد }
    description:
      en: Not worth checking; say why.
      ar: الادعاء لا يستحق التحقق؛ اذكر السبب.
  reopen:
    from: [verified, disputed, unverifiable, skipped]
    to: in_review
    by: [editor]
    requires: { note: true }
    label: { en: Reopen, ar: أعِد الفتح }
    description:
      en: Correct a verdict; the earlier one stays in the history.
      ar: صحّح حكمًا؛ يبقى الحكم السابق في السجل.

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
# Each state and transition has a label and a description in English (en) and Arabic (ar).
name: two-person
label: { en: Two-person review, ar: المراجعة المزدوجة }
description:
  en: A reviewer proposes each verdict; another editor approves or rejects it.
  ar: يقترح المراجع كل حكم، ويعتمده محرر آخر أو يرفضه.

states:
  new:
    initial: true
    label: { en: New, ar: جديد }
    description:
      en: Extracted or added, not yet assigned.
      ar: استُخرج أو أُضيف ولم يُسند بعد.
  assigned:
    label: { en: Assigned, ar: مُسند }
    description:
      en: A reviewer has been given the claim.
      ar: أُسند الادعاء إلى مراجع.
  in_review:
    label: { en: In review, ar: قيد المراجعة }
    description:
      en: The reviewer is checking it.
      ar: يتحقق المراجع منه الآن.
  awaiting_approval:
    label: { en: Awaiting approval, ar: بانتظار الاعتماد }
    description:
      en: A verdict is proposed and waits for a second person.
      ar: اقتُرح حكم وهو بانتظار اعتماد شخص ثانٍ.
  verified:
    final: true
    label: { en: Verified, ar: صحيح }
    description:
      en: The claim holds up against the evidence.
      ar: تؤيد الأدلة الادعاء.
  disputed:
    final: true
    label: { en: Disputed, ar: غير صحيح }
    description:
      en: The evidence contradicts the claim.
      ar: تناقض الأدلة الادعاء.
  unverifiable:
    final: true
    label: { en: Unverifiable, ar: تعذّر التحقق }
    description:
      en: The claim cannot be checked with what is available.
      ar: لا يمكن التحقق من الادعاء بما هو متاح.
  skipped:
    final: true
    label: { en: Skipped, ar: مُستبعد }
    description:
      en: Not worth checking.
      ar: لا يستحق التحقق.

transitions:
  assign:
    from: [new, assigned, in_review]
    to: assigned
    by: [editor]
    assigns: true
    label: { en: Assign, ar: أسند }
    description:
      en: Give the claim to a reviewer, or hand it to another.
      ar: أسند الادعاء إلى مراجع، أو انقله إلى مراجع آخر.
  start:
    from: [assigned]
    to: in_review
    by: [assignee]
    label: { en: Start review, ar: ابدأ المراجعة }
    description:
      en: The assignee begins checking.
      ar: يبدأ المراجع المُسند إليه التحقق.
  verify:
    from: [assigned, in_review]
    to: awaiting_approval
    proposes: verified
    by: [assignee, editor]
    requires: { note: true, evidence: 1 }
    label: { en: Propose verified, ar: اقترح أنه صحيح }
    description:
      en: Propose that the claim is true; say why and cite the evidence.
      ar: اقترح أن الادعاء صحيح؛ اذكر السبب واستشهد بالأدلة.
  dispute:
    from: [assigned, in_review]
    to: awaiting_approval
    proposes: disputed
    by: [assignee, editor]
    requires: { note: true, evidence: 1 }
    label: { en: Propose disputed, ar: اقترح أنه غير صحيح }
    description:
      en: Propose that the claim is false or misleading; say why and cite the evidence.
      ar: اقترح أن الادعاء خاطئ أو مضلل؛ اذكر السبب واستشهد بالأدلة.
  approve:
    from: [awaiting_approval]
    to: proposal
    by: [editor]
    not_by: [verify, dispute]
    label: { en: Approve, ar: اعتمد }
    description:
      en: A second person accepts the proposed verdict.
      ar: يعتمد شخص ثانٍ الحكم المقترح.
  reject:
    from: [awaiting_approval]
    to: in_review
    by: [editor]
    not_by: [verify, dispute]
    requires: { note: true }
    label: { en: Reject, ar: ارفض }
    description:
      en: A second person sends the claim back for more work; say why.
      ar: يعيد شخص ثانٍ الادعاء لمزيد من العمل؛ اذكر السبب.
  unverifiable:
    from: [assigned, in_review]
    to: unverifiable
    by: [assignee, editor]
    requires: { note: true }
    label: { en: Mark unverifiable, ar: سجّل تعذّر التحقق }
    description:
      en: The claim cannot be checked; say what was tried.
      ar: تعذّر التحقق من الادعاء؛ اذكر ما جرت محاولته.
  skip:
    from: [new, assigned]
    to: skipped
    by: [editor]
    requires: { note: true }
    label: { en: Skip, ar: استبعد }
    description:
      en: Not worth checking; say why.
      ar: الادعاء لا يستحق التحقق؛ اذكر السبب.
  reopen:
    from: [verified, disputed, unverifiable, skipped]
    to: in_review
    by: [editor]
    requires: { note: true }
    label: { en: Reopen, ar: أعِد الفتح }
    description:
      en: Correct a verdict; the earlier one stays in the history.
      ar: صحّح حكمًا؛ يبقى الحكم السابق في السجل.

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
