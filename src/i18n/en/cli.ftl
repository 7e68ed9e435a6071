# `--help` of every command and option, and the command line's own errors. Ids are made
# from the commands' names: `cli-<command>` describes a command, `cli-<command>-<option>` an
# option, `cli-arg-<option>` an option that means the same for every command.

cli-about = Validate, audit and publish the records of grid consultation councils
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-arg-help = Print help
cli-arg-version = Print the version
cli-arg-lang = The language of the output: zh or en (default: COUNCIL_LANG, the locale, the site's first language, English)
cli-arg-path = The site folder (default: the current folder, or the nearest folder above it with site.toml)
cli-arg-format = Output format: human, json or github (default: human)
cli-arg-deny-warnings = Fail (exit 1) on warnings too
cli-arg-council = The council's key, e.g. `huangtai/grid-03`
cli-help = Print the help of council or of one of its commands
cli-help-command = The command, e.g. `check` or `new proposal`

cli-check = Validate the records and report every problem
cli-check-today = The day to judge deadlines by (YYYY-MM-DD; default: today)
cli-check-explain = Print the documentation of a rule and exit

cli-audit = Check the git history of the records: who changed what, when, and whether they could
cli-audit-since = Only commits after this revision (a commit id, tag or branch)

cli-log = The story of one matter from git: `council log huangtai/grid-03/2025-001`
cli-log-matter = `<council key>/<id>`

cli-serve = Preview the site while you edit: rebuilds on change and reloads open pages
cli-serve-port = The port (default: 1111, or a free one when it is taken; 0 for any free port)
cli-serve-bind = The address to listen on (default: 127.0.0.1); anything else lets other computers see the preview
cli-serve-today = The day the site is shown as of (YYYY-MM-DD; default: today)

cli-init = Start a new council repository that passes `council check` at once
cli-init-dir = The folder to create (must be empty or new; default: the current folder)

cli-new = Write a new record from a template: the next free name, members filled in, blanks marked
cli-new-proposal = A proposal: proposals/<year>-<NNN>.md
cli-new-proposal-title = The matter's title
cli-new-proposal-proposer = Who proposed it, in public words (e.g. "黄台路41号居民（23户）")
cli-new-proposal-channel = How it came in: applet, visit, service-post, meeting or other (default: other)
cli-new-proposal-date = The day it was submitted (YYYY-MM-DD; default: today)
cli-new-meeting = Minutes: meetings/<date>.md, with the serving members and the open matters
cli-new-meeting-date = The meeting's day (YYYY-MM-DD; default: today)
cli-new-report = A supervision report on an adopted matter: reports/<date>-<id>.md
cli-new-report-matter = `<council key>/<id>`, e.g. `huangtai/grid-03/2025-001`
cli-new-report-date = The report's day (YYYY-MM-DD; default: today)
cli-new-feedback = A return visit to the residents after a matter's final outcome: feedback/<date>-<id>.md
cli-new-feedback-matter = `<council key>/<id>`, e.g. `huangtai/grid-03/2025-001`
cli-new-feedback-date = The visit's day (YYYY-MM-DD; default: today)

cli-status = What each council still owes residents: unanswered, overdue, due soon, unsupervised, awaiting a return visit
cli-status-today = The day to judge by (YYYY-MM-DD; default: today)
cli-status-format = Output format: human or json (default: human)

cli-hook = Git hooks: `council hook install` checks the records before each commit
cli-hook-install = Install a pre-commit hook that checks the records about to be committed
cli-hook-pre-commit = Check the records as staged for the next commit (what the hook runs)

cli-build = Check the records, then publish the site
cli-build-output = The output folder (default: `public` in the site folder)
cli-build-today = The day the site is published as of (YYYY-MM-DD; default: today)
cli-build-base-url = The address the site is published at (overrides site.toml `base_url`)

## Errors in the command line
cli-error-unknown-argument = unknown option `{ $arg }`
cli-error-unknown-command = unknown command `{ $command }`
cli-error-value-missing = `{ $arg }` needs a value
cli-error-invalid-value = `{ $value }` is not a valid value for `{ $arg }`; the values are: { $valid }
cli-error-date = `{ $value }` is not a date (`{ $arg }`); write it as YYYY-MM-DD, like 2022-04-02
cli-error-bad-value = `{ $value }` is not a valid value for `{ $arg }`
cli-error-missing = missing: { $args }
cli-error-missing-command = a command is missing
cli-error-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-error-unexpected = unexpected `{ $value }`
cli-error-other = { $detail }
cli-error-more = For more information, try `--help`.

cli-audit-today = The day no commit may be dated after (YYYY-MM-DD; default: today)
cli-log-path-option = The same as PATH (an older spelling)
cli-verify = Prove a published copy of the site against the repository: the commit it states, the same bytes
cli-verify-path = The repository: the site folder in a clone, or a bare clone (default: the current folder)
cli-verify-site = The copy of the published site to verify (for example made with `wget -m`)
cli-verify-format = Output format: human or json (default: human)
cli-aggregate = Harvest the streets of a city.toml into one index of every street (SPEC §10)
cli-aggregate-dir = The folder holding city.toml (default: the current folder)
cli-aggregate-output = The output folder (default: `public` in the city's folder)
cli-aggregate-today = The city's day (YYYY-MM-DD; default: today): the day the harvest is dated; a street published as of a later day is not read
cli-aggregate-timeout = Give up a download after this many seconds (default: 30)
cli-aggregate-max-size = Refuse a file larger than this many MiB (default: 512)
