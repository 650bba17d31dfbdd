/// The web desk's Mustache templates, compiled into the binary so the install stays one file.
///
/// `{{name}}` escapes HTML; `{{{content}}}` is used only for HTML the desk made: a page
/// rendered from these templates, or a catalog string filled by ``Localizer/html(_:_:markup:)``,
/// which escapes every value. Every word of the interface is a catalog key, `{{t.key}}`;
/// every piece of desk text carries its own `lang` and `dir`.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "queue": queue, "claims": claims, "claimRows": claimRows,
        "claim": claim, "sources": sources, "reviewers": reviewers, "stats": stats, "audit": audit,
        "workflow": workflow, "error": error, "text": text, "state": state, "tipForm": tipForm, "tipReceipt": tipReceipt,
        "tips": tips,
    ].merging(SettingsPages.templates) { first, _ in first }.merging(NotifyPages.templates) { first, _ in first }

    static let text = #"<span lang="{{lang}}" dir="{{dir}}">{{text}}</span>"#

    /// A state's badge: a mark and a label, so that its colour is never the only sign.
    static let state = #"<span class="state {{class}}" data-state="{{name}}"><span class="mark" aria-hidden="true">{{mark}}</span> {{label}}</span>"#

    static let layout = #"""
    <!doctype html>
    <html lang="{{lang}}" dir="{{dir}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · FactDesk</title>
    <link rel="stylesheet" href="/assets/desk.css">
    <script src="/assets/desk.js" defer></script>
    </head>
    <body>
    <a class="skip" href="#main">{{t.layout_skip}}</a>
    <header class="bar">
    <a class="brand" href="/" lang="en" dir="ltr" translate="no">FactDesk</a>
    {{#viewer}}
    <nav aria-label="{{t.nav_label}}">
    <a href="/">{{t.nav_queue}}</a> <a href="/claims">{{t.nav_claims}}</a> <a href="/sources">{{t.nav_sources}}</a> <a href="/reviewers">{{t.nav_reviewers}}</a>
    <a href="/tips">{{t.nav_tips}}</a> <a href="/stats">{{t.nav_stats}}</a> <a href="/audit">{{t.nav_audit}}</a> <a href="/workflow">{{t.nav_workflow}}</a> <a href="/settings">{{t.nav_settings}}</a>
    {{#editor}}<a href="/webhooks">{{t.nav_webhooks}}</a>{{/editor}}
    <a href="/inbox" class="inbox-link">{{t.nav_inbox}} <span class="unread{{#hasUnread}} some{{/hasUnread}}" id="unread" aria-label="{{unreadLabel}}" data-count="{{unread}}" data-digits="{{digits}}"{{#plurals}} data-plural-{{category}}="{{form}}"{{/plurals}}>{{unread}}</span></a>
    </nav>
    <form class="language" method="post" action="/settings/language">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="next" value="{{switch.next}}">
    <button type="submit" name="language" value="{{switch.lang}}" lang="{{switch.lang}}" dir="{{switch.dir}}">{{switch.name}}</button>
    </form>
    <form class="logout" method="post" action="/logout">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <span class="who"><bdi>{{handle}}</bdi> · {{role}}</span> <button type="submit">{{t.layout_log_out}}</button>
    </form>
    {{/viewer}}
    {{^viewer}}<a class="language" href="/language?to={{switch.lang}}&amp;next={{switch.next}}" lang="{{switch.lang}}" dir="{{switch.dir}}" hreflang="{{switch.lang}}">{{switch.name}}</a>{{/viewer}}
    </header>
    <main id="main" tabindex="-1">
    {{#error}}<p class="error" id="page-error" role="alert" dir="auto">{{error}}</p>{{/error}}
    {{#notice}}<p class="notice" role="status" dir="auto">{{notice}}</p>{{/notice}}
    {{{content}}}
    </main>
    </body>
    </html>
    """#

    static let error = #"""
    <h1>{{heading}}</h1>
    <p><a href="/">{{t.error_back}}</a></p>
    """#

    static let login = #"""
    <h1>{{t.login_title}}</h1>
    <form class="card login" method="post" action="/login">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="next" value="{{next}}">
    <label for="login-handle">{{t.login_handle}}</label> <input id="login-handle" name="handle" autocomplete="username" required value="{{handle}}" dir="auto"{{#failed}} aria-describedby="page-error" aria-invalid="true"{{/failed}}>
    <label for="login-password">{{t.login_password}}</label> <input id="login-password" type="password" name="password" autocomplete="current-password" required{{#failed}} aria-describedby="page-error" aria-invalid="true"{{/failed}}>
    <label for="login-code">{{t.login_code}}</label> <input id="login-code" name="code" autocomplete="one-time-code" dir="ltr" inputmode="text" aria-describedby="login-code-hint">
    <p class="hint" id="login-code-hint">{{t.login_code_hint}}</p>
    <button type="submit" class="primary">{{t.login_submit}}</button>
    </form>
    <p class="hint">{{{noPassword}}}</p>
    """#

    static let claimRows = #"""
    <div class="scroll"><table class="claims">
    <caption class="visually-hidden">{{caption}}</caption>
    <thead><tr><th scope="col">{{t.claims_col_id}}</th><th scope="col">{{t.claims_col_state}}</th><th scope="col">{{t.claims_col_score}}</th><th scope="col">{{t.claims_col_assignee}}</th><th scope="col">{{t.claims_col_due}}</th><th scope="col">{{t.claims_col_source}}</th><th scope="col">{{t.claims_col_speaker}}</th><th scope="col">{{t.claims_col_claim}}</th></tr></thead>
    <tbody>
    {{#claims}}
    <tr{{#overdue}} class="overdue"{{/overdue}}>
    <td><a href="/claims/{{id}}" aria-label="{{label}}">{{number}}</a></td>
    <td>{{#state}}{{> state}}{{/state}}</td>
    <td>{{score}}</td>
    <td>{{#assignee}}<bdi>{{assignee}}</bdi>{{/assignee}}{{^assignee}}<span aria-label="{{t.claims_nobody}}">—</span>{{/assignee}}</td>
    <td>{{{due}}}{{#overdue}} <strong class="late">⚠ {{t.claims_overdue}}</strong>{{/overdue}}</td>
    <td><a href="/sources/{{source}}">{{sourceNumber}}</a></td>
    <td>{{#speaker}}{{> text}}{{/speaker}}</td>
    <td class="claim-text">{{#claimText}}<a href="/claims/{{id}}" lang="{{lang}}" dir="{{dir}}">{{text}}</a>{{/claimText}}</td>
    </tr>
    {{/claims}}
    </tbody></table></div>
    {{^claims}}<p class="empty">{{empty}}</p>{{/claims}}
    """#

    static let queue = #"""
    <h1>{{t.queue_title}}</h1>
    <p class="hint">{{{hint}}}</p>
    {{#mine}}{{> claimRows}}{{/mine}}
    {{#editor}}
    <h2>{{t.queue_unassigned}}</h2>
    {{#unassigned}}{{> claimRows}}{{/unassigned}}
    {{/editor}}
    """#

    static let claims = #"""
    <h1>{{t.claims_title}}</h1>
    <form class="filters" method="get" action="/claims" role="search">
    <label>{{t.claims_search}} <input type="search" name="q" value="{{q}}" dir="auto"></label>
    <label>{{t.claims_state}} <select name="status"><option value="">{{t.claims_any_state}}</option>{{#states}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select></label>
    <label>{{t.claims_assignee}} <select name="assignee"><option value="">{{t.claims_anyone}}</option>{{#reviewers}}<option value="{{handle}}"{{#selected}} selected{{/selected}}>{{handle}}</option>{{/reviewers}}</select></label>
    <label>{{t.claims_source}} <input name="source" value="{{source}}" inputmode="numeric" size="4" dir="ltr"></label>
    <label>{{t.claims_sort}} <select name="sort">{{#sorts}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sorts}}</select></label>
    <button type="submit">{{t.claims_show}}</button>
    </form>
    {{#list}}{{> claimRows}}{{/list}}
    <nav class="pages" aria-label="{{t.claims_pages}}">{{#previous}}<a rel="prev" href="{{previous}}"><span class="arrow" aria-hidden="true">←</span> {{t.claims_previous}}</a>{{/previous}} <span>{{page}}</span> {{#next}}<a rel="next" href="{{next}}">{{t.claims_next}} <span class="arrow" aria-hidden="true">→</span></a>{{/next}}</nav>
    """#

    static let claim = #"""
    <article class="claim-page">
    <h1>{{heading}} <span id="claim-state">{{#state}}{{> state}}{{/state}}</span></h1>
    <dl class="facts">
    <dt>{{t.claim_assigned_to}}</dt><dd id="claim-assignee">{{#assignee}}<bdi>{{assignee}}</bdi>{{/assignee}}{{^assignee}}{{t.claim_nobody}}{{/assignee}}</dd>
    {{#due}}<dt>{{t.claim_due}}</dt><dd>{{{due}}}{{#overdue}} <strong class="late">⚠ {{t.claims_overdue}}</strong>{{/overdue}}</dd>{{/due}}
    <dt>{{t.claim_source}}</dt><dd><a href="/sources/{{sourceID}}">{{sourceNumber}}</a> {{#sourceTitle}}{{> text}}{{/sourceTitle}}</dd>
    <dt>{{t.claim_speaker}}</dt><dd>{{#speaker}}{{> text}}{{/speaker}}{{^speaker}}—{{/speaker}}</dd>
    <dt>{{t.claim_worthiness}}</dt><dd>{{score}}{{#reasons}} <span class="reason">{{{.}}}</span>{{/reasons}}</dd>
    <dt>{{t.claim_version}}</dt><dd>{{versionNumber}}</dd>
    </dl>
    {{#following}}<form class="inline follow" method="post" action="/claims/{{id}}/unfollow"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.claim_unfollow}}</button> <small>{{t.claim_following_hint}}</small></form>{{/following}}
    {{^following}}<form class="inline follow" method="post" action="/claims/{{id}}/follow"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.claim_follow}}</button> <small>{{t.claim_follow_hint}}</small></form>{{/following}}
    {{#hidden}}<p class="error">{{{hidden}}}</p>{{/hidden}}
    <blockquote class="paragraph" lang="{{lang}}" dir="{{dir}}">{{before}}<mark>{{span}}</mark>{{after}}</blockquote>
    {{#paraphrase}}<p class="hint">{{t.claim_paraphrase}}</p>{{/paraphrase}}

    <section class="actions" aria-labelledby="actions-heading">
    <h2 id="actions-heading">{{t.claim_actions}}</h2>
    {{^forms}}<p class="empty">{{t.claim_no_actions}}</p>{{/forms}}
    {{#forms}}
    <form class="card transition" method="post" action="/claims/{{claimID}}/transitions/{{name}}" aria-labelledby="transition-{{name}}">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
    <h3 id="transition-{{name}}">{{label}} <span class="arrow"><span aria-hidden="true">{{arrow}}</span> {{{toLabel}}}</span></h3>
    {{#summary}}<p class="hint" dir="auto">{{summary}}</p>{{/summary}}
    {{#assigns}}
    <label>{{t.claim_reviewer}} <select name="to" required>{{#reviewers}}<option value="{{handle}}">{{handle}} — {{name}}</option>{{/reviewers}}</select></label>
    <label>{{t.claim_due_field}} <input name="due" dir="ltr" aria-describedby="due-hint-{{name}}"></label>
    <p class="hint" id="due-hint-{{name}}">{{t.claim_due_hint}}</p>
    {{/assigns}}
    <label>{{#needsNote}}{{t.claim_note_required}}{{/needsNote}}{{^needsNote}}{{t.claim_note}}{{/needsNote}} <textarea name="note" rows="2" dir="auto"{{#needsNote}} required{{/needsNote}}></textarea></label>
    {{#evidence}}
    <div class="evidence-fields"><label>{{{evidenceLabel}}} <input type="url" name="evidence" dir="ltr" placeholder="https://"></label></div>
    <button type="button" class="add-evidence">{{t.claim_another_url}}</button>
    {{/evidence}}
    <button type="submit" class="primary" name="run" value="{{name}}">{{label}}</button>
    </form>
    {{/forms}}
    {{#others}}<p class="hint">{{{others}}}</p>{{/others}}
    </section>

    <section class="related" aria-labelledby="related-heading">
    <h2 id="related-heading">{{t.claim_related}}</h2>
    {{^related}}<p class="empty">{{t.claim_no_related}}</p>{{/related}}
    <ul>
    {{#related}}
    <li>{{{where}}} {{#state}}{{> state}}{{/state}}{{#decidedBy}} {{t.claim_deciding}}{{/decidedBy}} · {{{score}}}{{#link}} · {{link}}{{/link}}
    <div>{{#claimText}}{{> text}}{{/claimText}}</div>
    <form class="inline" method="post" action="/claims/{{claimID}}/links"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="other" value="{{id}}">
    <button name="kind" value="same">{{t.claim_link_same}}</button> <button name="kind" value="contradicts">{{t.claim_link_contradicts}}</button> <button name="kind" value="unrelated">{{t.claim_link_unrelated}}</button></form>
    </li>
    {{/related}}
    </ul>
    </section>

    {{#hasKnownChecks}}
    <section class="known-checks" aria-labelledby="known-heading">
    <h2 id="known-heading">{{t.claim_known_checks}}</h2>
    <ul>
    {{#knownChecks}}
    <li><strong dir="auto">{{publisher}}</strong> · {{date}} · <span class="rating" dir="auto">{{rating}}</span> · {{{score}}}
    <div>{{#claimText}}{{> text}}{{/claimText}}</div>
    {{#href}}<a href="{{href}}" rel="noopener noreferrer" dir="ltr">{{url}}</a>{{/href}}
    </li>
    {{/knownChecks}}
    </ul>
    </section>
    {{/hasKnownChecks}}

    <section class="notes" aria-labelledby="notes-heading">
    <h2 id="notes-heading">{{notesHeading}}</h2>
    <ul>{{#notes}}<li><span class="meta">{{{at}}} · <bdi>{{author}}</bdi></span> {{#body}}{{> text}}{{/body}}</li>{{/notes}}</ul>
    <form class="card" method="post" action="/claims/{{id}}/notes"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.claim_add_note_label}} <textarea name="body" rows="2" dir="auto" required></textarea></label><button type="submit">{{t.claim_add_note}}</button></form>
    </section>

    <section class="evidence" aria-labelledby="evidence-heading">
    <h2 id="evidence-heading">{{evidenceHeading}}</h2>
    <ul>{{#evidenceItems}}<li><span class="stance {{stance}}">{{stanceLabel}}</span> {{#href}}<a href="{{href}}" rel="noopener noreferrer nofollow" dir="ltr">{{url}}</a>{{/href}}{{^href}}<span dir="auto">{{url}}</span>{{/href}} <span class="meta"><bdi>{{addedBy}}</bdi></span>{{#note}} {{> text}}{{/note}}</li>{{/evidenceItems}}</ul>
    <form class="card" method="post" action="/claims/{{id}}/evidence"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.claim_evidence_url}} <input name="url" required dir="ltr"></label>
    <label>{{t.claim_stance}} <select name="stance"><option value="supports">{{t.stance_supports}}</option><option value="refutes">{{t.stance_refutes}}</option><option value="context" selected>{{t.stance_context}}</option></select></label>
    <label>{{t.claim_evidence_note}} <input name="note" dir="auto"></label><button type="submit">{{t.claim_add_evidence}}</button></form>
    </section>

    <section class="history" aria-labelledby="history-heading">
    <h2 id="history-heading">{{t.claim_history}}</h2>
    <ol class="events">
    {{#history}}<li><span class="meta"><bdi>#{{seq}}</bdi> {{{at}}}</span> {{{line}}}{{#note}} {{> text}}{{/note}} <code class="hash" title="{{t.claim_hash_title}}">{{hash}}</code></li>{{/history}}
    </ol>
    </section>
    </article>
    """#

    static let sources = #"""
    <h1>{{t.sources_title}}</h1>
    {{#failingFeeds}}<p class="error" role="alert">{{{failing}}} {{#error}}{{> text}}{{/error}}</p>{{/failingFeeds}}
    <div class="scroll"><table>
    <thead><tr><th scope="col">{{t.sources_col_id}}</th><th scope="col">{{t.sources_col_language}}</th><th scope="col">{{t.sources_col_claims}}</th><th scope="col">{{t.sources_col_outlet}}</th><th scope="col">{{t.sources_col_published}}</th><th scope="col">{{t.sources_col_title}}</th></tr></thead>
    <tbody>
    {{#sources}}<tr><td><a href="/sources/{{id}}">{{number}}</a></td><td>{{language}}</td><td>{{claims}}</td><td>{{#outlet}}{{> text}}{{/outlet}}</td><td>{{published}}</td><td><a href="/sources/{{id}}" lang="{{lang}}" dir="{{dir}}">{{title}}</a></td></tr>{{/sources}}
    </tbody></table></div>
    {{^sources}}<p class="empty">{{t.sources_none}}</p>{{/sources}}
    <h2>{{t.sources_import}}</h2>
    <form class="card" method="post" action="/sources" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.sources_page}} <input type="url" name="page" dir="ltr" placeholder="https://"></label>
    <label>{{t.sources_file}} <input type="file" name="file" accept=".txt,text/plain"></label>
    <label>{{t.sources_text}} <textarea name="text" rows="6" dir="auto"></textarea></label>
    <label>{{t.sources_field_title}} <input name="title" dir="auto"></label>
    <label>{{t.sources_field_outlet}} <input name="outlet" dir="auto"></label>
    <label>{{t.sources_field_url}} <input type="url" name="url" dir="ltr"></label>
    <label>{{t.sources_field_published}} <input name="published" placeholder="2026-12-31" dir="ltr"></label>
    <label>{{t.sources_field_language}} <input name="lang" size="3" dir="ltr" aria-describedby="lang-hint"></label>
    <p class="hint" id="lang-hint">{{t.sources_language_hint}}</p>
    <button type="submit" class="primary">{{t.sources_submit}}</button>
    <p class="hint">{{{limit}}}</p>
    </form>
    {{#feeds.0}}<h2>{{t.sources_feeds}}</h2>{{/feeds.0}}
    {{#feeds}}<p class="feed{{#failing}} failing{{/failing}}"><bdi>#{{id}}</bdi> <span dir="ltr">{{url}}</span> · {{{line}}}{{#failing}} · <strong>⚠ {{t.sources_feed_failing}}</strong>{{/failing}}</p>{{/feeds}}
    """#

    /// The public tip form: no login, nothing of the desk on it.
    static let tipForm = #"""
    <h1>{{t.tip_title}}</h1>
    <p>{{t.tip_intro}}</p>
    <form class="card" method="post" action="/tip">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.tip_text}} <textarea name="text" rows="5" maxlength="{{maxText}}" dir="auto"{{#failed}} aria-describedby="page-error" aria-invalid="true"{{/failed}}>{{text}}</textarea></label>
    <label>{{t.tip_url}} <input type="url" name="url" dir="ltr" value="{{url}}"></label>
    <label>{{t.tip_contact}} <input name="contact" dir="auto" value="{{contact}}" autocomplete="email"></label>
    <label class="trap" aria-hidden="true">{{t.tip_trap}} <input name="website" tabindex="-1" autocomplete="off"></label>
    <button type="submit" class="primary">{{t.tip_send}}</button>
    <p class="hint">{{t.tip_privacy}}</p>
    </form>
    """#

    /// A reader's receipt: the tip's stage, and a verdict once there is one.
    static let tipReceipt = #"""
    <h1>{{t.receipt_title}}</h1>
    <div class="card">
    <p>{{{received}}}</p>
    <p class="stage {{stageClass}}">{{t.receipt_status}} <strong>{{stage}}</strong></p>
    {{#verdict}}<p>{{t.receipt_verdict}} <strong class="verdict">{{verdict}}</strong></p>{{/verdict}}
    {{#note}}<blockquote class="published-note">{{> text}}</blockquote>{{/note}}
    <p class="hint">{{t.receipt_keep}}</p>
    </div>
    """#

    /// The editors' triage of readers' tips.
    static let tips = #"""
    <h1>{{t.tips_title}}</h1>
    <nav aria-label="{{t.tips_filter}}"><a href="/tips">{{t.tips_all}}</a> · <a href="/tips?status=new">{{t.tip_status_new}}</a> · <a href="/tips?status=accepted">{{t.tip_status_accepted}}</a> · <a href="/tips?status=rejected">{{t.tip_status_rejected}}</a> · <a href="/tips?status=merged">{{t.tip_status_merged}}</a></nav>
    {{#tips}}<article class="card tip" id="tip-{{id}}" aria-labelledby="tip-heading-{{id}}">
    <p><strong id="tip-heading-{{id}}"><bdi>#{{id}}</bdi></strong> · {{status}} · <span class="readers">{{readers}}</span> · {{{received}}}{{#claim}} · <a href="/claims/{{claim}}">{{claimLink}}</a>{{/claim}}</p>
    {{#text}}<p class="tip-text">{{> text}}</p>{{/text}}
    {{#url}}<p><a href="{{url}}" rel="noopener noreferrer nofollow" dir="ltr">{{url}}</a></p>{{/url}}
    {{#contact}}<p class="contact">{{t.tips_contact}} {{> text}}</p>{{/contact}}
    {{#note}}<p class="hint">{{t.tips_why_not}} {{> text}}</p>{{/note}}
    {{#new}}
    <form method="post" action="/tips/{{id}}/accept"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.tips_claim}} <input name="text" dir="auto"></label> <button type="submit" class="primary">{{t.tips_accept}}</button></form>
    <form method="post" action="/tips/{{id}}/reject"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.tips_reason}} <input name="note" required dir="auto"></label> <button type="submit">{{t.tips_reject}}</button></form>
    <form method="post" action="/tips/{{id}}/merge"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.tips_same_as}} <input name="into" required size="5" inputmode="numeric" dir="ltr"></label> <button type="submit">{{t.tips_merge}}</button></form>
    {{/new}}
    {{#contact}}<form method="post" action="/tips/{{id}}/forget"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.tips_forget}}</button></form>{{/contact}}
    </article>{{/tips}}
    {{^tips}}<p class="empty">{{t.tips_none}}</p>{{/tips}}
    <p class="hint">{{{where}}}</p>
    """#

    static let reviewers = #"""
    <h1>{{t.reviewers_title}}</h1>
    <div class="scroll"><table>
    <thead><tr><th scope="col">{{t.reviewers_col_handle}}</th><th scope="col">{{t.reviewers_col_name}}</th><th scope="col">{{t.reviewers_col_role}}</th><th scope="col">{{t.reviewers_col_active}}</th><th scope="col">{{t.reviewers_col_open}}</th>{{#editor}}<th scope="col">{{t.reviewers_col_actions}}</th>{{/editor}}</tr></thead>
    <tbody>
    {{#reviewers}}<tr><td><bdi>{{handle}}</bdi></td><td>{{#name}}{{> text}}{{/name}}</td><td>{{role}}</td><td>{{#active}}{{t.reviewers_yes}}{{/active}}{{^active}}{{t.reviewers_no}}{{/active}}</td><td>{{open}}</td>
    {{#editor}}<td>
    <form class="inline" method="post" action="/reviewers/{{handle}}/active"><input type="hidden" name="csrf" value="{{csrf}}">{{#active}}<button name="active" value="false">{{t.reviewers_deactivate}}</button>{{/active}}{{^active}}<button name="active" value="true">{{t.reviewers_activate}}</button>{{/active}}</form>
    <form class="inline" method="post" action="/reviewers/{{handle}}/role"><input type="hidden" name="csrf" value="{{csrf}}">{{#isEditor}}<button name="role" value="reviewer">{{t.reviewers_make_reviewer}}</button>{{/isEditor}}{{^isEditor}}<button name="role" value="editor">{{t.reviewers_make_editor}}</button>{{/isEditor}}</form>
    </td>{{/editor}}</tr>{{/reviewers}}
    </tbody></table></div>
    {{#editor}}
    <h2>{{t.reviewers_add_title}}</h2>
    <form class="card" method="post" action="/reviewers"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.reviewers_field_handle}} <input name="handle" required dir="auto"></label>
    <label>{{t.reviewers_field_name}} <input name="name" dir="auto"></label>
    <label>{{t.reviewers_field_role}} <select name="role"><option value="reviewer">{{t.role_reviewer}}</option><option value="editor">{{t.role_editor}}</option></select></label>
    <button type="submit" class="primary">{{t.reviewers_add}}</button>
    <p class="hint">{{{passwordHint}}}</p>
    </form>
    {{/editor}}
    """#

    static let stats = #"""
    <h1>{{t.stats_title}}</h1>
    <div class="columns">
    <section aria-labelledby="stats-states"><h2 id="stats-states">{{t.stats_per_state}}</h2><table><thead><tr><th scope="col">{{t.stats_col_state}}</th><th scope="col">{{t.stats_col_claims}}</th></tr></thead><tbody>{{#states}}<tr><td>{{#state}}{{> state}}{{/state}}</td><td>{{claims}}</td></tr>{{/states}}</tbody></table></section>
    <section aria-labelledby="stats-reviewers"><h2 id="stats-reviewers">{{t.stats_per_reviewer}}</h2><table><thead><tr><th scope="col">{{t.stats_col_reviewer}}</th><th scope="col">{{t.stats_col_open}}</th><th scope="col">{{t.stats_col_done}}</th><th scope="col">{{t.stats_col_overdue}}</th></tr></thead><tbody>
    {{#reviewers}}<tr><td><bdi>{{handle}}</bdi></td><td>{{open}}</td><td>{{done}}</td><td>{{overdue}}</td></tr>{{/reviewers}}</tbody></table></section>
    </div>
    <p>{{{summary}}}</p>
    {{{chart}}}
    """#

    static let audit = #"""
    <h1>{{t.audit_title}}</h1>
    <p>{{{intro}}}</p>
    <p><code class="head" dir="ltr">{{head}}</code></p>
    <p>{{{anyone}}}</p>
    {{#verified}}
    <section class="card {{#intact}}ok{{/intact}}{{^intact}}bad{{/intact}}" role="status">
    <h2>{{#intact}}✓ {{t.audit_intact}}{{/intact}}{{^intact}}✗ {{t.audit_tampered}}{{/intact}}</h2>
    <p>{{{checked}}}</p>
    <ul>{{#problems}}<li dir="auto">{{.}}</li>{{/problems}}</ul>
    </section>
    {{/verified}}
    {{^verified}}<p><a class="button" href="/audit?verify=1">{{t.audit_verify}}</a></p>{{/verified}}
    """#

    static let workflow = #"""
    <h1>{{{heading}}}</h1>
    {{#summary}}<p dir="auto">{{summary}}</p>{{/summary}}
    <h2>{{t.workflow_states}}</h2>
    <ul class="states">{{#states}}<li>{{#state}}{{> state}}{{/state}} <code dir="ltr">{{name}}</code>{{#initial}} ({{t.workflow_initial}}){{/initial}}{{#final}} ({{t.workflow_verdict}}){{/final}}{{#summary}} — {{summary}}{{/summary}}</li>{{/states}}</ul>
    <h2>{{t.workflow_transitions}}</h2>
    <div class="scroll"><table><thead><tr><th scope="col">{{t.workflow_col_name}}</th><th scope="col">{{t.workflow_col_from}}</th><th scope="col">{{t.workflow_col_to}}</th><th scope="col">{{t.workflow_col_who}}</th><th scope="col">{{t.workflow_col_needs}}</th></tr></thead><tbody>
    {{#transitions}}<tr><td>{{label}} <code dir="ltr">{{name}}</code></td><td>{{from}}</td><td>{{to}}</td><td>{{who}}</td><td>{{needs}}</td></tr>{{/transitions}}
    </tbody></table></div>
    <p class="hint">{{t.workflow_fingerprint}} <code dir="ltr">{{sha256}}</code></p>
    """#
}
