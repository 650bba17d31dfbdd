#!/bin/sh
# Makes every-action.db (and every-action-sara.key, its founding editor's key), the desk the event model's tests read: one history holding every
# action the command line writes, made by the built `factdesk` through its commands alone.
# The committed file was made by the FactDesk of the commit that added it; it is kept as made,
# since its point is that desks written before a change still verify after it.
#
#   sh Tests/FactDeskKitTests/Fixtures/make-every-action.sh .build/debug/factdesk
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export FACTDESK_USER=sara FACTDESK_KEYS="$work/keys" NO_COLOR=1
fd() { "$bin" "$@" --db desk.db; }

fd init --name "Sara Haddad"                                   # desk.create, reviewer.add
fd reviewer add layla --name "Layla Nasser"                   # reviewer.add with a name
fd reviewer add omar --name "Omar Khalil" --role editor
fd reviewer add nadia
fd reviewer role nadia editor                                 # reviewer.role
fd reviewer role nadia reviewer
fd reviewer deactivate nadia                                  # reviewer.deactivate
fd reviewer activate nadia                                    # reviewer.activate
FACTDESK_KEYS="$work/other" "$bin" key create --as nadia >/dev/null
fd reviewer key nadia "$(FACTDESK_KEYS="$work/other" "$bin" key show --as nadia)"   # reviewer.key
fd service add web                                            # service.add
fd service add night
fd service remove night                                       # service.remove
echo 'a phrase only the editor knows' | fd reviewer password --password-stdin           # reviewer.password
echo 'a phrase the reviewer picked' | fd reviewer password layla --password-stdin
fd token create --name nightly --expires 30d >/dev/null       # token.create
fd token revoke 1                                             # token.revoke
fd 2fa enable layla >/dev/null                                # twofactor.enable
fd 2fa disable layla                                          # twofactor.disable
fd source add "$root/seeds/000_9a4494d048ed1904.txt"          # source.add, claim.add
fd claim add --source 1 --text "على مدار 4 ساعات" --speaker "مسؤول كبير في الإدارة الأمريكية"
fd assign 1 2 --to layla --due 2099-01-01T12:00               # a transition setting an assignee and a deadline
fd --as layla start 1
fd --as layla verify 1 --note "مدة الجولة أكدها الطرفان" --evidence https://www.cnn.com/2025/04/19/politics/iran-us-talks-rome
fd reopen 1 --note "a second look"
fd assign 1 --to omar                                         # a reassignment: previous_assignee
fd --as layla start 2
fd --as layla dispute 2 --note "الجولة الأولى كانت في مسقط" --evidence https://example.org/muscat
fd note 1 "ملاحظة \"مقتبسة\" / مع سطر
ثان"                                                          # claim.note, with characters the JSON escapes
fd evidence add 1 https://example.org/a --stance supports --note "what it shows"   # claim.evidence
fd evidence add 2 "a citation in quotes"
fd source add "$root/seeds/001_177ee1963ca2ad8b.txt"
other=$(fd claim add --source 2 --text "استمرت خمس ساعات" --paraphrase | sed -n 's/^claim \([0-9]*\).*/\1/p')
fd link 1 "$other" --contradicts                              # claim.link
fd link 2 "$other" --same
fd unlink 1 "$other"
fd alias add Araghchi عراقجي أراغتشي                         # alias.add
fd alias remove أراغتشي                                       # alias.remove
echo '{"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/ar/enrichment-60", "author": {"@type": "Organization", "name": "فتبينوا"}, "datePublished": "2025-04-23", "claimReviewed": "إيران تخصب اليورانيوم حاليا بنسبة 60 في المئة", "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1, "alternateName": "صحيح في معظمه"}, "inLanguage": "ar"}' \
  | fd import claimreview -                                   # check.import
fd workflow install two-person                                # workflow.install
fd audit verify
fd backup "$root/Tests/FactDeskKitTests/Fixtures/every-action.db"
# The founding editor's private key, so that a test can write to a copy of the desk.
cp keys/sara.key "$root/Tests/FactDeskKitTests/Fixtures/every-action-sara.key"
