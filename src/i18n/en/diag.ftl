# How findings are shown: level names, summary lines, counts.

level-error = error
level-warning = warning
level-help = help
level-note = note
note-in-commit = in commit { $commit }

count-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
count-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
what-files = { $count ->
    [one] 1 file
   *[other] { $count } files
}
what-commits = { $count ->
    [one] 1 commit
   *[other] { $count } commits
}

summary-ok = ok: no problems in { $what }
summary-warnings = warning: { $warnings } in { $what }
summary-errors = error: { $errors } in { $what }
summary-both = error: { $errors } and { $warnings } in { $what }
