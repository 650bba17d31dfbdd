extension ArabicCatalog {
    /// The Arabic strings of the errors part: every refusal and error the desk shows, with
    /// commands, flags, file names and addresses left in Latin script.
    static let errors: [String: String] = [
        // MARK: - Kinds of failure, for an error whose sentence is free text
        "error_kind_usage": "لم يقبل الأمر بعض الكلمات أو القيم المعطاة؛ راجعها وأعد المحاولة",
        "error_kind_not_found": "ما طلبته غير موجود في هذا المكتب",
        "error_kind_transition_not_allowed": "لا يسمح سير العمل بهذا الإجراء من الحالة الحالية للادعاء",
        "error_kind_permission_denied": "لا تملك صلاحية القيام بهذا",
        "error_kind_invalid_input": "المُدخَل غير صالح؛ راجعه وأعد المحاولة",
        "error_kind_conflict": "تغيّر هذا أثناء اطّلاعك عليه؛ أعد تحميل الصفحة وحاول مجددًا",
        "error_kind_store_busy": "المكتب مشغول الآن؛ أعد المحاولة بعد قليل",
        "error_kind_store_unusable": "لا يمكن استخدام المكتب على حاله؛ راجع المسؤول عن تشغيله",
        "error_kind_tampered": "عُدِّل سجل المكتب خارج FactDesk؛ على أحد المحررين تشغيل `factdesk audit verify`",
        "error_kind_unavailable": "تعذّر الوصول إلى الطرف الآخر؛ أعد المحاولة لاحقًا",

        // MARK: - Claims, sources, reviewers and transitions
        "error_claim_not_found": "لا يوجد ادعاء رقم {id} في هذا المكتب؛ يعرض الأمر `factdesk claim list` الادعاءات",
        "error_source_not_found": "لا يوجد مصدر رقم {id} في هذا المكتب؛ يعرض الأمر `factdesk source list` المصادر",
        "error_reviewer_not_found":
            "لا يوجد مراجِع باسم '{handle}' في هذا المكتب؛ يمكن لأحد المحررين إضافته بالأمر `factdesk reviewer add {handle}`",
        "error_speaker_not_found":
            "لا يُنسب أي ادعاء في هذا المكتب إلى '{name}'؛ يعرض الأمر `factdesk speaker list` من تُنسب إليهم الادعاءات",
        "error_reviewer_exists": "المراجِع '{handle}' موجود من قبل؛ يعرض الأمر `factdesk reviewer list` مراجِعي المكتب",
        "error_reviewer_inactive":
            "حساب المراجِع '{handle}' معطَّل؛ يمكن لأحد المحررين تشغيل `factdesk reviewer activate {handle}`",
        "error_unknown_transition": "لا يتضمن سير عمل هذا المكتب انتقالًا باسم '{name}'؛ الانتقالات المتاحة: {transitions}",
        "error_transition_not_allowed_anywhere":
            "الادعاء {claim} في الحالة '{state}': الانتقال '{transition}' غير مسموح، ولا يخرج أي انتقال من '{state}'",
        "error_transition_not_allowed":
            "الادعاء {claim} في الحالة '{state}': الانتقال '{transition}' غير مسموح؛ المسموح من '{state}': {allowed}",
        "error_not_permitted": "لا يحق لـ {actor} تنفيذ '{transition}' على الادعاء {claim}: لا يحق ذلك إلا لـ {who}",
        "error_editor_only": "لا يحق لـ {actor} القيام بهذا ({action}): هذا للمحررين وحدهم",
        "error_note_required": "يتطلب الانتقال '{transition}' ملاحظة تبيّن السبب",
        "error_evidence_required#zero":
            "يتطلب الانتقال '{transition}' {n} دليل على الأقل (في الادعاء الآن {given})؛ أضف رابطًا أو استشهادًا",
        "error_evidence_required#one":
            "يتطلب الانتقال '{transition}' دليلًا واحدًا على الأقل (في الادعاء الآن {given})؛ أضف رابطًا أو استشهادًا",
        "error_evidence_required#two":
            "يتطلب الانتقال '{transition}' دليلين على الأقل (في الادعاء الآن {given})؛ أضف رابطًا أو استشهادًا",
        "error_evidence_required#few":
            "يتطلب الانتقال '{transition}' {n} أدلة على الأقل (في الادعاء الآن {given})؛ أضف رابطًا أو استشهادًا",
        "error_evidence_required#many":
            "يتطلب الانتقال '{transition}' {n} دليلًا على الأقل (في الادعاء الآن {given})؛ أضف رابطًا أو استشهادًا",
        "error_evidence_required#other":
            "يتطلب الانتقال '{transition}' {n} دليل على الأقل (في الادعاء الآن {given})؛ أضف رابطًا أو استشهادًا",
        "error_assignee_required": "الانتقال '{transition}' يُسند الادعاء إلى مراجِع: سمِّ المراجِع",
        "error_assignee_not_expected": "الانتقال '{transition}' لا يُسند الادعاء: لا تُسمِّ أي مراجِع",
        "error_version_conflict":
            "تغيّر الادعاء {claim} منذ اطّلعت عليه (النسخة {expected}، والآن {actual})؛ شغّل `factdesk claim show {claim}` وأعد المحاولة",
        "error_version_conflict_change":
            "تغيّر الادعاء {claim} منذ اطّلعت عليه (النسخة {expected}، والآن {actual}: {change})؛ شغّل `factdesk claim show {claim}` وأعد المحاولة",
        "error_text_not_in_source":
            "هذا النص لا يرد حرفيًا في المصدر {source}؛ انسخه كما هو تمامًا، أو سجّله على أنه إعادة صياغة",
        "error_same_reviewer":
            "لا يحق لـ {actor} تنفيذ '{transition}' على الادعاء {claim}: فقد نفّذ {actor} عليه '{earlier}'، ويجب أن يقرر شخص ثانٍ",
        "error_nothing_proposed": "لا يوجد للادعاء {claim} حكم مقترح لتنفيذ '{transition}' عليه",
        "error_unknown_state": "لا توجد حالة باسم '{name}' في سير عمل هذا المكتب؛ الحالات: {states}",
        "error_invalid_deadline":
            "'{text}' ليس موعدًا نهائيًا؛ اكتبه بصيغة 2h أو 3d أو 1w أو YYYY-MM-DD أو YYYY-MM-DDTHH:MM (بتوقيت UTC)",
        "error_deadline_without_assignment": "يرافق الموعدُ النهائي انتقالًا يُسند الادعاء، مثل assign",
        "error_invalid_publication_date": "تاريخ النشر '{text}' ليس تاريخًا؛ اكتبه بصيغة YYYY-MM-DD",
        "error_invalid_language": "'{text}' ليس رمز لغة؛ استخدم رمزًا مثل ar أو en",
        "error_empty_claim_text": "نص الادعاء فارغ",
        "error_too_large": "{name} يتجاوز الحد الأقصى البالغ {limit} بايت",
        "error_too_large_size": "حجم {name} {size} بايت، وهو يتجاوز الحد الأقصى البالغ {limit} بايت",
        "error_forbidden_character": "يحتوي الحقل ({field}) على {scalar}، وهو محرف لا يخزّنه FactDesk؛ احذفه وأعد المحاولة",
        "error_last_editor": "{handle} هو آخر محرر نشط في المكتب؛ اجعل مراجِعًا آخر محررًا أولًا",

        // MARK: - Web pages
        "error_unreadable_charset": "الصفحة مكتوبة بترميز {charset} الذي لا يقرؤه FactDesk؛ احفظها بترميز UTF-8 واستورد الملف",
        "error_invalid_page_bytes": "بايتات الصفحة ليست صالحة في ترميز {charset}؛ احفظها بترميز UTF-8 واستورد الملف",
        "error_no_article_text": "لم يجد FactDesk نص مقال في الصفحة {url}؛ احفظ النص واستورد الملف",
        "error_fetch_bad_address": "{address} ليس عنوان http أو https؛ أعطِ الرابط الكامل للمقال",
        "error_fetch_status": "ردّ {address} بالرمز {code} {reason}؛ تحقق من العنوان، أو احفظ الصفحة واستورد الملف",
        "error_fetch_redirects":
            "يُحيل {address} في حلقة مفرغة أو أكثر من {limit} مرة؛ افتحه في المتصفح وأعطِ العنوان النهائي",
        "error_fetch_timed_out": "لم يردّ {address} خلال {seconds} ثانية؛ أعد المحاولة لاحقًا أو ارفع قيمة --timeout",
        "error_fetch_too_large": "حجم {address} أكبر من {limit} بايت؛ ارفع قيمة --max-size إن كانت الصفحة بهذا الحجم فعلًا",
        "error_fetch_unreachable": "تعذّر الوصول إلى {address} ({reason})؛ تحقق من العنوان ومن الشبكة",
        "error_fetch_private_address":
            "يقود {address} إلى {ip}، وهو عنوان خارج الإنترنت العام؛ لا يجلب المكتب للآخرين إلا الصفحات العامة",
        "error_fetch_not_html": "{address} من نوع {type} وليس صفحة ويب؛ أعطِ عنوان صفحة المقال",

        // MARK: - Feeds and tips
        "error_feed_document_type":
            "{url} ليس موجزًا يقرؤه FactDesk: فهو يعلن نوع مستند (<!DOCTYPE أو <!ENTITY) لا تحتاج إليه الموجزات؛ أعطِ عنوان موجز RSS أو Atom أو JSON Feed الخاص به",
        "error_feed_not_a_feed":
            "{url} ليس موجزًا يقرؤه FactDesk: فهو ليس RSS ولا Atom ولا JSON Feed؛ أعطِ عنوان موجز RSS أو Atom أو JSON Feed الخاص به",
        "error_feed_malformed_xml":
            "{url} ليس موجزًا يقرؤه FactDesk: في XML الخاص به خلل (خطأ libxml2 رقم {code})؛ أعطِ عنوان موجز RSS أو Atom أو JSON Feed الخاص به",
        "error_feed_unclosed_xml":
            "{url} ليس موجزًا يقرؤه FactDesk: في XML الخاص به خلل (عناصر غير مغلقة)؛ أعطِ عنوان موجز RSS أو Atom أو JSON Feed الخاص به",
        "error_feed_not_json_feed":
            "{url} ليس موجزًا يقرؤه FactDesk: فهو JSON لكنه ليس JSON Feed (لا يذكر إصدار jsonfeed.org)؛ أعطِ عنوان موجز RSS أو Atom أو JSON Feed الخاص به",
        "error_feed_not_found": "لا يوجد موجز رقم {id}؛ يعرض الأمر `factdesk feed list` الموجزات",
        "error_feed_exists":
            "يتابع المكتب {url} من قبل (الموجز {id})؛ احذفه أولًا بالأمر `factdesk feed remove {id}` لإضافته من جديد",
        "error_tip_not_found": "لا يوجد بلاغ رقم {id}؛ يعرض الأمر `factdesk tip list` البلاغات",
        "error_tip_decided": "البلاغ {id} محسوم من قبل ({status})؛ لا يُقبل أو يُرفض أو يُدمج إلا بلاغ جديد",
        "error_too_many_tips":
            "أرسل هذا العنوان خلال الساعة الأخيرة أقصى عدد من البلاغات يقبله المكتب ({limit})؛ أعد المحاولة لاحقًا",

        // MARK: - Notifications
        "error_unknown_mention":
            "تشير الملاحظة إلى @{handle}، وهو ليس من أعضاء المكتب؛ يعرض الأمر `factdesk reviewer list` أسماء المستخدمين",
        "error_unknown_mention_suggestion": "تشير الملاحظة إلى @{handle}، وهو ليس من أعضاء المكتب؛ هل تقصد @{suggestion}؟",
        "error_webhook_not_found": "لا يوجد خطاف ويب (webhook) رقم {id}؛ يعرض الأمر `factdesk webhook list` الخطافات",
        "error_delivery_not_found": "لا يوجد إرسال رقم {id}؛ يعرض الأمر `factdesk webhook deliveries ID` إرسالات الخطاف",
        "error_inbox_item_not_found": "لا يوجد عنصر رقم {id} في صندوق واردك؛ يعرضه الأمر `factdesk inbox`",
        "error_mail_invalid_address": "'{address}' ليس عنوان بريد إلكتروني: {reason}؛ اكتبه بصيغة name@example.org",
        "error_mail_invalid_relay": "'{relay}' ليس خادم ترحيل بريد: {reason}",
        "error_mail_refused": "رفض {host} الأمر {command}: {reply}",
        "error_mail_refused_for_now": "رفض {host} الأمر {command}: {reply} (رفض مؤقت: يمكن إرسال الرسالة مرة أخرى لاحقًا)",
        "error_mail_unexpected_reply":
            "ردّ {host} على الأمر {command} بـ '{reply}'، وهذا ليس من SMTP؛ تحقق من مضيف خادم الترحيل ومنفذه",
        "error_mail_unreachable":
            "تعذّر الاتصال بخادم ترحيل البريد {host}: {reason}؛ تحقق من أنه يعمل ومن صحة مضيفه ومنفذه",
        "error_mail_timed_out": "لم يُنهِ خادم ترحيل البريد {host} عمله خلال {seconds} ثانية؛ أعد المحاولة لاحقًا، أو افحص الخادم",
        "error_mail_tls": "تعذّر إنشاء اتصال آمن بخادم ترحيل البريد {host}: {reason}",
        "error_mail_authentication": "تعذّر تسجيل الدخول إلى خادم ترحيل البريد {host}: {reason}",
        "error_mail_sendmail": "تعذّر إرسال البريد بالأمر '{command}': {reason}",

        // MARK: - Logins
        "error_wrong_credentials":
            "اسم المستخدم أو كلمة المرور غير صحيحة؛ تحقق منهما، أو اطلب من أحد المحررين تعيين كلمة مرور جديدة",
        "error_locked_out#zero": "محاولات دخول فاشلة كثيرة؛ أعد المحاولة بعد أقل من دقيقة",
        "error_locked_out#one": "محاولات دخول فاشلة كثيرة؛ أعد المحاولة بعد دقيقة واحدة",
        "error_locked_out#two": "محاولات دخول فاشلة كثيرة؛ أعد المحاولة بعد دقيقتين",
        "error_locked_out#few": "محاولات دخول فاشلة كثيرة؛ أعد المحاولة بعد {n} دقائق",
        "error_locked_out#many": "محاولات دخول فاشلة كثيرة؛ أعد المحاولة بعد {n} دقيقة",
        "error_locked_out#other": "محاولات دخول فاشلة كثيرة؛ أعد المحاولة بعد {n} دقيقة",
        "error_not_logged_in": "لم تسجّل الدخول، أو انتهت جلستك؛ سجّل الدخول مجددًا",
        "error_password_predates_digests":
            "عُيّنت كلمة المرور هذه قبل أن يبدأ المكتب بتسجيل بصمة كل كلمة مرور؛ عيّنها من جديد بالأمر `factdesk reviewer password`، ثم سجّل الدخول",
        "error_token_not_found": "لا يوجد لديك رمز API رقم {id}؛ يعرض الأمر `factdesk token list` رموزك",
        "error_second_factor_missing":
            "يتطلب هذا الدخول رمزًا: اكتب الأرقام الستة التي يعرضها تطبيق المصادقة، أو رمز استرداد لم يُستخدم",
        "error_wrong_second_factor":
            "الرمز خاطئ أو استُخدم من قبل؛ اكتب الأرقام الستة الحالية في التطبيق، أو رمز استرداد لم يُستخدم",
        "error_second_factor_required_all":
            "يشترط هذا المكتب الدخول بالتحقق بخطوتين للجميع؛ فعّله لحسابك بالأمر `factdesk 2fa enable`، أو اطلب ذلك من أحد المحررين، ثم سجّل الدخول برمز",
        "error_second_factor_required_editors":
            "يشترط هذا المكتب الدخول بالتحقق بخطوتين للمحررين؛ فعّله لحسابك بالأمر `factdesk 2fa enable`، أو اطلب ذلك من أحد المحررين، ثم سجّل الدخول برمز",
        "error_no_second_factor":
            "لم يفعّل {handle} الدخول بالتحقق بخطوتين حتى يُعطَّل؛ يفعّله الأمر `factdesk 2fa enable {handle}`",
        "error_qr_code_too_long":
            "{bytes} بايت أكثر مما يتسع له رمز QR من الإصدار 15 بمستوى التصحيح M (412 بايت على الأكثر)؛ اختصر اسم المكتب",

        // MARK: - The desk file and the database
        "error_no_desk": "لا يوجد مكتب في {path}؛ أنشئ واحدًا بالأمر `factdesk init`",
        "error_desk_already_exists": "{path} موجود من قبل؛ اختر مسارًا آخر، أو استخدم المكتب الموجود فيه",
        "error_not_a_desk": "{path} ليس مكتب FactDesk (ليس ملف مكتب، أو أنه تالف)",
        "error_newer_desk": "كُتب {path} بإصدار أحدث من FactDesk؛ حدّث factdesk لفتحه",
        "error_desk_busy": "المكتب مشغول: أبقاه أمر factdesk آخر أكثر من {seconds} ثانية؛ أعد المحاولة",
        "error_desk_read_only":
            "{path} للقراءة فقط؛ اجعله قابلًا للكتابة (chmod u+w {path}) لاستخدامه، أو اعمل على نسخة منه",
        "error_cannot_open_desk": "تعذّر فتح {path}: {reason}",
        "error_database": "تعذّر على المكتب تنفيذ ذلك: {message}",
        "error_postgres_unreachable": "تعذّر الوصول إلى خادم PostgreSQL في {place}: {reason}",
        "error_postgres_interrupted":
            "انقطع الاتصال بخادم PostgreSQL في {place}؛ لم يُحفظ شيء من هذا الأمر؛ أعد المحاولة",
        "error_no_database": "لا توجد قاعدة بيانات باسم {name}؛ أنشئها (createdb)، ثم شغّل عليها `factdesk init`",
        "error_database_not_empty":
            "تحتوي قاعدة البيانات {name} على جداول ليست لمكتب؛ أعطِ `factdesk init` قاعدة بيانات فارغة",
        "error_invalid_utf8": "ترميز UTF-8 غير صالح عند البايت {offset}",
        "error_nul_byte": "يوجد بايت NUL عند البايت {offset}، فيبدو أنه ملف ثنائي",

        // MARK: - The history and keys
        "error_workflow_changed":
            "عُدِّل سير عمل المكتب خارج FactDesk: {detail}؛ لن يُكتب شيء حتى يشغّل أحد المحررين `factdesk workflow install` بسير العمل الذي ينبغي أن يعمل به المكتب، ويبيّن `factdesk audit verify` ما تغيّر غير ذلك",
        "error_malformed_public_key":
            "'{text}' ليس مفتاحًا عامًا؛ أعطه كما يطبعه `factdesk key show`: ed25519: يليها 44 محرفًا بترميز base64",
        "error_malformed_private_key": "{path} ليس مفتاحًا خاصًا لـ FactDesk؛ انقله إلى مكان آخر وشغّل `factdesk key create`",
        "error_key_readable_by_others":
            "يمكن لمستخدمين آخرين قراءة {path}، لذا لا يُستخدم؛ شغّل `chmod 600 {path}` إن كان ملكك، وإلا فأنشئ مفتاحًا جديدًا",
        "error_no_private_key":
            "لا تملك مفتاح {handle}: لا يوجد الملف {handle}.key في {folder}؛ تصرّف باسمك أنت، أو اجعل FACTDESK_KEYS يشير إلى المجلد الذي فيه مفتاحك",
        "error_no_service_key":
            "لا يحمل هذا الجهاز مفتاح الخدمة {name}: لا يوجد الملف services/{name}.key في {folder}؛ شغّل هنا `factdesk service add {name}` بصفتك محررًا",
        "error_no_registered_key":
            "ليس لـ {handle} مفتاح في هذا المكتب؛ يسجّل أحد المحررين مفتاحًا بالأمر `factdesk reviewer key {handle} ed25519:...` (ويطبعه {handle} بالأمر `factdesk key show`)",
        "error_key_mismatch":
            "مفتاح {handle} في {folder} ليس المفتاح المسجّل لـ {handle} في هذا المكتب؛ استخدم المجلد الذي فيه المفتاح المسجّل، أو اطلب من أحد المحررين تشغيل `factdesk reviewer key {handle} ...` بالمفتاح الذي يطبعه `factdesk key show`",
        "error_no_service":
            "لا توجد خدمة مسجّلة باسم '{name}' في هذا المكتب؛ يسجّلها أحد المحررين بالأمر `factdesk service add {name}`",
        "error_service_key_mismatch":
            "مفتاح الخدمة {name} في {folder} ليس المفتاح المسجّل لها في هذا المكتب؛ سجّله من جديد بالأمر `factdesk service add {name} --key ...`",
        "error_cannot_write_key": "تعذّرت كتابة المفتاح {path}: {reason}",
    ]
}
