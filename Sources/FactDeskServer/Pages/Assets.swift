/// The style sheet and the one small script the pages use, served by the desk itself.
enum Assets {
    static let css = #"""
    :root { --ink: #1d2430; --muted: #5b6472; --line: #d9dde3; --paper: #fff; --tint: #f4f6f8; --accent: #1f5fbf;
      --ok: #17703a; --bad: #a3261c; --warn: #8a5a00; font-family: "Noto Sans", "Noto Sans Arabic", system-ui, sans-serif; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: var(--tint); line-height: 1.5; }
    [lang="ar"], [lang="fa"], [lang="ur"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", serif; font-size: 1.08em; line-height: 1.8; }
    .bar { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; padding: .6rem 1rem; background: var(--ink); color: #fff; }
    .bar a { color: #fff; text-decoration: none; }
    .bar nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
    .brand { font-weight: 700; }
    .logout { margin-inline-start: auto; display: flex; gap: .5rem; align-items: center; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
    h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
    table { border-collapse: collapse; width: 100%; background: var(--paper); }
    th, td { text-align: start; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
    .scroll { overflow-x: auto; }
    .claim-text { min-width: 16rem; }
    tr.overdue td { background: #fff4f2; }
    .late { color: var(--bad); }
    .state { display: inline-block; padding: 0 .45rem; border-radius: .6rem; background: #e6e9ee; font-size: .85rem; white-space: nowrap; }
    .state.final-good { background: #dcf2e3; color: var(--ok); }
    .state.final-bad { background: #fbe1de; color: var(--bad); }
    .state.final { background: #efe8d6; color: var(--warn); }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
    .card.ok { border-color: var(--ok); } .card.bad { border-color: var(--bad); }
    form.card label, form.filters label { display: block; margin: .35rem 0; }
    form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: 1rem; }
    input, select, textarea, button { font: inherit; }
    input, select, textarea { padding: .3rem .4rem; border: 1px solid #b9c0ca; border-radius: .3rem; max-width: 100%; }
    textarea { width: 100%; }
    form.card input:not([type=hidden]):not([type=file]) { width: 100%; }
    button, .button { padding: .3rem .8rem; border: 1px solid #9aa3af; border-radius: .3rem; background: #fff; cursor: pointer; color: var(--ink); text-decoration: none; }
    button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
    form.inline { display: inline; }
    .error { background: #fbe1de; border: 1px solid var(--bad); padding: .5rem .75rem; border-radius: .3rem; }
    .notice { background: #dcf2e3; border: 1px solid var(--ok); padding: .5rem .75rem; border-radius: .3rem; }
    .hint, .meta, .empty { color: var(--muted); }
    .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
    .tip form { display: inline-block; margin: .25rem .5rem .25rem 0; }
    .stage.checked strong { color: var(--accent, #0a6); }
    del.changed { color: #a00; } ins.changed { color: #060; text-decoration: none; background: #e6ffe6; }
    div.qr svg { display: block; max-width: 100%; height: auto; } code.uri { word-break: break-all; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    .facts dt { color: var(--muted); } .facts dd { margin: 0; }
    .paragraph { background: var(--paper); border-inline-start: 4px solid var(--accent); margin: 1rem 0; padding: .75rem 1rem; }
    mark { background: #fff0a8; padding: 0 .1rem; }
    .reason { display: inline-block; background: #eef1f5; border-radius: .3rem; padding: 0 .35rem; margin: .1rem; font-size: .85rem; }
    .hash { font-size: .75rem; color: var(--muted); word-break: break-all; }
    .head { word-break: break-all; }
    ol.events, .notes ul, .evidence ul, .related ul { padding-inline-start: 1.2rem; }
    ol.events li, .notes li, .evidence li, .related li { margin: .4rem 0; }
    .stance.supports { color: var(--ok); } .stance.refutes { color: var(--bad); }
    .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
    .actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 0 1rem; }
    .actions h2, .actions > p { grid-column: 1 / -1; }
    .pages { margin: 1rem 0; display: flex; gap: 1rem; }
    svg.chart { max-width: 36rem; width: 100%; height: auto; background: var(--paper); border: 1px solid var(--line); }
    .unread { display: inline-block; min-width: 1.2em; padding: 0 .3em; border-radius: .6em; background: var(--line); text-align: center; font-size: .85em; }
    .unread.some { background: #b3261e; color: #fff; }
    .inbox li.unread-item { font-weight: 600; }
    @media (max-width: 40rem) { main { padding: .5rem; } .facts { grid-template-columns: 1fr; } .logout { margin-inline-start: 0; } }
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
      function refresh() {
        fetch("/api/inbox/unread", {credentials: "same-origin", headers: {"Accept": "application/json"}})
          .then(function (answer) { return answer.ok ? answer.json() : null; })
          .then(function (body) {
            if (!body || typeof body.unread !== "number") return;
            badge.textContent = String(body.unread);
            badge.setAttribute("data-count", String(body.unread));
            badge.setAttribute("aria-label", body.unread + " unread");
            badge.classList.toggle("some", body.unread > 0);
          }).catch(function () {});
      }
      setInterval(refresh, 10000);
    })();
    """#
}
