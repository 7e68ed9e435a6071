# What the commands say: the tool's own errors, and the output of init, new, status, hook,
# build, serve, audit and log.

## The tool's own errors
error-line = error: { $error }
error-help-line = {"\u000A"}  = help: { $help }
note-line = note: { $note }
error-no-site = no site.toml in `{ $path }` or any folder above it
error-no-site-help = run council in the folder of your records (the one holding site.toml), or create one with `council init`
error-path = cannot use `{ $path }`: { $reason }
error-io = `{ $path }`: { $why }
path-not-a-folder = not a folder; give the folder of the site (the one holding site.toml)
path-is-a-file = it is a file
io-not-found = no such file or folder
io-permission-denied = permission denied
io-exists = it already exists
io-is-a-folder = it is a folder
io-not-a-folder = it is not a folder
io-disk-full = the disk is full
io-other = { $detail }
git-failed = git: { $detail }
no-such-rule = no rule named `{ $name }`
rules-are-help = the rules are: { $rules }
matter-not-key-id = `{ $matter }` is not `<council key>/<id>`, like `huangtai/grid-03/2025-001`
no-such-revision = `{ $rev }` names no commit in this repository

## council init
init-not-empty = `{ $path }` is not empty; council init only writes into an empty or new folder
init-not-empty-help = choose a new folder name, like `council init my-council`
init-created = created a council repository in { $path }:
init-next = next: put the council's real members in { $file }, then `council check`

## council new
new-no-contact = council `{ $council }` has no `contact`: the public notices of its decisions will tell residents to ask at the community's office; add a public contact to { $file }, like `contact = "黄台路社区党群服务中心（黄台路16号）"` (an office phone also goes in site.toml `[privacy] allow`)
new-fill-in = fill in the places marked 【请填写：…】, then run `council check`
record-exists = `{ $path }` already exists; council never overwrites a record
unknown-council-arg = unknown council `{ $key }`
no-council-yet-help = the site has no council yet: a council is a folder under councils/ holding council.toml
councils-are-help = the councils are: { $councils }
title-empty = `--title` is empty
title-empty-help = give the matter's title, like `--title "为3号楼加装电梯"`
no-such-proposal-arg = council `{ $council }` has no proposal `{ $id }`
see-proposals-help = see the proposals in { $folder }
not-yet-submitted = not yet submitted
report-not-adopted = `{ $matter }` is { $state } on { $date }: supervision reports follow the council's decision to adopt a matter
report-not-adopted-help = record the decision in the minutes first (`action = "decide"`, `outcome = "adopted"`)
feedback-not-final = `{ $matter }` is { $state } on { $date }: a return visit follows the matter's final outcome (accepted, rejected, referred or withdrawn)
feedback-not-final-help = visit the residents once the matter is decided, accepted or withdrawn; a visit during the works belongs in a supervision report (`council new report`)

## council status
status-as-of = as of { $date }
status-errors-note = note: the records have { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} (see `council check`); these lists may be incomplete
status-nothing-owed = nothing owed
status-unanswered = unanswered
status-overdue = overdue
status-due-soon = due in { $days } days
status-unsupervised = no report in { $days } days
status-deliberating = deliberating
status-awaiting-visit = awaiting a return visit
status-days-since-outcome = { $days ->
    [one] 1 day since the outcome
   *[other] { $days } days since the outcome
}
status-days-waiting = { $days ->
    [one] 1 day waiting
   *[other] { $days } days waiting
}
status-days-late = { $days ->
    [one] 1 day late
   *[other] { $days } days late
}
status-days-left = { $days ->
    [one] 1 day left
   *[other] { $days } days left
}
status-days-since = { $days ->
    [one] 1 day since
   *[other] { $days } days since
}

