# Findings about fields: required, known, well-formed. And the words for what a table is.

## What a table or text is
what-proposal = the proposal
what-minutes = the minutes
what-report = the report
what-page = the page
what-translation = the translation
what-translations = the translations
what-translation-lang = the `{ $lang }` translation
what-file = { $file }
what-table = the `[{ $table }]` table
what-member-n = member { $n }
what-member = member `{ $id }`
what-item-n = item { $n }
what-item-about = the item about `{ $proposal }`
what-votes = the votes
what-field = `{ $key }`
what-text = the text
what-meeting-item = a meeting item
what-a-report = a report
what-link = link
what-image = image

## Kinds of value
type-string = a string
type-integer = a whole number
type-float = a decimal number
type-boolean = true or false
type-date = a date
type-list = a list
type-table = a table
expected-text = text in quotes
expected-list = a list in brackets
expected-texts = a list of texts in quotes
expected-tables = a list of tables

## Help shared by several findings
help-did-you-mean = did you mean `{ $code }`?
help-did-you-mean-one-of = did you mean `{ $code }`? `{ $key }` is one of { $list }
help-one-of = `{ $key }` is one of { $list }
help-write-it-like = write it like `{ $example }`
help-write-only-the-day = write only the day, like `{ $example }`
help-remove-quotes = remove the quotes: `{ $fixed }`
help-date-fix = write the date as year-month-day without quotes: `{ $fixed }`

## missing-field
missing-field = { $what } has no `{ $key }`
missing-field-label = `{ $key }` is required
missing-field-help = add `{ $example }` with the right value
missing-field-table-help = add a table like this one, with the real values:{"\u000A"}{ $example }
votes-missing-help = write all three counts, 0 where nobody voted that way: `{ $fixed }` (check `{ $key }` against the minutes)
outcome-needs-help = an `{ $outcome }` decision records `{ $key }`: add `{ $example }`
withdrawn-reason-without-date-help = a reason for withdrawal needs the date: add `withdrawn = <date>`, or remove `withdrawn_reason`

## unknown-field
unknown-field = unknown field `{ $key }` in { $what }
unknown-field-label = not a known field
unknown-field-no-fields-help = this table takes no fields; remove it
unknown-field-known-help = known fields here: { $known }
field-below-table-help = `{ $key }` belongs above the first `[[…]]` table: in TOML, a field written below a `[[…]]` line belongs to that table; move the line up

