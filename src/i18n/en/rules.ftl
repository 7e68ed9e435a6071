# Findings of the rules over the records and over git history.

## Words for codes
outcome-adopted = adopted
outcome-rejected = rejected
outcome-deferred = deferred
outcome-referred = referred
state-submitted = submitted
state-deliberating = deliberating
state-adopted = adopted
state-implementing = implementing
state-completed = completed
state-accepted = accepted
state-rejected = rejected
state-referred = referred
state-withdrawn = withdrawn
not-decided-yet = not decided yet
privacy-id-number = a resident ID number
privacy-mobile = a mobile phone number
privacy-landline = a landline phone number
privacy-email = an e-mail address

## duplicate-id
duplicate-member = member id `{ $id }` is used twice
duplicate-second-label = second use
duplicate-first-label = first use
duplicate-member-help = give each member their own id, and check which one the records mean
duplicate-proposal = proposal id `{ $id }` is used twice in council `{ $council }`
duplicate-proposal-help = this file and `{ $first }` name the same proposal (ids ignore case); rename one of them

## unknown-member, member-not-serving
unknown-member = `{ $id }` in `{ $field }` is not a member of council `{ $council }`
unknown-member-label = no such member
unknown-member-help = add the member to { $file } or use one of its member ids
unknown-member-name-help = `{ $name }` is a member's name; write the member's id here: `{ $id }`
not-serving = `{ $id }` in `{ $field }` does not serve on the council on { $date }
not-serving-label = not serving on this date
serves-from-label = serves from this day
served-until-label = served until this day
not-serving-help = check the record's date and the member's `from` and `to` in council.toml; a visitor goes in `guests`

## unknown-proposal
unknown-proposal-item = this item names proposal `{ $id }`, which council `{ $council }` does not have
unknown-proposal-report = this report names proposal `{ $id }`, which council `{ $council }` does not have
unknown-proposal-label = no such proposal
unknown-proposal-help = add `{ $path }` first, or use the id of an existing proposal

## Meetings
attendance-incomplete = serving { $count ->
    [one] member { $ids } is
   *[other] members { $ids } are
} neither present nor absent
attendance-label = attendance
attendance-incomplete-help = list every serving member in `present` or `absent`, as on the sign-in sheet
not-present-chair = the chair `{ $id }` is not listed as present
not-present-recorder = the recorder `{ $id }` is not listed as present
not-present-label = not in `present`
not-present-help = add "{ $id }" to `present`
present-and-absent = `{ $id }` is listed both present and absent
listed-absent-label = listed absent
listed-present-label = listed present
present-and-absent-help = keep the member in the list that matches the sign-in sheet, and remove them from the other
quorum-not-met = decision taken with { $present } of { $serving } voting members present; quorum is { $quorum } ({ $needed })
quorum-present-label = { $present } present
quorum-not-met-help = record the decision at a meeting with at least { $needed } voting members present, or mark the item `action = "deliberate"`
votes-exceed = { $total } votes counted but only { $present } voting members were present
votes-label = { $total } votes
votes-exceed-help = check the count against the sign-in sheet: each present voting member votes once (yes, no or abstain)
outcome-contradicts-votes = `{ $outcome }` but the votes (yes { $yes }, no { $no }, abstain { $abstain }) { $carries ->
    [yes] carry
   *[no] do not carry
} under majority `{ $majority }`
outcome-recorded-label = recorded `{ $outcome }`
votes-plain-label = votes
outcome-votes-help = adopting needs { $rule }; check the count and the outcome in the meeting's notes
majority-present-words = more than half of the { $present } voting members present ({ $needed } or more yes)
majority-cast-words = more yes than no votes
majority-two-thirds-words = at least two thirds of the { $present } voting members present ({ $needed } or more yes)

## Lifecycle
withdrawn-before-meeting = `{ $id }` was withdrawn before this meeting
withdrawn-matter-label = withdrawn matter
withdrawn-here-label = withdrawn here
withdrawn-before-meeting-help = remove the item, or file a new proposal if the matter was raised again
already-decided = `{ $id }` was already { $outcome } at the meeting of { $date }
decided-again-label = decided again
earlier-decision-label = the earlier decision
already-decided-help = record this item as `action = "deliberate"`, or file a new proposal for a changed matter
before-submission = { $what } about `{ $id }` is dated { $date }, before the proposal was submitted on { $submitted }
dated-label = dated { $date }
before-submission-help = check both dates against the paper records and correct the wrong one
overdue = `{ $matter }` is overdue: due { $due }, { $late } days ago, still { $state }
overdue-label = deadline passed
overdue-help = follow up with the owner and file a supervision report; if more time was agreed, say so in it with `status = "delayed"`
unanswered = `{ $matter }` has waited { $waiting } days for a meeting (limit { $limit } days)
unanswered-help = put the matter on the next meeting's agenda as an item with `action = "deliberate"`
progress-incomplete = status `{ $status }` with progress { $progress }%
progress-below-label = below 100
status-label = status
progress-incomplete-help = if the work is finished write `progress = 100`; otherwise use status `on-track`, `delayed` or `blocked`
progress-regressed = progress of `{ $id }` went down from { $before }% to { $now }%
progress-lower-label = lower than before
previous-report-label = previous report
progress-regressed-help = correct the number, or explain in the report's text what work was undone
report-after-acceptance = a report on `{ $id }` after its acceptance inspection
after-acceptance-label = after acceptance
accepted-here-label = accepted here
report-after-acceptance-help = a matter is closed once accepted: raise reopened work as a new proposal, or correct this report's `proposal`
report-before-adoption = a report on `{ $id }` dated { $date } when the matter was { $state }
no-adoption-label = no adoption before this date
report-before-adoption-help = check the report's `date` and `proposal`; supervision starts after the meeting that adopted the matter