## council hook
hook-installed = installed { $path }: `council check` now runs before each commit
hook-exists = `{ $path }` already exists and is not council's; council does not overwrite it
hook-exists-help = add the line `{ $line }` to your hook
hook-staged-differs = note: `{ $file }` on disk differs from the copy staged for this commit; if you have fixed it, run `git add { $file }` and commit again
hook-refused = the commit was stopped: fix the errors above, `git add` the files, and commit again (to commit anyway: `git commit --no-verify`)
not-a-repository = `{ $path }` is not in a git repository
not-a-repository-help = run `git init` in the site's folder first

## council build
build-refused = error: nothing was published: fix the errors above (the output folder was not touched)
build-done = built { $pages } pages ({ $files } files) in { $seconds } s: { $written } written, { $unchanged } unchanged, { $removed } removed -> { $output }
build-cached = nothing the site is made of changed since the last build into this folder, so no page was rendered again
history-none-repository = the site is not in a git repository, so it is built without history
history-none-ignored = the site lies in a folder its git repository ignores, so it is built without history
history-none-shallow = the repository is a shallow clone, so the site is built without history (its sources are still compared with the commit)
history-none-empty = the repository has no commits yet, so the site is built without history
output-symlink = the output folder is a symbolic link; give a real folder
output-is-file = it is a file, not a folder
output-is-site = it is the site itself or holds it; publish to a folder such as `public`
output-in-sources = it is inside the site's `{ $folder }` folder; publish to a folder such as `public` (council would publish the site into itself)
base-url-option-bad = `--base-url { $url }` cannot be used: { $problem }
base-url-option-bad-help = give the full address the site is published at, like `--base-url https://yishi.example.org/`
output-waiting = note: waiting for another build to finish writing `{ $dir }`
output-not-ours = it is not empty and was not written by council build; choose an empty or new folder (council removes files it does not produce)
output-collision = two things would be published at `{ $path }`; rename the static file or page that collides with a generated page
notice-period-error = the notice period of a decision of { $date }: { $detail }
qr-code-error = cannot make the QR code of `{ $data }`: { $detail }
page-not-published = `{ $what }` is not published
theme-missing = the theme `{ $name }` named in site.toml is not in themes/{ $name }/
theme-missing-help = create the folder, or remove `theme` from site.toml to use the built-in theme
theme-file-problem = { $file }: { $problem }
theme-not-utf8 = theme file `{ $path }` is not UTF-8
theme-file-toml = theme file `{ $path }`: { $detail }
theme-no-strings = the theme has no UI strings for the language `{ $lang }`
theme-no-strings-help = add themes/<theme>/{ $path }, starting from a copy of i18n/en.toml
theme-strings-missing = the theme's i18n/{ $lang }.toml lacks strings that i18n/{ $default }.toml has: { $keys }
template-error-at = template `{ $name }`, line { $line }: { $detail }
template-error-in = template `{ $name }`: { $detail }
template-error = template error: { $detail }

## council serve
serve-serving = serving { $path } at { $url } (Ctrl-C to stop)
serve-loaded = loaded { $matters ->
    [one] 1 matter
   *[other] { $matters } matters
} in { $ms } ms
serve-loaded-errors = loaded { $matters ->
    [one] 1 matter
   *[other] { $matters } matters
} in { $ms } ms; { $errors ->
    [one] 1 error, shown over every page
   *[other] { $errors } errors, shown over every page
}
serve-exposed = warning: listening on { $address } — other computers can see the preview
serve-stopped = stopped
serve-misdirected = council serve answers only to http://localhost or an IP address
serve-cannot-start = cannot start the server: { $detail }
serve-cannot-listen = cannot listen on { $address }: { $why }
serve-cannot-watch = cannot watch the site: { $detail }
serve-one-file = { $file }
serve-files = { $count } files
serve-applied = { $what }: { $status } in { $ms } ms
serve-status-errors = { $errors ->
    [one] 1 error, shown over the pages
   *[other] { $errors } errors, shown over the pages
}
serve-status-reloaded = site reloaded
serve-status-rendered = { $rendered } pages re-rendered, { $invalidated } to render on request
overlay-title = council check: { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} — { $note }.
overlay-last-good = the page below is the last build without errors
overlay-nothing = nothing can be shown until they are fixed

