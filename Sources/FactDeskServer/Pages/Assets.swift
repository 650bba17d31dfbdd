import Foundation
import Synchronization

/// The style sheet, the one small script and the fonts the pages use, served by the desk itself.
enum Assets {
    /// The fonts the desk serves, read from the system's Noto files (Debian's
    /// `fonts-noto-core`) when first asked for; a browser with them installed uses its own.
    static let fontDirectory = "/usr/share/fonts/truetype/noto"
    static let fonts: Set<String> = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf",
                                     "NotoSansArabic-Bold.ttf", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"]

    /// A font's bytes, if it is one the desk serves and the system has it.
    static func font(_ name: String) -> Data? {
        guard fonts.contains(name) else { return nil }
        return FontFiles.shared.data(name)
    }

    static let css = #"""
    @font-face { font-family: "Noto Sans"; font-weight: 400; font-display: swap; src: local("Noto Sans"), local("NotoSans-Regular"), url(/assets/fonts/NotoSans-Regular.ttf) format("truetype"); }
    @font-face { font-family: "Noto Sans"; font-weight: 700; font-display: swap; src: local("Noto Sans Bold"), local("NotoSans-Bold"), url(/assets/fonts/NotoSans-Bold.ttf) format("truetype"); }
    @font-face { font-family: "Noto Sans Arabic"; font-weight: 400; font-display: swap; src: local("Noto Sans Arabic"), local("NotoSansArabic-Regular"), url(/assets/fonts/NotoSansArabic-Regular.ttf) format("truetype"); }
    @font-face { font-family: "Noto Sans Arabic"; font-weight: 700; font-display: swap; src: local("Noto Sans Arabic Bold"), local("NotoSansArabic-Bold"), url(/assets/fonts/NotoSansArabic-Bold.ttf) format("truetype"); }
    @font-face { font-family: "Noto Naskh Arabic"; font-weight: 400; font-display: swap; src: local("Noto Naskh Arabic"), local("NotoNaskhArabic-Regular"), url(/assets/fonts/NotoNaskhArabic-Regular.ttf) format("truetype"); }
    @font-face { font-family: "Noto Naskh Arabic"; font-weight: 700; font-display: swap; src: local("Noto Naskh Arabic Bold"), local("NotoNaskhArabic-Bold"), url(/assets/fonts/NotoNaskhArabic-Bold.ttf) format("truetype"); }
    :root { --ink: #1d2430; --muted: #505967; --line: #d9dde3; --paper: #fff; --tint: #f4f6f8; --accent: #1f5fbf; --focus: #b35c00;
      --ok: #146533; --bad: #9c2419; --warn: #7a4f00; font-family: "Noto Sans", "Noto Sans Arabic", system-ui, sans-serif; }
    html[lang="ar"] { font-family: "Noto Sans Arabic", "Noto Sans", system-ui, sans-serif; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: var(--tint); line-height: 1.6; }
    html[lang="ar"] body { line-height: 1.9; }
    /* Desk text in Arabic script: Naskh, a little larger, with room above and below for harakat. */
    [lang="ar"]:not(html), [lang="fa"], [lang="ur"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", serif; font-size: 1.08em; line-height: 1.9; }
    html[lang="ar"] nav [lang], html[lang="ar"] button[lang] { font-size: 1em; }
    [lang="en"]:not(html) { font-family: "Noto Sans", system-ui, sans-serif; }
    a { color: var(--accent); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; inset-inline-start: .5rem; inset-block-start: -10rem; z-index: 10; background: var(--paper); color: var(--ink); padding: .5rem 1rem; border: 2px solid var(--focus); }
    .skip:focus { inset-block-start: .5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .bar { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; padding: .6rem 1rem; background: var(--ink); color: #fff; }
    .bar a, .bar .language { color: #fff; text-decoration: none; }
    .bar a:hover, .bar a:focus-visible { text-decoration: underline; }
    .bar :focus-visible { outline-color: #ffd27a; }
    .bar nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
    .bar form.language button { background: transparent; color: #fff; border-color: #8d96a5; }
    .brand { font-weight: 700; }
    .logout { margin-inline-start: auto; display: flex; gap: .5rem; align-items: center; }
    main { max-width: 72rem; margin-block: 0; margin-inline: auto; padding: 1rem; }
    main:focus { outline: none; }
    h1 { font-size: 1.5rem; margin-block: .5rem 1rem; }
    h2 { font-size: 1.15rem; margin-block: 1.5rem .5rem; }
    table { border-collapse: collapse; width: 100%; background: var(--paper); }
    th, td { text-align: start; vertical-align: top; padding-block: .4rem; padding-inline: .5rem; border-block-end: 1px solid var(--line); }
    .scroll { overflow-x: auto; }
    .claim-text { min-width: 16rem; }
    tr.overdue td { background: #fff4f2; }
    .late { color: var(--bad); }
    .state { display: inline-block; padding-inline: .45rem; border-radius: .6rem; background: #e6e9ee; font-size: .85rem; white-space: nowrap; border: 1px solid transparent; }
    .state .mark { font-weight: 700; }
    .state.final-good { background: #dcf2e3; color: var(--ok); border-color: var(--ok); }
    .state.final-bad { background: #fbe1de; color: var(--bad); border-color: var(--bad); }
    .state.final { background: #efe8d6; color: var(--warn); border-style: dashed; border-color: var(--warn); }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding-block: .75rem; padding-inline: 1rem; margin-block: .75rem; }
    .card.ok { border-color: var(--ok); } .card.bad { border-color: var(--bad); }
    form.card label, form.filters label, form.card fieldset label { display: block; margin-block: .35rem; }
    form.login label { margin-block-end: 0; }
    form.login input { margin-block-end: .5rem; }
    fieldset { border: 1px solid var(--line); border-radius: .3rem; margin-block: .5rem; }
    form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-block-end: 1rem; }
    input, select, textarea, button { font: inherit; }
    input, select, textarea { padding-block: .3rem; padding-inline: .4rem; border: 1px solid #767f8c; border-radius: .3rem; max-width: 100%; }
    textarea { width: 100%; }
    form.card input:not([type=hidden]):not([type=file]):not([type=radio]) { width: 100%; }
    button, .button { padding-block: .3rem; padding-inline: .8rem; border: 1px solid #767f8c; border-radius: .3rem; background: #fff; cursor: pointer; color: var(--ink); text-decoration: none; display: inline-block; }
    button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
    form.inline { display: inline; }
    .error { background: #fbe1de; border: 1px solid var(--bad); padding-block: .5rem; padding-inline: .75rem; border-radius: .3rem; }
    .notice { background: #dcf2e3; border: 1px solid var(--ok); padding-block: .5rem; padding-inline: .75rem; border-radius: .3rem; }
    .hint, .meta, .empty { color: var(--muted); }
    .trap { position: absolute; inset-inline-start: -10000px; width: 1px; height: 1px; overflow: hidden; }
    .tip form { display: inline-block; margin-block: .25rem; margin-inline: 0 .5rem; }
    .stage.checked strong { color: var(--accent); }
    del.changed { color: #8a0000; } ins.changed { color: #045004; text-decoration: none; background: #e6ffe6; }
    div.qr svg { display: block; max-width: 100%; height: auto; } code.uri { word-break: break-all; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    .facts dt { color: var(--muted); } .facts dd { margin: 0; }
    .paragraph { background: var(--paper); border-inline-start: 4px solid var(--accent); margin-block: 1rem; margin-inline: 0; padding-block: .75rem; padding-inline: 1rem; }
    mark { background: #fff0a8; color: inherit; padding-inline: .1rem; }
    .reason { display: inline-block; background: #eef1f5; border-radius: .3rem; padding-inline: .35rem; margin: .1rem; font-size: .85rem; }
    .hash { font-size: .75rem; color: var(--muted); word-break: break-all; }
    .head { word-break: break-all; }
    ol.events, .notes ul, .evidence ul, .related ul { padding-inline-start: 1.2rem; }
    ol.events li, .notes li, .evidence li, .related li { margin-block: .4rem; }
    .stance { font-weight: 600; }
    .stance.supports { color: var(--ok); } .stance.refutes { color: var(--bad); }
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
    .actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr)); gap: 0 1rem; }
    .actions h2, .actions > p { grid-column: 1 / -1; }
    .pages { margin-block: 1rem; display: flex; gap: 1rem; }
    svg.chart { direction: ltr; max-width: 36rem; width: 100%; height: auto; background: var(--paper); border: 1px solid var(--line); }
    .unread { display: inline-block; min-width: 1.2em; padding-inline: .3em; border-radius: .6em; background: var(--line); color: var(--ink); text-align: center; font-size: .85em; }
    .unread.some { background: #b3261e; color: #fff; }
    .inbox li.unread-item { font-weight: 600; }
    @media (max-width: 40rem) { main { padding: .5rem; } .facts { grid-template-columns: 1fr; } .logout { margin-inline-start: 0; } .claim-text { min-width: 12rem; } }
    """#

    /// Adds another evidence field to a transition form. The forms work without it.
    static let js = #"""
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button.add-evidence") : null;
      if (!button) return;
      var fields = button.previousElementSibling;
      var first = fields && fields.querySelector("label");
      if (!first) return;
      var copy = first.cloneNode(true);
      copy.querySelector("input").value = "";
      fields.appendChild(copy);
    });
    // The header's unread count, kept fresh while a page stays open; the page shows it without this.
    (function () {
      var badge = document.getElementById("unread");
      if (!badge || !window.fetch) return;
      // The count's words in the page's language: the plural form its rules choose, with
      // Eastern Arabic digits where the reader asked for them.
      function digits(n) {
        var text = String(n);
        if (badge.getAttribute("data-digits") !== "eastern") return text;
        return text.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x660 + Number(d)); });
      }
      function label(n) {
        var category = "other";
        try { category = new Intl.PluralRules(document.documentElement.lang).select(n); } catch (e) {}
        var form = badge.getAttribute("data-plural-" + category) || badge.getAttribute("data-plural-other") || "{n}";
        return form.replace("{n}", digits(n));
      }
      function refresh() {
        fetch("/api/inbox/unread", {credentials: "same-origin", headers: {"Accept": "application/json"}})
          .then(function (answer) { return answer.ok ? answer.json() : null; })
          .then(function (body) {
            if (!body || typeof body.unread !== "number") return;
            badge.textContent = digits(body.unread);
            badge.setAttribute("data-count", String(body.unread));
            badge.setAttribute("aria-label", label(body.unread));
            badge.classList.toggle("some", body.unread > 0);
          }).catch(function () {});
      }
      setInterval(refresh, 10000);
    })();
    """#
}

/// The font files read so far: each is read once, on its first request.
final class FontFiles: Sendable {
    static let shared = FontFiles()
    private let read = Mutex<[String: Data]>([:])

    func data(_ name: String) -> Data? {
        if let data = read.withLock({ $0[name] }) { return data }
        guard let data = FileManager.default.contents(atPath: Assets.fontDirectory + "/" + name) else { return nil }
        read.withLock { $0[name] = data }
        return data
    }
}
