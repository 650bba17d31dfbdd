import Foundation

/// The replay of the notifications' settings, and the check of their rows: who is emailed
/// at which address, how the desk sends mail, and where its webhooks post, as signed events
/// set them. A row changed by hand (an address planted, a command swapped) is reported here
/// and refused by the deliverer (``Deliverer``).
extension HistoryReplay {
    mutating func applyNotify(_ event: Event, _ payload: EventPayload) {
        switch payload {
        case .reviewerNotify(let setting):
            notifySettings[setting.handle] = (setting, event.seq)
        case .mailSet(let setting):
            mail = (setting, event.seq)
        case .webhookAdd(let hook):
            if webhooks[hook.webhook] != nil { return problem(.notAllowed, event.seq, "it adds webhook \(hook.webhook) a second time") }
            webhooks[hook.webhook] = (hook, event.actor, event.seq)
        case .webhookRemove(let hook):
            if webhooks.removeValue(forKey: hook.webhook) == nil {
                problem(.notAllowed, event.seq, "it removes webhook \(hook.webhook), which was not there")
            }
        default: break
        }
    }

    mutating func checkNotifications(settings: [NotifySetting], mail row: MailSetting?, webhooks rows: [Webhook], secretsRead: Bool) {
        for row in settings {
            guard let recorded = notifySettings.removeValue(forKey: row.handle), recorded.seq == row.seq,
                  NotifySettingCheck.matches(row, recorded.setting) else {
                problem(.rowChanged, nil, "its address, mode or language is not what the newest reviewer.notify event set",
                        row: "notify setting \(row.handle)")
                continue
            }
        }
        if let row {
            if !MailSettingCheck.matches(row, mail) {
                problem(.rowChanged, nil, "the transport, sender or notes flag is not what the newest mail.set event set", row: "mail setting")
            }
        }
        for row in rows {
            let id = row.id ?? 0
            guard let recorded = webhooks.removeValue(forKey: id) else {
                problem(.rowChanged, nil, "no event added this webhook, or one removed it", row: "webhook \(id)")
                continue
            }
            if !WebhookCheck.matches(row, recorded.event, by: recorded.by, seq: recorded.seq, secretRead: secretsRead) {
                problem(.rowChanged, nil, "its address, events, format or secret is not what its webhook.add event recorded",
                        row: "webhook \(id)")
            }
        }
        for id in webhooks.keys.sorted() {
            problem(.rowChanged, nil, "its history added it but the webhook is gone", row: "webhook \(id)")
        }
        webhooks = [:]
        notifySettings = [:]
    }
}

/// Whether a reviewer's settings row is what a `reviewer.notify` event set.
enum NotifySettingCheck {
    static func matches(_ row: NotifySetting, _ event: EventPayload.NotifySet) -> Bool {
        row.handle == event.handle && row.mode.description == event.mode && row.language == (event.language ?? "en")
            && row.email.map(sha256Hex) == event.sha256
    }
}

/// Whether the desk's mail row is what its newest `mail.set` event set.
enum MailSettingCheck {
    static func matches(_ row: MailSetting, _ recorded: (setting: EventPayload.MailSet, seq: Int64)?) -> Bool {
        guard let recorded, recorded.seq == row.seq else { return false }
        return recorded.setting.url == row.recorded && recorded.setting.sender == row.sender
            && (recorded.setting.notes == 1) == row.includeNotes
    }
}

/// Whether a webhook's row is what its `webhook.add` event recorded.
enum WebhookCheck {
    static func matches(_ row: Webhook, _ event: EventPayload.WebhookChange, by: String, seq: Int64, secretRead: Bool) -> Bool {
        event.webhook == row.id && event.url == row.url && (event.events ?? []) == row.events
            && (event.format ?? Webhook.Format.standard.rawValue) == row.format.rawValue
            && (event.network == "private") == row.allowPrivate && row.addedBy == by && row.addedSeq == seq
            && (!secretRead || event.sha256 == sha256Hex(row.secret))
    }
}