## council audit, council log
audit-no-repository = `{ $path }` is not in a git repository, so it has no history to audit
audit-no-repository-help = run `git init` and commit the records, or audit a clone of the council's repository
audit-ignored = `{ $path }` lies in a folder that its git repository ignores, so none of its records are in the history
audit-ignored-help = remove the folder from `.gitignore` and commit the records, or give the site a repository of its own with `git init`
audit-shallow = this is a shallow clone: its history is cut, and rules over a cut history would lie
audit-shallow-help = fetch the whole history with `git fetch --unshallow`, then run the audit again
audit-empty = the repository has no commits yet
log-no-commit = no commit in the history touches the matter `{ $matter }`
log-commits = { $count ->
    [one] 1 commit
   *[other] { $count } commits
}
log-added = added { $path }
log-changed = changed { $path }
log-deleted = deleted { $path }
log-renamed = renamed { $from } → { $path }
log-minutes-of = { $change } (minutes of { $date })
log-field-change = {"  "}{ $field } { $before } → { $after }
log-text-changed = {"  "}text changed
log-indented = {"  "}{ $line }
log-removed = {"  "}removed: { $item }
log-added-item = {"  "}added: { $item }
log-item = { $what } ({ $details })
log-item-plain = { $what }
log-votes = votes { $yes }/{ $no }/{ $abstain }
log-owner = owner { $owner }
log-due = due { $due }
log-report = {"  "}status { $status }, progress { $progress }%
log-feedback = {"  "}return visit, { $satisfaction }
sig-unsigned = unsigned
sig-verified = verified ({ $fingerprint })
sig-unknown-key = signed by an unlisted key ({ $fingerprint })
sig-bad = signature does not verify
sig-gpg = GPG signature, not verifiable here

