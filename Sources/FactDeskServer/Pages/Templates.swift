/// The web desk's Mustache templates, compiled into the binary so the install stays one file.
///
/// `{{name}}` escapes HTML; `{{{content}}}` is used only for a page already rendered from
/// these templates. Every piece of desk text carries its own `lang` and `dir`.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "queue": queue, "claims": claims, "claimRows": claimRows,
        "claim": claim, "sources": sources, "reviewers": reviewers, "stats": stats, "audit": audit,
        "workflow": workflow, "error": error, "text": text, "tipForm": tipForm, "tipReceipt": tipReceipt, "tips": tips,
    ].merging(SettingsPages.templates) { first, _ in first }.merging(NotifyPages.templates) { first, _ in first }

    static let text = #"<span lang="{{lang}}" dir="{{dir}}">{{text}}</span>"#

    static let layout = #"""
    <!doctype html>
    <html lang="en" dir="ltr">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · FactDesk</title>
    <link rel="stylesheet" href="/assets/desk.css">
    <script src="/assets/desk.js" defer></script>
    </head>
    <body>
    <header class="bar">
    <a class="brand" href="/">FactDesk</a>
    {{#viewer}}
    <nav>
    <a href="/">Queue</a> <a href="/claims">Claims</a> <a href="/sources">Sources</a> <a href="/reviewers">Reviewers</a>
    <a href="/tips">Tips</a> <a href="/stats">Stats</a> <a href="/audit">Audit</a> <a href="/workflow">Workflow</a> <a href="/settings">Settings</a>
    {{#editor}}<a href="/webhooks">Webhooks</a>{{/editor}}
    <a href="/inbox" class="inbox-link">Inbox <span class="unread{{#hasUnread}} some{{/hasUnread}}" id="unread" aria-label="{{unread}} unread" data-count="{{unread}}">{{unread}}</span></a>
    </nav>
    <form class="logout" method="post" action="/logout">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <span class="who">{{handle}} · {{role}}</span> <button type="submit">Log out</button>
    </form>
    {{/viewer}}
    </header>
    <main>
    {{#error}}<p class="error" role="alert" dir="auto">{{error}}</p>{{/error}}
    {{#notice}}<p class="notice" role="status" dir="auto">{{notice}}</p>{{/notice}}
    {{{content}}}
    </main>
    </body>
    </html>
    """#

    static let error = #"""
    <h1>{{heading}}</h1>
    <p><a href="/">Back to the queue</a></p>
    """#

    static let login = #"""
    <h1>Log in</h1>
    <form class="card login" method="post" action="/login">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <input type="hidden" name="next" value="{{next}}">
    <label>Handle <input name="handle" autocomplete="username" required value="{{handle}}" dir="auto"></label>
    <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
    <label>Code <input name="code" autocomplete="one-time-code" dir="ltr" placeholder="six digits, or a recovery code"></label>
    <button type="submit">Log in</button>
    </form>
    <p class="hint">No password yet? An editor sets one with <code>factdesk reviewer password HANDLE</code>.
    The code is asked only of those with a two-factor login (<code>factdesk 2fa enable</code>, or Settings).</p>
    """#

    static let claimRows = #"""
    <div class="scroll"><table class="claims">
    <thead><tr><th>#</th><th>State</th><th>Score</th><th>Assignee</th><th>Due</th><th>Source</th><th>Speaker</th><th>Claim</th></tr></thead>
    <tbody>
    {{#claims}}
    <tr{{#overdue}} class="overdue"{{/overdue}}>
    <td><a href="/claims/{{id}}">{{id}}</a></td>
    <td><span class="state {{stateClass}}">{{state}}</span></td>
    <td>{{score}}</td>
    <td>{{assignee}}</td>
    <td>{{due}}{{#overdue}} <strong class="late">overdue</strong>{{/overdue}}</td>
    <td><a href="/sources/{{source}}">{{source}}</a></td>
    <td>{{#speaker}}{{> text}}{{/speaker}}</td>
    <td class="claim-text">{{#claimText}}<a href="/claims/{{id}}" lang="{{lang}}" dir="{{dir}}">{{text}}</a>{{/claimText}}</td>
    </tr>
    {{/claims}}
    </tbody></table></div>
    {{^claims}}<p class="empty">{{empty}}</p>{{/claims}}
    """#

    static let queue = #"""
    <h1>My queue</h1>
    <p class="hint">Claims assigned to {{handle}}, soonest due first.</p>
    {{#mine}}{{> claimRows}}{{/mine}}
    {{#editor}}
    <h2>Unassigned, most check-worthy first</h2>
    {{#unassigned}}{{> claimRows}}{{/unassigned}}
    {{/editor}}
    """#

    static let claims = #"""
    <h1>Claims</h1>
    <form class="filters" method="get" action="/claims">
    <label>Search <input name="q" value="{{q}}" dir="auto"></label>
    <label>State <select name="status"><option value="">any</option>{{#states}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/states}}</select></label>
    <label>Assignee <select name="assignee"><option value="">anyone</option>{{#reviewers}}<option value="{{handle}}"{{#selected}} selected{{/selected}}>{{handle}}</option>{{/reviewers}}</select></label>
    <label>Source <input name="source" value="{{source}}" inputmode="numeric" size="4"></label>
    <label>Sort <select name="sort">{{#sorts}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/sorts}}</select></label>
    <button type="submit">Show</button>
    </form>
    {{#list}}{{> claimRows}}{{/list}}
    <nav class="pages">{{#previous}}<a rel="prev" href="{{previous}}">← previous</a>{{/previous}} <span>page {{page}}</span> {{#next}}<a rel="next" href="{{next}}">next →</a>{{/next}}</nav>
    """#

    static let claim = #"""
    <article class="claim-page">
    <h1>Claim {{id}} <span class="state {{stateClass}}" id="claim-state">{{state}}</span></h1>
    <dl class="facts">
    <dt>Assigned to</dt><dd id="claim-assignee">{{assignee}}</dd>
    {{#due}}<dt>Due</dt><dd>{{due}}{{#overdue}} <strong class="late">overdue</strong>{{/overdue}}</dd>{{/due}}
    <dt>Source</dt><dd><a href="/sources/{{sourceID}}">{{sourceID}}</a> {{#sourceTitle}}{{> text}}{{/sourceTitle}}</dd>
    <dt>Speaker</dt><dd>{{#speaker}}{{> text}}{{/speaker}}{{^speaker}}—{{/speaker}}</dd>
    <dt>Check-worthiness</dt><dd>{{score}}{{#reasons}} <span class="reason" dir="auto">{{.}}</span>{{/reasons}}</dd>
    <dt>Version</dt><dd>{{version}}</dd>
    </dl>
    {{#following}}<form class="inline follow" method="post" action="/claims/{{id}}/unfollow"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Unfollow</button> <small>you are told of its verdicts</small></form>{{/following}}
    {{^following}}<form class="inline follow" method="post" action="/claims/{{id}}/follow"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Follow</button> <small>be told of its verdicts, reopenings and approvals</small></form>{{/following}}
    {{#hidden}}<p class="error">This claim holds invisible characters that can change how it reads: {{hidden}}</p>{{/hidden}}
    <blockquote class="paragraph" lang="{{lang}}" dir="{{dir}}">{{before}}<mark>{{span}}</mark>{{after}}</blockquote>
    {{#paraphrase}}<p class="hint">A paraphrase: these words are not in the source.</p>{{/paraphrase}}

    <section class="actions">
    <h2>What you can do</h2>
    {{^forms}}<p class="empty">No transition of the workflow is yours to run on this claim now.</p>{{/forms}}
    {{#forms}}
    <form class="card transition" method="post" action="/claims/{{claimID}}/transitions/{{name}}">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="version" value="{{version}}">
    <h3>{{name}} <span class="arrow">→ {{to}}</span></h3>
    {{#summary}}<p class="hint">{{summary}}</p>{{/summary}}
    {{#assigns}}
    <label>Reviewer <select name="to" required>{{#reviewers}}<option value="{{handle}}">{{handle}} — {{name}}</option>{{/reviewers}}</select></label>
    <label>Due <input name="due" placeholder="3d, 2026-12-01 or 2026-12-01T18:30 (UTC)" dir="ltr"></label>
    {{/assigns}}
    <label>Note{{#needsNote}} (required){{/needsNote}} <textarea name="note" rows="2" dir="auto"{{#needsNote}} required{{/needsNote}}></textarea></label>
    {{#evidence}}
    <div class="evidence-fields"><label>Evidence URL{{#needsEvidence}} (at least {{needsEvidence}} in all){{/needsEvidence}} <input type="url" name="evidence" dir="ltr" placeholder="https://"></label></div>
    <button type="button" class="add-evidence">Another URL</button>
    {{/evidence}}
    <button type="submit" class="primary" name="run" value="{{name}}">{{name}}</button>
    </form>
    {{/forms}}
    {{#others}}<p class="hint">Also in the workflow from here: {{others}}.</p>{{/others}}
    </section>

    <section class="related">
    <h2>Who else reports it</h2>
    {{^related}}<p class="empty">No other source found with this fact.</p>{{/related}}
    <ul>
    {{#related}}
    <li><a href="/claims/{{id}}">claim {{id}}</a> in source <a href="/sources/{{sourceID}}">{{sourceID}}</a>
    <span class="state {{stateClass}}">{{state}}</span>{{#decidedBy}} by {{decidedBy}}{{/decidedBy}} · score {{score}}{{#link}} · marked {{link}}{{/link}}
    <div>{{#claimText}}{{> text}}{{/claimText}}</div>
    <form class="inline" method="post" action="/claims/{{claimID}}/links"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="other" value="{{id}}">
    <button name="kind" value="same">Same fact</button> <button name="kind" value="contradicts">Contradicts</button> <button name="kind" value="unrelated">Unrelated</button></form>
    </li>
    {{/related}}
    </ul>
    </section>

    {{#hasKnownChecks}}
    <section class="known-checks">
    <h2>Checked elsewhere</h2>
    <ul>
    {{#knownChecks}}
    <li><strong>{{publisher}}</strong> · {{date}} · <span class="rating">{{rating}}</span> · score {{score}}
    <div>{{#claimText}}{{> text}}{{/claimText}}</div>
    {{#href}}<a href="{{href}}" rel="noopener noreferrer">{{url}}</a>{{/href}}
    </li>
    {{/knownChecks}}
    </ul>
    </section>
    {{/hasKnownChecks}}

    <section class="notes">
    <h2>Notes ({{noteCount}})</h2>
    <ul>{{#notes}}<li><span class="meta">{{at}} · {{author}}</span> {{#body}}{{> text}}{{/body}}</li>{{/notes}}</ul>
    <form class="card" method="post" action="/claims/{{id}}/notes"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>Add a note <textarea name="body" rows="2" dir="auto" required></textarea></label><button type="submit">Add note</button></form>
    </section>

    <section class="evidence">
    <h2>Evidence ({{evidenceCount}})</h2>
    <ul>{{#evidenceItems}}<li><span class="stance {{stance}}">{{stance}}</span> {{#href}}<a href="{{href}}" rel="noopener noreferrer nofollow" dir="ltr">{{url}}</a>{{/href}}{{^href}}<span dir="auto">{{url}}</span>{{/href}} <span class="meta">{{addedBy}}</span>{{#note}} {{> text}}{{/note}}</li>{{/evidenceItems}}</ul>
    <form class="card" method="post" action="/claims/{{id}}/evidence"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>URL or citation <input name="url" required dir="ltr"></label>
    <label>Stance <select name="stance"><option>supports</option><option>refutes</option><option selected>context</option></select></label>
    <label>Note <input name="note" dir="auto"></label><button type="submit">Add evidence</button></form>
    </section>

    <section class="history">
    <h2>History, newest first</h2>
    <ol class="events">
    {{#history}}<li><span class="meta">#{{seq}} {{at}}</span> <strong>{{actor}}</strong> {{action}}{{#change}} <span class="arrow">{{change}}</span>{{/change}}{{#assignee}} to {{assignee}}{{/assignee}}{{#due}} due {{due}}{{/due}}{{#note}} {{> text}}{{/note}} <code class="hash" title="SHA-256 of this event and the one before">{{hash}}</code></li>{{/history}}
    </ol>
    </section>
    </article>
    """#

    static let sources = #"""
    <h1>Sources</h1>
    {{#failingFeeds}}<p class="error" role="alert">Feed {{id}} (<span dir="ltr">{{url}}</span>) is failing: {{#error}}{{> text}}{{/error}}</p>{{/failingFeeds}}
    <div class="scroll"><table>
    <thead><tr><th>#</th><th>Lang</th><th>Claims</th><th>Outlet</th><th>Published</th><th>Title</th></tr></thead>
    <tbody>
    {{#sources}}<tr><td><a href="/sources/{{id}}">{{id}}</a></td><td>{{language}}</td><td>{{claims}}</td><td>{{#outlet}}{{> text}}{{/outlet}}</td><td>{{published}}</td><td><a href="/sources/{{id}}" lang="{{lang}}" dir="{{dir}}">{{title}}</a></td></tr>{{/sources}}
    </tbody></table></div>
    {{^sources}}<p class="empty">No sources yet.</p>{{/sources}}
    <h2>Import an article</h2>
    <form class="card" method="post" action="/sources" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>A web page's address <input type="url" name="page" dir="ltr" placeholder="https://"></label>
    <label>or a UTF-8 text file <input type="file" name="file" accept=".txt,text/plain"></label>
    <label>or its text <textarea name="text" rows="6" dir="auto"></textarea></label>
    <label>Title <input name="title" dir="auto"></label>
    <label>Outlet <input name="outlet" dir="auto"></label>
    <label>URL <input type="url" name="url" dir="ltr"></label>
    <label>Published <input name="published" placeholder="YYYY-MM-DD" dir="ltr"></label>
    <label>Language <input name="lang" placeholder="from the script" size="3" dir="ltr"></label>
    <button type="submit" class="primary">Import and extract claims</button>
    <p class="hint">At most {{maxSize}} bytes. A page is fetched by the desk, kept as evidence, and read for its article.</p>
    </form>
    {{#feeds.0}}<h2>Feeds</h2>{{/feeds.0}}
    {{#feeds}}<p class="feed{{#failing}} failing{{/failing}}">#{{id}} <span dir="ltr">{{url}}</span> · {{imported}} imported · last read {{lastSuccess}}{{#failing}} · <strong>failing</strong>{{/failing}}</p>{{/feeds}}
    """#

    /// The public tip form: no login, nothing of the desk on it.
    static let tipForm = #"""
    <h1>Send a tip</h1>
    <p dir="auto">Seen a claim that should be checked? Tell us what was said, and where. · رأيت ادعاءً يستحق التحقق؟ أخبرنا بما قيل وأين.</p>
    <form class="card" method="post" action="/tip">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>The claim, in your words · الادعاء بكلماتك <textarea name="text" rows="5" maxlength="{{maxText}}" dir="auto">{{text}}</textarea></label>
    <label>A link to where it appeared · رابط <input type="url" name="url" dir="ltr" value="{{url}}"></label>
    <label>How to reach you (optional) · للتواصل (اختياري) <input name="contact" dir="auto" value="{{contact}}" autocomplete="email"></label>
    <label class="trap" aria-hidden="true">Leave this empty <input name="website" tabindex="-1" autocomplete="off"></label>
    <button type="submit" class="primary">Send · أرسل</button>
    <p class="hint">Your contact is seen by the desk's editors only, and erased on request. You get a receipt code to follow the tip.</p>
    </form>
    """#

    /// A reader's receipt: the tip's stage, and a verdict once there is one.
    static let tipReceipt = #"""
    <h1>Your tip</h1>
    <div class="card">
    <p>Receipt <code class="receipt">{{code}}</code>, received {{received}}.</p>
    <p class="stage {{stageClass}}">Status: <strong>{{stage}}</strong></p>
    {{#verdict}}<p>Verdict: <strong class="verdict">{{verdict}}</strong></p>{{/verdict}}
    {{#note}}<blockquote class="published-note">{{> text}}</blockquote>{{/note}}
    <p class="hint">Keep this page's address to come back to it.</p>
    </div>
    """#

    /// The editors' triage of readers' tips.
    static let tips = #"""
    <h1>Readers' tips</h1>
    <p><a href="/tips">all</a> · <a href="/tips?status=new">new</a> · <a href="/tips?status=accepted">accepted</a> · <a href="/tips?status=rejected">rejected</a> · <a href="/tips?status=merged">merged</a></p>
    {{#tips}}<article class="card tip" id="tip-{{id}}">
    <p><strong>#{{id}}</strong> · {{status}} · <span class="readers">{{count}} reader(s)</span> · {{received}}{{#claim}} · <a href="/claims/{{claim}}">claim {{claim}}</a>{{/claim}}</p>
    {{#text}}<p class="tip-text">{{> text}}</p>{{/text}}
    {{#url}}<p><a href="{{url}}" rel="noopener noreferrer nofollow" dir="ltr">{{url}}</a></p>{{/url}}
    {{#contact}}<p class="contact">Contact: {{> text}}</p>{{/contact}}
    {{#note}}<p class="hint">Why not: {{> text}}</p>{{/note}}
    {{#new}}
    <form method="post" action="/tips/{{id}}/accept"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>Claim <input name="text" dir="auto" placeholder="the reader's words"></label> <button type="submit" class="primary">Accept</button></form>
    <form method="post" action="/tips/{{id}}/reject"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>Why not <input name="note" required dir="auto"></label> <button type="submit">Reject</button></form>
    <form method="post" action="/tips/{{id}}/merge"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>Same as tip # <input name="into" required size="5" inputmode="numeric" dir="ltr"></label> <button type="submit">Merge</button></form>
    {{/new}}
    {{#contact}}<form method="post" action="/tips/{{id}}/forget"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Forget the contact</button></form>{{/contact}}
    </article>{{/tips}}
    {{^tips}}<p class="empty">No tips.</p>{{/tips}}
    <p class="hint">Readers send tips at <a href="/tip">/tip</a>; bots with a token at <code>POST /api/tips</code>.</p>
    """#

    static let reviewers = #"""
    <h1>Reviewers</h1>
    <div class="scroll"><table>
    <thead><tr><th>Handle</th><th>Name</th><th>Role</th><th>Active</th><th>Open claims</th>{{#editor}}<th></th>{{/editor}}</tr></thead>
    <tbody>
    {{#reviewers}}<tr><td>{{handle}}</td><td>{{#name}}{{> text}}{{/name}}</td><td>{{role}}</td><td>{{#active}}yes{{/active}}{{^active}}no{{/active}}</td><td>{{open}}</td>
    {{#editor}}<td>
    <form class="inline" method="post" action="/reviewers/{{handle}}/active"><input type="hidden" name="csrf" value="{{csrf}}">{{#active}}<button name="active" value="false">Deactivate</button>{{/active}}{{^active}}<button name="active" value="true">Activate</button>{{/active}}</form>
    <form class="inline" method="post" action="/reviewers/{{handle}}/role"><input type="hidden" name="csrf" value="{{csrf}}">{{#isEditor}}<button name="role" value="reviewer">Make reviewer</button>{{/isEditor}}{{^isEditor}}<button name="role" value="editor">Make editor</button>{{/isEditor}}</form>
    </td>{{/editor}}</tr>{{/reviewers}}
    </tbody></table></div>
    {{#editor}}
    <h2>Add a reviewer</h2>
    <form class="card" method="post" action="/reviewers"><input type="hidden" name="csrf" value="{{csrf}}">
    <label>Handle <input name="handle" required dir="auto"></label>
    <label>Name <input name="name" dir="auto"></label>
    <label>Role <select name="role"><option>reviewer</option><option>editor</option></select></label>
    <button type="submit" class="primary">Add</button>
    <p class="hint">They log in once a password is set: <code>factdesk reviewer password HANDLE</code>.</p>
    </form>
    {{/editor}}
    """#

    static let stats = #"""
    <h1>Desk statistics</h1>
    <div class="columns">
    <section><h2>Claims per state</h2><table><tbody>{{#states}}<tr><td><span class="state {{stateClass}}">{{state}}</span></td><td>{{claims}}</td></tr>{{/states}}</tbody></table></section>
    <section><h2>Per reviewer</h2><table><thead><tr><th>Reviewer</th><th>Open</th><th>Done</th><th>Overdue</th></tr></thead><tbody>
    {{#reviewers}}<tr><td>{{handle}}</td><td>{{open}}</td><td>{{done}}</td><td>{{overdue}}</td></tr>{{/reviewers}}</tbody></table></section>
    </div>
    <p>Median time from assignment to verdict: <strong>{{median}}</strong>. Verdicts in the last 7 days: <strong>{{week}}</strong>.</p>
    {{{chart}}}
    """#

    static let audit = #"""
    <h1>Audit</h1>
    <p>The history holds <strong>{{headSeq}}</strong> events. Its head, to publish or keep somewhere safe:</p>
    <p><code class="head">{{head}}</code></p>
    <p>Anyone can later check that nothing before it was rewritten: <code>factdesk audit verify --anchor {{head}}</code></p>
    {{#verified}}
    <section class="card {{#intact}}ok{{/intact}}{{^intact}}bad{{/intact}}">
    <h2>{{#intact}}The history is intact{{/intact}}{{^intact}}The history was tampered with{{/intact}}</h2>
    <p>{{events}} events checked, {{claims}} claims replayed.</p>
    <ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul>
    </section>
    {{/verified}}
    {{^verified}}<p><a class="button" href="/audit?verify=1">Verify the whole history now</a></p>{{/verified}}
    """#

    static let workflow = #"""
    <h1>Workflow: {{name}}</h1>
    {{#summary}}<p>{{summary}}</p>{{/summary}}
    <h2>States</h2>
    <ul class="states">{{#states}}<li><span class="state {{stateClass}}">{{name}}</span>{{#initial}} (initial){{/initial}}{{#final}} (verdict){{/final}}{{#summary}} — {{summary}}{{/summary}}</li>{{/states}}</ul>
    <h2>Transitions</h2>
    <div class="scroll"><table><thead><tr><th>Name</th><th>From</th><th>To</th><th>Who</th><th>Needs</th></tr></thead><tbody>
    {{#transitions}}<tr><td>{{name}}</td><td>{{from}}</td><td>{{to}}</td><td>{{who}}</td><td>{{needs}}</td></tr>{{/transitions}}
    </tbody></table></div>
    <p class="hint">Fingerprint (SHA-256 of the installed YAML): <code>{{sha256}}</code></p>
    """#
}
