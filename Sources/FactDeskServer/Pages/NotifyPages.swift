/// The notifications' templates: the inbox, the viewer's email settings (part of
/// `/settings`), and the editors' webhooks with their deliveries.
enum NotifyPages {
    static let templates: [String: String] = ["inbox": inbox, "notifySettings": notifySettings, "webhooks": webhooks,
                                              "deliveries": deliveries]

    static let inbox = #"""
    <h1>Inbox</h1>
    <p>{{unreadCount}} unread · <a href="/inbox">all</a> · <a href="/inbox?unread=1">unread</a></p>
    {{#any}}<form method="post" action="/inbox/read-all"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Mark all read</button></form>{{/any}}
    <ul class="inbox">
    {{#items}}<li id="item-{{id}}" class="{{#unread}}unread-item{{/unread}}">
    <span lang="{{lang}}" dir="{{dir}}">{{text}}</span> <small>{{at}}</small>
    {{#claim}}<a href="/inbox/{{id}}/open">claim {{claim}}</a>{{/claim}}
    {{#unread}}<form class="inline" method="post" action="/inbox/{{id}}/read"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Mark read</button></form>{{/unread}}
    </li>{{/items}}
    </ul>
    {{^any}}<p>Nothing here yet: assignments, deadlines, mentions and verdicts on your claims will show up here.</p>{{/any}}
    """#

    static let notifySettings = #"""
    <section class="card" id="notifications">
    <h2>Notifications</h2>
    <p>Your inbox on this desk gets every notification. Email gets them too, one by one or as a daily digest, if you give an address.</p>
    <form method="post" action="/settings/notifications">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>Email <input type="email" name="email" value="{{email}}" dir="ltr" autocomplete="email" placeholder="name@example.org"></label>
    <fieldset><legend>Send</legend>
    <label><input type="radio" name="mode" value="each" {{#each}}checked{{/each}}> each notification</label>
    <label><input type="radio" name="mode" value="digest" {{#digest}}checked{{/digest}}> a daily digest at <input name="hour" value="{{hour}}" size="5" dir="ltr" pattern="[0-2][0-9]:[0-5][0-9]"> UTC</label>
    <label><input type="radio" name="mode" value="none" {{#none}}checked{{/none}}> no email</label>
    </fieldset>
    <label>Language of emails <select name="language"><option value="en" {{#en}}selected{{/en}}>English</option><option value="ar" {{#ar}}selected{{/ar}}>العربية</option></select></label>
    <button type="submit">Save</button>
    </form>
    </section>
    """#

    static let webhooks = #"""
    <h1>Webhooks</h1>
    <p>Each post is signed as Standard Webhooks are (webhook-id, webhook-timestamp, webhook-signature) with the secret shown once when it is added.</p>
    {{#secret}}<p class="notice" role="status">Webhook {{secretFor}} added. Its secret, shown only now: <code dir="ltr">{{secret}}</code></p>{{/secret}}
    <table><thead><tr><th>ID</th><th>Address</th><th>Events</th><th>Format</th><th>Status</th><th></th></tr></thead><tbody>
    {{#hooks}}<tr><td>{{id}}</td><td dir="ltr"><a href="/webhooks/{{id}}">{{url}}</a></td><td>{{events}}</td><td>{{format}}</td><td>{{status}}</td>
    <td><form method="post" action="/webhooks/{{id}}/remove"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Remove</button></form></td></tr>{{/hooks}}
    </tbody></table>
    <form class="card" method="post" action="/webhooks">
    <h2>Add a webhook</h2>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>Address <input name="url" type="url" required dir="ltr" placeholder="https://hooks.example.org/factdesk"></label>
    <label>Events <input name="events" dir="ltr" placeholder="assign,verify,dispute — empty for every event"></label>
    <label>Format <select name="format"><option value="standard">standard (the event's JSON)</option><option value="slack">slack ({"text": …})</option></select></label>
    <button type="submit">Add</button>
    </form>
    """#

    static let deliveries = #"""
    <h1>Webhook {{id}}</h1>
    <p dir="ltr">{{url}}</p>
    <table><thead><tr><th>Delivery</th><th>Event</th><th>webhook-id</th><th>Status</th><th>Attempts</th><th></th></tr></thead><tbody>
    {{#logs}}<tr><td>{{id}}</td><td>{{seq}}</td><td dir="ltr"><code>{{messageID}}</code></td><td>{{status}}</td>
    <td><ul>{{#attempts}}<li>{{at}} · {{code}} · {{ms}} ms{{#error}} · {{error}}{{/error}}</li>{{/attempts}}</ul></td>
    <td><form method="post" action="/deliveries/{{id}}/redeliver"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Send again</button></form></td></tr>{{/logs}}
    </tbody></table>
    <p><a href="/webhooks">All webhooks</a></p>
    """#
}
