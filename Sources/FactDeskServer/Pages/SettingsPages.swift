/// The settings page's templates: the viewer's two-factor login, and the page that shows
/// a new one's QR code and recovery codes once.
enum SettingsPages {
    static let templates: [String: String] = ["settings": settings, "twoFactorEnrolled": enrolled]

    static let settings = #"""
    <h1>Settings</h1>
    <section class="card">
    <h2>Two-factor login</h2>
    {{#enabled}}
    <p>On: logging in takes your password and a code from your authenticator app (or a recovery code).</p>
    <form method="post" action="/settings/2fa/enable">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <button type="submit">Renew: a new QR code and new recovery codes</button>
    </form>
    <form method="post" action="/settings/2fa/disable">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <button type="submit">Turn off</button>
    </form>
    {{/enabled}}
    {{^enabled}}
    <p>Off: your password alone opens the desk. With a two-factor login, a stolen password is not enough.</p>
    {{#required}}<p class="error" role="alert">This desk requires it of you: turn it on before your next login.</p>{{/required}}
    <form method="post" action="/settings/2fa/enable">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <button type="submit">Turn on</button>
    </form>
    {{/enabled}}
    </section>
    {{{notifications}}}
    """#

    static let enrolled = #"""
    <h1>Two-factor login is on</h1>
    <section class="card">
    <p>Scan this with an authenticator app (FreeOTP, Aegis, Google Authenticator…), now: it is shown only once.</p>
    <div class="qr">{{{qr}}}</div>
    <p class="hint">Or type this into the app:</p>
    <p><code class="uri" dir="ltr">{{uri}}</code></p>
    <h2>Recovery codes</h2>
    <p>Keep them somewhere safe, away from your phone. Each opens one login in place of a code.</p>
    <ol class="recovery" dir="ltr">{{#codes}}<li><code>{{.}}</code></li>{{/codes}}</ol>
    <p class="notice" role="status">Your sessions have ended: log in again with a code from the app, which also shows it works.</p>
    <p><a href="/login">Log in</a></p>
    </section>
    """#
}
