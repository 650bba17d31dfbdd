extension EnglishCatalog {
    /// The English strings of the errors part: every refusal and error the desk shows, in
    /// the words the command line prints.
    static let errors: [String: String] = [
        // MARK: - Kinds of failure, for an error whose sentence is free text
        "error_kind_usage": "the command was given words or values it does not accept",
        "error_kind_not_found": "what was named does not exist on this desk",
        "error_kind_transition_not_allowed": "the workflow does not allow this from the claim's current state",
        "error_kind_permission_denied": "you may not do this",
        "error_kind_invalid_input": "the input is not valid; check it and try again",
        "error_kind_conflict": "this changed while you were looking; reload and try again",
        "error_kind_store_busy": "the desk is busy; try again in a moment",
        "error_kind_store_unusable": "the desk cannot be used as it is; ask whoever runs it",
        "error_kind_tampered": "the desk's history was changed outside FactDesk; an editor must run `factdesk audit verify`",
        "error_kind_unavailable": "the other side could not be reached; try again later",

        // MARK: - Claims, sources, reviewers and transitions
        "error_claim_not_found": "no claim {id} in this desk; `factdesk claim list` shows the claims",
        "error_source_not_found": "no source {id} in this desk; `factdesk source list` shows the sources",
        "error_reviewer_not_found": "no reviewer '{handle}' in this desk; an editor adds one with `factdesk reviewer add {handle}`",
        "error_speaker_not_found": "no claim on this desk is attributed to '{name}'; `factdesk speaker list` shows who is",
        "error_reviewer_exists": "reviewer '{handle}' already exists; `factdesk reviewer list` shows the desk's reviewers",
        "error_reviewer_inactive": "reviewer '{handle}' is deactivated; an editor can run `factdesk reviewer activate {handle}`",
        "error_unknown_transition": "this desk's workflow has no transition '{name}'; it has: {transitions}",
        "error_transition_not_allowed_anywhere":
            "claim {claim} is '{state}': '{transition}' is not allowed, and no transition leaves '{state}'",
        "error_transition_not_allowed": "claim {claim} is '{state}': '{transition}' is not allowed; from '{state}' you can: {allowed}",
        "error_not_permitted": "{actor} may not {transition} claim {claim}: only {who} may",
        "error_editor_only": "{actor} may not {action}: only an editor may",
        "error_note_required": "'{transition}' needs a note saying why",
        "error_evidence_required#one":
            "'{transition}' needs at least {n} evidence item (the claim has {given}); add a URL or a citation",
        "error_evidence_required#other":
            "'{transition}' needs at least {n} evidence items (the claim has {given}); add a URL or a citation",
        "error_assignee_required": "'{transition}' assigns the claim: name the reviewer",
        "error_assignee_not_expected": "'{transition}' does not assign the claim: name no reviewer",
        "error_version_conflict":
            "claim {claim} changed since you looked (version {expected}, now {actual}); run `factdesk claim show {claim}` and try again",
        "error_version_conflict_change":
            "claim {claim} changed since you looked (version {expected}, now {actual}: {change}); run `factdesk claim show {claim}` and try again",
        "error_text_not_in_source":
            "that text does not appear word for word in source {source}; copy it exactly, or record it as a paraphrase",
        "error_same_reviewer":
            "{actor} may not {transition} claim {claim}: {actor} ran '{earlier}' on it, and a second person must decide",
        "error_nothing_proposed": "claim {claim} has no proposed verdict to {transition}",
        "error_unknown_state": "no state '{name}' in this desk's workflow; states: {states}",
        "error_invalid_deadline": "'{text}' is not a deadline; write 2h, 3d, 1w, YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)",
        "error_deadline_without_assignment": "a deadline goes with a transition that assigns, such as assign",
        "error_invalid_publication_date": "the publication date '{text}' is not a date; write it as YYYY-MM-DD",
        "error_invalid_language": "'{text}' is not a language code; use a code such as ar or en",
        "error_empty_claim_text": "the claim's text is empty",
        "error_too_large": "{name} is over the {limit}-byte limit",
        "error_too_large_size": "{name} is {size} bytes, over the {limit}-byte limit",
        "error_forbidden_character": "the {field} holds {scalar}, a character FactDesk does not store; remove it and try again",
        "error_last_editor": "{handle} is the desk's last active editor; make another reviewer an editor first",

        // MARK: - Web pages
        "error_unreadable_charset": "the page is in {charset}, which FactDesk does not read; save it as UTF-8 and import the file",
        "error_invalid_page_bytes": "the page's bytes are not valid {charset}; save it as UTF-8 and import the file",
        "error_no_article_text": "the page at {url} has no article text FactDesk can find; save the text and import the file",
        "error_fetch_bad_address": "{address} is not an http or https address; give the article's full URL",
        "error_fetch_status": "{address} answered {code} {reason}; check the address, or save the page and import the file",
        "error_fetch_redirects":
            "{address} redirects in a loop or more than {limit} times; open it in a browser and give the final address",
        "error_fetch_timed_out": "{address} did not answer within {seconds} s; try again later or raise --timeout",
        "error_fetch_too_large": "{address} is larger than {limit} bytes; raise --max-size if the page is really that large",
        "error_fetch_unreachable": "{address} cannot be reached ({reason}); check the address and the network",
        "error_fetch_private_address":
            "{address} leads to {ip}, which is not on the public internet; the desk fetches only public pages for others",
        "error_fetch_not_html": "{address} is {type}, not a web page; give the address of the article's page",

        // MARK: - Feeds and tips
        "error_feed_document_type":
            "{url} is not a feed FactDesk reads: it declares a document type (<!DOCTYPE or <!ENTITY), which feeds do not need; give the address of its RSS, Atom or JSON Feed",
        "error_feed_not_a_feed":
            "{url} is not a feed FactDesk reads: it is neither RSS, Atom nor JSON Feed; give the address of its RSS, Atom or JSON Feed",
        "error_feed_malformed_xml":
            "{url} is not a feed FactDesk reads: its XML is malformed (libxml2 error {code}); give the address of its RSS, Atom or JSON Feed",
        "error_feed_unclosed_xml":
            "{url} is not a feed FactDesk reads: its XML is malformed (unclosed elements); give the address of its RSS, Atom or JSON Feed",
        "error_feed_not_json_feed":
            "{url} is not a feed FactDesk reads: it is JSON but not a JSON Feed (no jsonfeed.org version); give the address of its RSS, Atom or JSON Feed",
        "error_feed_not_found": "there is no feed {id}; `factdesk feed list` shows the feeds",
        "error_feed_exists": "the desk already watches {url} (feed {id}); `factdesk feed remove {id}` first to add it again",
        "error_tip_not_found": "there is no tip {id}; `factdesk tip list` shows the tips",
        "error_tip_decided": "tip {id} is already {status}; only a new tip can be accepted, rejected or merged",
        "error_too_many_tips": "this address has sent {limit} tips within the hour, the most the desk takes; try again later",

        // MARK: - Notifications
        "error_unknown_mention": "the note mentions @{handle}, who is not on the desk; `factdesk reviewer list` shows the handles",
        "error_unknown_mention_suggestion": "the note mentions @{handle}, who is not on the desk; did you mean @{suggestion}?",
        "error_webhook_not_found": "there is no webhook {id}; `factdesk webhook list` shows the webhooks",
        "error_delivery_not_found": "there is no delivery {id}; `factdesk webhook deliveries ID` shows a webhook's deliveries",
        "error_inbox_item_not_found": "there is no item {id} in your inbox; `factdesk inbox` shows it",
        "error_mail_invalid_address": "'{address}' is not an email address: {reason}; write it as name@example.org",
        "error_mail_invalid_relay": "'{relay}' is not a relay: {reason}",
        "error_mail_refused": "{host} refused {command}: {reply}",
        "error_mail_refused_for_now": "{host} refused {command}: {reply} (a temporary refusal: the message can be sent again later)",
        "error_mail_unexpected_reply": "{host} answered {command} with '{reply}', which is not SMTP; check the relay's host and port",
        "error_mail_unreachable":
            "cannot talk to the mail relay {host}: {reason}; check that it is running and its host and port are right",
        "error_mail_timed_out": "the mail relay {host} did not finish within {seconds} s; try again later, or check the relay",
        "error_mail_tls": "no secure connection to the mail relay {host}: {reason}",
        "error_mail_authentication": "cannot log in to the mail relay {host}: {reason}",
        "error_mail_sendmail": "the mail command '{command}' {reason}",

        // MARK: - Logins
        "error_wrong_credentials": "wrong handle or password; check both, or ask an editor to set a new password",
        "error_locked_out#one": "too many failed logins; try again in {n} minute",
        "error_locked_out#other": "too many failed logins; try again in {n} minutes",
        "error_not_logged_in": "you are not logged in, or your session ended; log in again",
        "error_password_predates_digests":
            "this password was set before the desk recorded what each password is; set it again with `factdesk reviewer password`, then log in",
        "error_token_not_found": "no API token {id} of yours; `factdesk token list` shows them",
        "error_second_factor_missing":
            "this login needs a code: type the six digits your authenticator app shows, or an unused recovery code",
        "error_wrong_second_factor": "wrong or already used code; type the app's current six digits, or an unused recovery code",
        "error_second_factor_required_all":
            "this desk requires two-factor logins for everyone; turn yours on with `factdesk 2fa enable`, or ask an editor to, then log in with a code",
        "error_second_factor_required_editors":
            "this desk requires two-factor logins for editors; turn yours on with `factdesk 2fa enable`, or ask an editor to, then log in with a code",
        "error_no_second_factor": "{handle} has no two-factor login to turn off; `factdesk 2fa enable {handle}` turns one on",
        "error_qr_code_too_long":
            "{bytes} bytes are too many for a QR code of version 15 at level M (412 at most); shorten the desk's name",

        // MARK: - The desk file and the database
        "error_no_desk": "no desk at {path}; create one with `factdesk init`",
        "error_desk_already_exists": "{path} already exists; choose another path, or use the desk that is there",
        "error_not_a_desk": "{path} is not a FactDesk desk (not a desk file, or damaged)",
        "error_newer_desk": "{path} was written by a newer FactDesk; upgrade factdesk to open it",
        "error_desk_busy": "the desk is busy: another factdesk held it for more than {seconds} s; try again",
        "error_desk_read_only": "{path} is read-only; make it writable (chmod u+w {path}) to use it, or work on a copy",
        "error_cannot_open_desk": "cannot open {path}: {reason}",
        "error_database": "the desk could not do that: {message}",
        "error_postgres_unreachable": "cannot reach the PostgreSQL server at {place}: {reason}",
        "error_postgres_interrupted":
            "the connection to the PostgreSQL server at {place} was lost; nothing of this command was kept; try again",
        "error_no_database": "there is no database {name}; create it (createdb), then run `factdesk init` on it",
        "error_database_not_empty":
            "the database {name} already holds tables that are not a desk; give `factdesk init` an empty database",
        "error_invalid_utf8": "invalid UTF-8 at byte {offset}",
        "error_nul_byte": "a NUL byte at byte {offset}, so it looks like a binary file",

        // MARK: - The history and keys
        "error_workflow_changed":
            "the desk's workflow was changed outside FactDesk: {detail}; nothing is written until an editor runs `factdesk workflow install` with the workflow the desk should run, and `factdesk audit verify` says what else changed",
        "error_malformed_public_key":
            "'{text}' is not a public key; give one as `factdesk key show` prints it: ed25519: and 44 characters of base64",
        "error_malformed_private_key": "{path} is not a FactDesk private key; move it away and run `factdesk key create`",
        "error_key_readable_by_others":
            "{path} can be read by other users, so it is not used; run `chmod 600 {path}` if it is yours, else make a new key",
        "error_no_private_key":
            "you do not hold {handle}'s key: there is no {handle}.key in {folder}; act as yourself, or set FACTDESK_KEYS to the folder that holds your key",
        "error_no_service_key":
            "this machine does not hold the key of the service {name}: there is no services/{name}.key in {folder}; run `factdesk service add {name}` here as an editor",
        "error_no_registered_key":
            "{handle} has no key on this desk; an editor registers one with `factdesk reviewer key {handle} ed25519:...` ({handle} prints it with `factdesk key show`)",
        "error_key_mismatch":
            "the key of {handle} in {folder} is not the one this desk has for {handle}; use the folder that holds the registered key, or ask an editor to run `factdesk reviewer key {handle} ...` with `factdesk key show`'s key",
        "error_no_service": "no service '{name}' is registered on this desk; an editor registers it with `factdesk service add {name}`",
        "error_service_key_mismatch":
            "the key of the service {name} in {folder} is not the one this desk has registered; register it again with `factdesk service add {name} --key ...`",
        "error_cannot_write_key": "cannot write the key {path}: {reason}",
    ]
}