## issue 13: audit, log and verify
audit-not-owned = git refuses to read the repository of `{ $path }`: it belongs to another user
audit-not-owned-help = if you trust it, run `git config --global --add safe.directory <its folder>`
audit-bare-no-site = the bare repository `{ $path }` has no site.toml at the root of HEAD
audit-bare-no-site-help = audit a clone whose HEAD holds the site, or the folder of the site in a work tree
since-not-ancestor = `{ $rev }` (commit { $commit }) is not an ancestor of HEAD: the history was rewritten after it (a rebase, an amended commit or a force-push), so "every commit after it" no longer means anything
since-not-ancestor-help = audit the whole history (without --since), or find the commit that replaced it with `git range-diff` and review that range first
history-none-not-owned = git refuses to read the repository (it belongs to another user: see `git config safe.directory`), so the site is built without history
log-path-twice = give the site folder once: `council log <matter> [PATH]`
log-set-change = {"  "}{ $field } { $changes }
log-referred = referred to { $to }
log-report-moved-here = {"  "}proposal { $before } → { $after } (moved to this matter)
log-report-moved-away = {"  "}proposal { $before } → { $after } (moved to another matter)
sig-unsupported = key type not supported ({ $algorithm }), not verified here
verify-site-not-a-folder = not a folder; give the folder of a copy of the published site
verify-other-generator = the copy was built by { $theirs } and this is { $ours }: files may differ for that reason alone
verify-no-manifest = the copy has no data/manifest.json, so it does not say what it was built from (an incomplete copy, or not a council site)
verify-manifest-unreadable = data/manifest.json cannot be read: { $detail }
verify-names-no-commit = it names no commit
verify-no-commit = the copy does not say which commit it was built from ({ $why }), so nothing can prove it
verify-commit-missing = commit { $commit }, which the copy says it was built from, is not in this repository: fetch it (`git fetch origin { $commit }`), or the history it belonged to was rewritten and it is gone
verify-rewritten = history was rewritten since the site was published: commit { $commit } is not an ancestor of HEAD ({ $head }); a rebase, an amended commit or a force-push replaced it
verify-uncommitted = the copy says it was built from sources that commit { $commit } does not hold as published: { $sources }
verify-shallow = the repository is a shallow clone, so the history the copy shows cannot be rebuilt; fetch it whole with `git fetch --unshallow`
verify-hash-differs = `{ $path }`: its SHA-256 in data/manifest.json is not that of the file in commit { $commit }
verify-not-in-commit = `{ $path }` is listed in data/manifest.json, but commit { $commit } has no such file
verify-not-listed = commit { $commit } has `{ $path }`, which data/manifest.json does not list
verify-list-hash = the hash over the list in data/manifest.json is not the hash of the list it holds
verify-bad-signature = commit { $commit } carries a signature that does not verify: the commit was altered after it was signed
verify-no-as-of = the copy does not say which day it shows the records as of (`as_of` in data/manifest.json), so it cannot be rebuilt
verify-does-not-build = commit { $commit } does not build: its records have { $errors ->
    [one] 1 error
   *[other] { $errors } errors
} (`council check` on a checkout of it shows them)
verify-missing = `{ $path }` is missing from the copy (the rebuild has it)
verify-extra = `{ $path }` is in the copy, but the rebuild does not make it
verify-differs = `{ $path }` differs from the rebuild, first at line { $line }
verify-not-stated = (not stated)
verify-heading = verifying { $site } against commit { $commit }{"\u000A"}  as of { $date }, for { $url }, built by { $generator }
verify-mark-ok = ok{"  "}
verify-mark-fail = FAIL
verify-is-head = it is HEAD
verify-commits-since = { $count ->
    [one] 1 commit since
   *[other] { $count } commits since
}
verify-not-descended = HEAD does not descend from it
verify-line-ancestry = { $mark }  the commit is in the repository ({ $since })
verify-line-manifest = { $mark }  manifest: { $files } sources, { $bad } unlike the commit's
verify-line-rebuild = { $mark }  rebuild: { $files } files, { $differing } differ, { $missing } missing from the copy, { $extra } not in the rebuild
verify-line-differs = {"        "}{ $path }, line { $line }{"\u000A"}          copy:    { $copy }{"\u000A"}          rebuilt: { $rebuilt }
verify-line-signature = info  signature of the commit: { $label }
verify-ok = ok: every file of { $site } is what commit { $commit } builds
verify-failed = error: the copy does not verify ({ $count ->
    [one] 1 problem
   *[other] { $count } problems
})

# council aggregate (SPEC §10)
aggregate-refused = error: nothing was harvested: fix city.toml (the output folder was not touched)
aggregate-done = harvested { $read } of { $sources } streets ({ $parsed } with new records), { $matters } matters; { $files } files in { $seconds } s: { $written } written, { $unchanged } unchanged, { $removed } removed -> { $output }
aggregate-source-failed = error: source `{ $id }`: { $why }; it is left out (no earlier harvest to show)
aggregate-source-failed-kept = error: source `{ $id }`: { $why }; its last good harvest, of { $date }, is shown instead, marked as not updated
city-missing = it holds no city.toml; give the folder of the city's city.toml
city-not-utf8 = `{ $path }` is not UTF-8 text; save it as UTF-8
fetch-not-found = `{ $at }` is not there (not found)
fetch-status = `{ $at }` answered with HTTP status { $status }
fetch-timeout = `{ $at }` did not answer in time
fetch-too-large = `{ $at }` is larger than { $mib } MiB (raise --max-size if it is right)
fetch-redirect = `{ $at }` redirects to `{ $to }`, which is not an http or https address
fetch-unreachable = `{ $at }` cannot be read: { $detail }
harvest-not-json = `{ $file }` is not the JSON council publishes: { $detail }
harvest-version = `{ $file }` has format version { $version }, which this council does not know (update council)
harvest-bad-value = `{ $file }` has `{ $value }` as a `{ $field }`, which is not a value council publishes
harvest-after-today = the street is published as of { $as_of }, after the city's day { $today } (pass a later --today)
harvest-store = the harvest store cannot be written: { $detail }
