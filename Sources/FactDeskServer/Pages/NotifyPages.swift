/// The notifications' templates: the inbox, the viewer's email settings (part of
/// `/settings`), and the editors' webhooks with their deliveries.
enum NotifyPages {
    static let templates: [String: String] = ["inbox": inbox, "notifySettings": notifySettings, "webhooks": webhooks,
                                              "deliveries": deliveries]

    static let inbox = #"""
    <h1>{{t.inbox_title}}</h1>
    <p>{{unreadCount}} · <a href="/inbox">{{t.inbox_all}}</a> · <a href="/inbox?unread=1">{{t.inbox_unread}}</a></p>
    {{#any}}<form method="post" action="/inbox/read-all"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.inbox_read_all}}</button></form>{{/any}}
    <ul class="inbox">
    {{#items}}<li id="item-{{id}}" class="{{#unread}}unread-item{{/unread}}">
    {{#unread}}<span class="visually-hidden">{{t.inbox_unread_item}}</span>{{/unread}}<span lang="{{lang}}" dir="{{dir}}">{{text}}</span> <small>{{{at}}}</small>
    {{#claim}}<a href="/inbox/{{id}}/open">{{claimLink}}</a>{{/claim}}
    {{#unread}}<form class="inline" method="post" action="/inbox/{{id}}/read"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.inbox_mark_read}}</button></form>{{/unread}}
    </li>{{/items}}
    </ul>
    {{^any}}<p>{{t.inbox_empty}}</p>{{/any}}
    """#

    static let notifySettings = #"""
    <section class="card" id="notifications" aria-labelledby="notifications-heading">
    <h2 id="notifications-heading">{{t.notify_title}}</h2>
    <p>{{t.notify_intro}}</p>
    <form method="post" action="/settings/notifications">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.notify_email}} <input type="email" name="email" value="{{email}}" dir="ltr" autocomplete="email" placeholder="name@example.org"></label>
    <fieldset><legend>{{t.notify_send}}</legend>
    <label><input type="radio" name="mode" value="each" {{#each}}checked{{/each}}> {{t.notify_each}}</label>
    <label><input type="radio" name="mode" value="digest" {{#digest}}checked{{/digest}}> {{t.notify_digest}}</label>
    <label>{{t.notify_digest_hour}} <input name="hour" value="{{hour}}" size="5" dir="ltr" pattern="[0-2][0-9]:[0-5][0-9]"></label>
    <label><input type="radio" name="mode" value="none" {{#none}}checked{{/none}}> {{t.notify_none}}</label>
    </fieldset>
    <label>{{t.notify_language}} <select name="language">{{#mailLanguages}}<option value="{{code}}" lang="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/mailLanguages}}</select></label>
    <button type="submit">{{t.settings_save}}</button>
    </form>
    </section>
    """#

    static let webhooks = #"""
    <h1>{{t.webhooks_title}}</h1>
    <p>{{t.webhooks_intro}}</p>
    {{#secret}}<p class="notice" role="status">{{{secretLine}}} <code dir="ltr">{{secret}}</code></p>{{/secret}}
    <div class="scroll"><table><thead><tr><th scope="col">{{t.webhooks_col_id}}</th><th scope="col">{{t.webhooks_col_address}}</th><th scope="col">{{t.webhooks_col_events}}</th><th scope="col">{{t.webhooks_col_format}}</th><th scope="col">{{t.webhooks_col_status}}</th><th scope="col">{{t.webhooks_col_actions}}</th></tr></thead><tbody>
    {{#hooks}}<tr><td>{{number}}</td><td dir="ltr"><a href="/webhooks/{{id}}">{{url}}</a></td><td dir="ltr">{{events}}</td><td>{{format}}</td><td>{{{status}}}</td>
    <td><form method="post" action="/webhooks/{{id}}/remove"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.webhooks_remove}}</button></form></td></tr>{{/hooks}}
    </tbody></table></div>
    <form class="card" method="post" action="/webhooks">
    <h2>{{t.webhooks_add_title}}</h2>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label>{{t.webhooks_field_address}} <input name="url" type="url" required dir="ltr" placeholder="https://hooks.example.org/factdesk"></label>
    <label>{{t.webhooks_field_events}} <input name="events" dir="ltr" aria-describedby="events-hint"></label>
    <p class="hint" id="events-hint">{{{eventsHint}}}</p>
    <label>{{t.webhooks_field_format}} <select name="format"><option value="standard">{{t.webhooks_format_standard}}</option><option value="slack">{{t.webhooks_format_slack}}</option></select></label>
    <button type="submit">{{t.webhooks_add}}</button>
    </form>
    """#

    static let deliveries = #"""
    <h1>{{heading}}</h1>
    <p dir="ltr">{{url}}</p>
    <div class="scroll"><table><thead><tr><th scope="col">{{t.deliveries_col_delivery}}</th><th scope="col">{{t.deliveries_col_event}}</th><th scope="col"><code dir="ltr">webhook-id</code></th><th scope="col">{{t.deliveries_col_status}}</th><th scope="col">{{t.deliveries_col_attempts}}</th><th scope="col">{{t.deliveries_col_actions}}</th></tr></thead><tbody>
    {{#logs}}<tr><td>{{id}}</td><td>{{seq}}</td><td dir="ltr"><code>{{messageID}}</code></td><td>{{status}}</td>
    <td><ul>{{#attempts}}<li>{{{at}}} · <bdi>{{code}}</bdi> · {{{ms}}}{{#error}} · <span dir="auto">{{error}}</span>{{/error}}</li>{{/attempts}}</ul></td>
    <td><form method="post" action="/deliveries/{{id}}/redeliver"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.deliveries_again}}</button></form></td></tr>{{/logs}}
    </tbody></table></div>
    <p><a href="/webhooks">{{t.deliveries_all}}</a></p>
    """#
}