## invalid-value
wrong-type = `{ $key }` must be { $expected }, not { $found }
wrong-type-label = expected { $expected }
field-empty = `{ $key }` is empty
field-empty-label = empty
field-empty-help = write the value, or remove the line if the field is optional
placeholder-left = { $what } still holds a placeholder written by `council new`
placeholder-label = placeholder
placeholder-help = replace the text in 【】 with the real content, and remove the brackets
date-not-real = `{ $key }` is not a real date
date-not-real-label = no such day
date-not-real-help = check the month and the day: the month has fewer days than that
date-with-time = `{ $key }` must be a date without a time of day
date-with-time-label = a date and time
date-in-quotes = `{ $key }` is a date written in quotes
date-as-text = `{ $key }` is a date written as text: `{ $text }`
date-as-text-label = text, not a date
int-out-of-range = `{ $key }` must be between { $min } and { $max }
int-out-of-range-label = out of range
int-out-of-range-help = use a whole number from { $min } to { $max }
not-one-of = `{ $value }` is not a valid `{ $key }`
not-one-of-label = not one of the allowed values
id-malformed = `{ $value }` is not a valid id for `{ $key }`
id-malformed-label = malformed id
id-malformed-help = ids use lowercase letters a-z, digits and `-`, and start with a letter or digit, like `wang-li` or `2022-001`
lang-not-translation = `{ $lang }` is not a translation language of this site
lang-not-translation-label = unknown language
lang-only-one-help = the site has one language (`{ $default }`); add `{ $lang }` to `languages` in site.toml, or remove this table
lang-default-fields-help = `{ $lang }` is the default language: its text is the record's own fields
lang-others-help = the site's other languages are { $others }; add `{ $lang }` to `languages` in site.toml
lang-suffix-default-help = `{ $lang }` is the default language: its text is the record itself, without a language suffix
name-not-address = the { $what } `{ $name }` cannot be published as a web address
name-folder = folder name
name-page = page name
name-file = file name
name-route-help = use ASCII letters, digits, `-` and `_`, starting with a letter or digit, like `grid-03`
name-char-help = it holds `{ $char }`; rename it with letters, digits, spaces, `-`, `_` and `.`
lang-suffix-add-help = add `{ $lang }` to `languages` in site.toml (now { $languages }), or rename the file
base-url-not-absolute = `base_url` must be an absolute web address: { $problem }
base-url-blanks = it holds blanks, control characters, quotes or brackets
base-url-not-url = it is not a valid URL
base-url-scheme = it does not start with `https://` or `http://`
base-url-no-host = it names no host
base-url-credentials = it holds a user name or password
base-url-query = it holds a query (`?`) or a fragment (`#`)
base-url-not-absolute-label = not an http(s) URL
base-url-not-absolute-help = write the full address the site is published at, like `https://yishi.example.org/`
language-code-bad = `{ $value }` is not a language code
language-code-bad-label = not a language code
language-code-bad-help = use a short language code such as `zh` or `en`
language-twice = language `{ $value }` is listed twice
language-twice-label = listed twice
language-twice-help = list each language once
languages-empty = `languages` is empty
languages-empty-label = no language
languages-empty-help = list at least the default language, like `languages = ["zh"]`
theme-not-folder = `theme` must be a folder name under themes/
theme-not-folder-label = not a folder name
theme-not-folder-help = write only the folder's name, like `theme = "default"`
extra-not-table = `extra` must be a table
extra-not-table-label = not a table
extra-not-table-help = write it as `[extra]` with keys below
quorum-bad = `{ $value }` is not a valid quorum
quorum-bad-label = not a fraction a/b
quorum-bad-help = write a fraction of the members no larger than 1, like `quorum = "2/3"`
member-to-before-from = `to` is before `from`
member-to-before-from-label = ends before it starts
member-from-label = starts here
member-to-before-from-help = `to` is the last day the member served; it cannot be before `from`
git-not-email = `git` holds something that is not an e-mail address
git-not-email-label = not an e-mail address
git-not-email-help = list the e-mail addresses the member commits with, as `git config user.email` shows them
ssh-key-bad = `keys` holds a malformed SSH public key: { $why }
ssh-key-bad-label = not an SSH public key
ssh-key-bad-help = paste the whole line of the `.pub` file, like `ssh-ed25519 AAAAC3Nza… name@example.org`
ssh-key-kind = `{ $kind }` keys are not supported: council cannot verify their signatures (use ssh-ed25519, or another of { $others })
ssh-key-parse = { $detail }
withdrawn-before-submitted = the proposal is withdrawn before it was submitted
withdrawn-before-submitted-label = before `submitted`
withdrawn-before-submitted-help = check both dates; `withdrawn` is the day the proposer withdrew the matter
submitted-here-label = submitted here
deliberate-with-outcome = a `deliberate` item has no outcome
deliberate-with-outcome-label = outcome of a deliberation
deliberate-with-outcome-help = if the council decided, write `action = "decide"`; otherwise remove `outcome`
due-before-meeting = `due` is before the meeting
due-before-meeting-label = deadline already past when decided
due-before-meeting-help = `due` is the deadline for implementation; it comes after the meeting's `date`
by-empty = `by` names nobody
by-empty-help = list the ids of the members who supervised, like `by = ["li-ming"]`
stem-bad = `{ $stem }` is not a valid file name for { $what }
stem-bad-help = rename the file to `{ $name }`: file names use letters, digits, `-` and `_`
proposal-stem-bad = `{ $stem }` is not a valid proposal file name
proposal-stem-bad-help = a proposal's file name is its id (lowercase letters, digits and `-`): rename the file to `{ $name }`

## Return visits and referrals (SPEC §8)
what-feedback = the return visit
by-empty-feedback-help = list the ids of the members who visited the residents, like `by = ["wang-li"]`
referred-from-bad = `{ $value }` is not a matter of a council of this site
referred-from-bad-label = not `<council key>/<id>`
referred-from-bad-help = write the council's key and the proposal's id, like `referred_from = "huangtai/grid-03/2025-004"`
what-source-n = source { $n }
source-url-not-http = `url` must be an http:// or https:// address
source-url-not-http-help = write the street's published address, such as `url = "https://example.org/liaoning-road/"`, or use `site` for a folder
source-site-and-url = a source has both `site` and `url`
source-site-and-url-label = keep one
source-site-and-url-help = keep `site` for a folder holding a published copy, or `url` for the street's address, not both
source-no-location = a source has neither `site` nor `url`
source-no-location-label = this source
source-no-location-help = add `url = "https://…/"` (the street's published address) or `site = "…"` (a folder holding a published copy)
duplicate-source = two sources have the id `{ $id }`
duplicate-source-help = give each street its own id: it is the street's key in the city's addresses
