/// The settings page's templates: the viewer's language and digits, their two-factor
/// login, the page that shows a new one's QR code and recovery codes once, and (for
/// editors) the desk's month names.
enum SettingsPages {
    static let templates: [String: String] = ["settings": settings, "twoFactorEnrolled": enrolled]

    static let settings = #"""
    <h1>{{t.settings_title}}</h1>
    <section class="card" id="interface" aria-labelledby="interface-heading">
    <h2 id="interface-heading">{{t.settings_interface}}</h2>
    <form method="post" action="/settings/interface">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <fieldset><legend>{{t.settings_language}}</legend>
    {{#languages}}<label><input type="radio" name="language" value="{{code}}"{{#selected}} checked{{/selected}}> <span lang="{{code}}" dir="{{dir}}">{{name}}</span></label>{{/languages}}
    </fieldset>
    <fieldset><legend>{{t.settings_digits}}</legend>
    <label><input type="radio" name="digits" value="western"{{#western}} checked{{/western}}> {{t.settings_digits_western}} <bdi dir="ltr">0123456789</bdi></label>
    <label><input type="radio" name="digits" value="eastern"{{#eastern}} checked{{/eastern}}> {{t.settings_digits_eastern}} <bdi dir="ltr">٠١٢٣٤٥٦٧٨٩</bdi></label>
    <p class="hint">{{t.settings_digits_hint}}</p>
    </fieldset>
    <button type="submit">{{t.settings_save}}</button>
    </form>
    {{#editor}}
    <form method="post" action="/settings/months">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <fieldset><legend>{{t.settings_months}}</legend>
    <label><input type="radio" name="months" value="levantine"{{#levantine}} checked{{/levantine}}> {{t.settings_months_levantine}} <span lang="ar" dir="rtl">{{levantineSample}}</span></label>
    <label><input type="radio" name="months" value="egyptian"{{#egyptian}} checked{{/egyptian}}> {{t.settings_months_egyptian}} <span lang="ar" dir="rtl">{{egyptianSample}}</span></label>
    <p class="hint">{{t.settings_months_hint}}</p>
    </fieldset>
    <button type="submit">{{t.settings_save_months}}</button>
    </form>
    {{/editor}}
    </section>
    <section class="card" aria-labelledby="twofactor-heading">
    <h2 id="twofactor-heading">{{t.settings_2fa}}</h2>
    {{#enabled}}
    <p>{{t.settings_2fa_on}}</p>
    <form method="post" action="/settings/2fa/enable">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <button type="submit">{{t.settings_2fa_renew}}</button>
    </form>
    <form method="post" action="/settings/2fa/disable">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <button type="submit">{{t.settings_2fa_turn_off}}</button>
    </form>
    {{/enabled}}
    {{^enabled}}
    <p>{{t.settings_2fa_off}}</p>
    {{#required}}<p class="error" role="alert">{{t.settings_2fa_required}}</p>{{/required}}
    <form method="post" action="/settings/2fa/enable">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <button type="submit">{{t.settings_2fa_turn_on}}</button>
    </form>
    {{/enabled}}
    </section>
    {{{notifications}}}
    """#

    static let enrolled = #"""
    <h1>{{t.enrolled_title}}</h1>
    <section class="card">
    <p>{{t.enrolled_scan}}</p>
    <div class="qr">{{{qr}}}</div>
    <p class="hint">{{t.enrolled_type}}</p>
    <p><code class="uri" dir="ltr">{{uri}}</code></p>
    <h2>{{t.enrolled_recovery}}</h2>
    <p>{{t.enrolled_recovery_hint}}</p>
    <ol class="recovery" dir="ltr">{{#codes}}<li><code>{{.}}</code></li>{{/codes}}</ol>
    <p class="notice" role="status">{{t.enrolled_sessions_ended}}</p>
    <p><a href="/login">{{t.login_submit}}</a></p>
    </section>
    """#
}