## dated-after-today, name-date-mismatch
dated-after-today = `{ $field }` is { $date }, after today ({ $today }): the site leaves this record out until that day
dated-after-today-label = after today
dated-after-today-help = if the year or the month is a typo, correct it; if { $date } is right, this is only a reminder: the record is published on that day
name-date-mismatch = the file name says { $named }, but `date` is { $date }
name-date-mismatch-label = the file name says { $named }
name-date-mismatch-help = if { $date } is right, rename the file to `{ $renamed }`; if the file name is right, write `{ $fixed }`

## Published text
link-outside = { $what } `{ $dest }` points outside the site
link-outside-label = outside the site
link-outside-help = link only to records, pages and files inside the site
link-broken = { $what } `{ $dest }` points at `{ $path }`, which does not exist
link-broken-label = nothing there
link-broken-help = links are relative to this file: a proposal from minutes is `../proposals/<id>.md`, an attachment `../files/<name>`
personal-data = published text holds { $what }
personal-data-label = hidden here
personal-data-help = describe people by their public role instead; a public office number may be listed in `[privacy] allow` in site.toml
unsafe-html = raw HTML: { $what } is removed when publishing
removed-label = removed
unsafe-html-help = write plain Markdown instead of HTML; scripts, event handlers and styles never reach the site
unsafe-link = a `{ $scheme }:` { $what } address is removed when publishing
unsafe-link-help = link to web pages with `https://…`, or to records with a relative path
removed-tag = the `<{ $name }>` tag
removed-handler = the event handler `{ $attr }` on `<{ $name }>`
unsafe-svg = SVG image: { $what } is removed when publishing
unsafe-svg-help = export the drawing again without scripts, links or embedded pages; the published image is the drawing alone
unsafe-too-deep = raw HTML nests { $depth } elements deep (at most { $max }): this body's HTML is published as text
unsafe-too-deep-label = too deep from here
unsafe-too-deep-help = write the text as Markdown, or close each HTML element you open
removed-element = the `<{ $name }>` element
removed-style-element = a `<style>` that loads other content
removed-address = the address `{ $address }` in `<{ $name }>`
removed-loading-attribute = the attribute `{ $attr }` on `<{ $name }>`, which loads other content
removed-attribute = the attribute `{ $attr }` on `<{ $name }>`
removed-url = a `{ $scheme }:` URL in `<{ $name }>`

## Git history (council audit)
unauthorized-commit = commit by { $author } changes council `{ $key }`, but the author is not one of its serving secretaries ({ $secretaries })
unauthorized-commit-help = council `{ $key }`'s records are changed by its secretary; if a new secretary took over, first commit their `git` address in councils/{ $key }/council.toml (by the current secretary); if this is a secretary's other address, map it in .mailmap
unsigned-commit = council `{ $key }` requires signed commits, and commit by { $author } { $why }
unsigned-commit-help = sign commits with your SSH key (`git config gpg.format ssh`, `git config commit.gpgsign true`) and list the public key in your member's `keys`
sig-why-unsigned = has no signature
sig-why-gpg = is signed with GPG, which council cannot verify here (use an SSH key)
sig-why-unknown-key = is signed by a key no member with the author's address lists ({ $fingerprint })
sig-why-bad = has a signature that does not verify
record-deleted = commit by { $author } deletes the committed record `{ $path }`
record-deleted-help = records are never deleted: a matter no longer pursued gets `withdrawn` and `withdrawn_reason`
record-renamed = commit by { $author } renames the committed record `{ $from }` to `{ $to }`
record-renamed-help = renaming a record breaks every link and reference to it; keep its name
decision-rewritten = commit by { $author } rewrites committed minutes: { $changes }
changed-here-label = changed here
decision-rewritten-help = decisions are not edited after the fact; if the minutes were wrong, say so in the commit message and have the council confirm the correction
change-date = date { $before } → { $after }
change-present = present { $changes }
change-decision-removed = the decision on `{ $id }` is removed
change-decision-added = a decision on `{ $id }` is added
change-field = `{ $id }` { $field } { $before } → { $after }
dated-in-future = first committed on { $committed } by { $author }, but dated { $date }
later-date-label = a later date
dated-in-future-help = correct the date if it is a typo; records are committed after the meeting or event they record
late-filing = minutes of { $date } first committed { $late } days later, on { $committed } (limit { $limit } days)
meeting-date-label = meeting date
late-filing-help = commit minutes within a week of the meeting; for old minutes entered late, say so in the commit message
audit-authorisation-off = authorisation is off for council `{ $key }`: no serving secretary lists a `git` address in its council.toml

