extension ArticleReport {
    /// What the page may load and run, wherever it is opened (a file, a mail, the web desk):
    /// its own inline style and nothing else; no script, no image, font or frame from outside.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        + "base-uri 'none'; form-action 'none'"

    /// The page's Mustache template. `{{…}}` escapes HTML; only the constant policy and the
    /// sentences ``Localizer/html(_:_:markup:)`` wrote (their words and values escaped there)
    /// are put in raw, with `{{{…}}}`. The page needs no other file.
    static let template = #"""
<!DOCTYPE html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{{policy}}}">
<title lang="{{sourceLang}}">{{title}}</title>
<style>
  body { margin: 0; font: 17px/1.8 "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", system-ui, sans-serif; color: #1d1d1f; background: #f6f5f1; }
  header { padding: 20px 32px; background: #fff; border-bottom: 1px solid #ddd; }
  header h1 { font-size: 22px; margin: 0 0 6px; }
  .meta { color: #666; font-size: 14px; }
  .summary span { display: inline-block; margin: 8px 0 0 8px; padding: 2px 10px; border-radius: 12px; font-size: 14px; }
  main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; padding: 24px 32px; }
  article { background: #fff; padding: 24px 28px; border-radius: 8px; white-space: pre-wrap; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  mark { padding: 2px 0; border-radius: 3px; color: inherit; }
  mark a { color: inherit; text-decoration: none; }
  aside { font-size: 15px; }
  .claim { background: #fff; border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; border-inline-start: 6px solid #ccc; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  .claim:target { outline: 3px solid #333; }
  .claim h3 { margin: 0 0 4px; font-size: 15px; }
  .claim blockquote { margin: 0; }
  .claim ul { margin: 4px 0; padding-inline-start: 20px; }
  .label { font-size: 13px; color: #666; }
  .new { background: #e8eefc; border-color: #7d9be8; } mark.new { background: #dbe5fb; }
  .assigned, .in_review { background: #eef0ff; border-color: #8c8ff0; } mark.assigned, mark.in_review { background: #e1e2fd; }
  .awaiting_approval { background: #f3e8fd; border-color: #a66de0; } mark.awaiting_approval { background: #ead6fb; }
  .verified { background: #e3f5e6; border-color: #2e9d4a; } mark.verified { background: #bfe8c8; }
  .disputed { background: #fde6e4; border-color: #d2392b; } mark.disputed { background: #f8c3bd; }
  .unverifiable { background: #fdf3dc; border-color: #d99a16; } mark.unverifiable { background: #f8e2a8; }
  .skipped { background: #eee; border-color: #999; } mark.skipped { background: #e0e0e0; }
  footer { padding: 0 32px 24px; color: #595959; font-size: 13px; }
  .changes { margin: 24px 32px 0; background: #fff; padding: 16px 24px; border-radius: 8px; border-inline-start: 6px solid #d99a16; }
  .changes h2 { font-size: 17px; margin: 0 0 8px; }
  .changes del, .changes ins { display: block; padding: 4px 8px; margin: 4px 0; border-radius: 4px; }
  .changes del { background: #fde6e4; color: #8a1c12; }
  .changes ins { background: #e3f5e6; color: #1b5e2c; text-decoration: none; }
  .revised { color: #8a1c12; font-size: 14px; font-weight: bold; }
</style>
</head>
<body>
<header>
  <h1 lang="{{sourceLang}}" dir="{{sourceDir}}">{{title}}</h1>
  <div class="meta">{{#outlet}}<bdi>{{outlet}}</bdi> · {{/outlet}}{{#published}}{{published}} · {{/published}}{{#hasLink}}<a href="{{link}}" dir="ltr">{{url}}</a> · {{/hasLink}}{{^hasLink}}{{#url}}<bdi>{{url}}</bdi> · {{/url}}{{/hasLink}}{{{sourceLabel}}}</div>
  <div class="summary">{{#summary}}<span class="{{state}}">{{{label}}}</span>{{/summary}}</div>
</header>
{{#hasChanges}}<section class="changes" id="changes">
  <h2>{{changesHeading}}</h2>
  {{#changes}}{{#removed}}<del lang="{{sourceLang}}" dir="auto" title="{{removedLabel}}">{{removed}}</del>{{/removed}}{{#added}}<ins lang="{{sourceLang}}" dir="auto" title="{{addedLabel}}">{{added}}</ins>{{/added}}{{/changes}}
</section>{{/hasChanges}}
<main>
<article lang="{{sourceLang}}" dir="{{sourceDir}}">{{#segments}}{{#claim}}<mark class="{{state}}" id="m{{id}}" title="{{tip}}"><a href="#c{{id}}">{{/claim}}{{text}}{{#claim}}</a></mark>{{/claim}}{{/segments}}</article>
<aside>
{{#claims}}
<section class="claim {{state}}" id="c{{id}}">
  <h3><a href="#m{{id}}">{{{heading}}}</a> · {{stateName}}</h3>
  <blockquote lang="{{sourceLang}}" dir="{{sourceDir}}">{{text}}</blockquote>
  {{#revised}}<div class="revised">{{revisedLabel}}</div>{{/revised}}
  <div class="label">{{{labels}}}</div>
  {{#hasNotes}}<div class="label">{{notesLabel}}</div><ul>{{#notes}}<li><span lang="{{lang}}" dir="auto">{{body}}</span> <span class="label">{{{byline}}}</span></li>{{/notes}}</ul>{{/hasNotes}}
  {{#hasEvidence}}<div class="label">{{evidenceLabel}}</div><ul>{{#evidence}}<li>{{stance}}: <bdi>{{url}}</bdi> <span class="label">— <bdi>{{by}}</bdi></span></li>{{/evidence}}</ul>{{/hasEvidence}}
</section>
{{/claims}}
</aside>
</main>
<footer>{{{footer}}}</footer>
</body>
</html>
"""#
}
