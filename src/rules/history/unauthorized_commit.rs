//! `unauthorized-commit`: a commit to a council by someone who is not its secretary.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "unauthorized-commit",
    severity: Severity::Error,
    summary: "A commit changes a council's files and its author e-mail is not in `git` of a serving secretary (by the council.toml of the commit's first parent).",
    docs: r#"
## What it does
For each commit that changes files of a council, reads that council's council.toml as it was
in the commit's first parent, and checks that the commit's author e-mail is listed in `git` of
a member with the role `secretary` who serves on the commit's date. A commit cannot authorise
itself; the commit that creates a council is exempt. When no serving secretary of a council
lists a `git` address, the rule is off for that council and audit says so once.

## Why
Secretaries are entrusted with the records. A commit by anyone else, even with good intent,
is a change nobody was entitled to make, and auditors must see it.

## Example
A commit by `someone@example.org` changes `councils/huangtai/grid-03/meetings/2022-04-02.md`;
no secretary of `huangtai/grid-03` lists that address.

## How to fix
Have the secretary make such changes. If a new secretary took over, first commit the change to
council.toml (by the current secretary) that adds the new member with `roles = ["secretary"]`
and their `git` address.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