## issue 13: the audit's holes
decision-rewritten-renamed = commit by { $author } renames the minutes `{ $from }` and rewrites them: { $changes }
decision-rewritten-restored = commit by { $author } restores deleted minutes with other decisions: { $changes }
decision-rewritten-compared = { $finding } (compared with the last version that could be read, in commit { $commit })
commit-dated-in-future = commit by { $author } is dated in the future: { $why }
commit-author-after-commit = its author date { $authored } is after its own commit date { $committed }
commit-after-today = it is dated { $date }, after today ({ $today })
commit-dated-in-future-help = the rules judge commits by their dates: check the clock of the computer that made the commit, and never commit with `--date` in the future
sig-why-unsupported = is signed with a key of type `{ $algorithm }`, which council cannot verify (the signature may be good: check it with `git verify-commit`)
mailmap-onto-secretary = commit by { $author } maps <{ $alias }> onto <{ $address }>, the address of `{ $member }`, a secretary of council `{ $key }`, in .mailmap; only that council's secretaries may do so
mailmap-onto-secretary-help = have a secretary of `{ $key }` commit the mapping, or list the address in the member's `git` in councils/{ $key }/council.toml
author-with-address = { $name } <{ $email }>
author-with-mapped-address = { $name } <{ $email }> (mapped to <{ $mapped }> by .mailmap)

## issue 10: referrals and return visits (SPEC §8)
unknown-council-referral = `{ $value }` is written like a council key, but the site has no such council
unknown-council-label = no such council
unknown-council-help = a council's key is its folder under `councils/`, like `huangtai/joint`; an outside body is written by its full name
unknown-council-from = `referred_from` names the council `{ $key }`, which the site does not have
unknown-council-proposal = `referred_from` names `{ $id }`, which council `{ $key }` does not have
unknown-council-proposal-label = no such proposal
unknown-council-proposal-help = `referred_from` is the referring council's key and the id of its proposal; see `{ $folder }`
referral-to-itself = a referral to `{ $key }`, the council that decides it
referral-to-itself-label = its own council
referral-to-itself-help = write where the matter goes: another council's key or an outside body's full name; to discuss it again here, decide `outcome = "deferred"`
referral-not-here = `{ $matter }` was not referred to council `{ $key }`
referral-not-here-label = no referral to this council
referral-elsewhere-label = referred here instead
referral-elsewhere-help = a matter continues at the council it was referred to: check `referred_from`, or the `referred_to` of the referral
referral-missing-help = record the referral first: the minutes of `{ $from }` decide `outcome = "referred"` with `referred_to = "{ $key }"`
referral-before = submitted on { $submitted }, before `{ $matter }` was referred here on { $date }
referral-before-label = before the referral
referral-here-label = referred here
referral-before-help = a continuation is recorded on or after the day of the referral: check `submitted` and the date of the minutes
referral-twice = `{ $matter }` is already continued by `{ $other }`
referral-twice-label = continued twice
referral-first-label = continued here first
referral-twice-help = record a referred matter once: withdraw the duplicate with `withdrawn = <date>` and `withdrawn_reason`
referral-unanswered = `{ $matter }` was referred to `{ $key }` { $days } days ago, and it has not recorded the matter (limit { $limit } days)
referral-unanswered-label = not taken up yet
referral-unanswered-help = `{ $key }` records the matter as a proposal with `referred_from = "{ $matter }"`
visit-before-outcome = a return visit about `{ $id }` on { $date }, before the matter was { $state } on { $final_date }
visit-without-outcome = a return visit about `{ $id }`, which has no final outcome yet (it is { $state })
visit-before-outcome-label = before the outcome
visit-before-outcome-help = a return visit tells residents the outcome: date it on or after the decision (rejected, referred), the acceptance inspection or the withdrawal; a visit during the works belongs in a supervision report
feedback-missing = `{ $matter }` has been { $state } since { $final_date } ({ $days } days) and nobody has recorded a return visit (limit { $limit } days)
feedback-missing-help = visit the residents who raised it, tell them the outcome, and record the visit: `council new feedback { $matter }`
