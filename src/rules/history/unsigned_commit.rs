//! `unsigned-commit`: a council requires signatures and a commit has none that verifies.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
"#;

pub static RULE: Rule = Rule {
    name: "unsigned-commit",
    severity: Severity::Error,
    summary: "signing = required and the commit has no SSH signature that verifies against `keys` of its author member.",
    docs: r#"
## What it does
For councils with `signing = "required"` (in the council.toml of the commit's first parent),
checks that each commit touching the council carries an SSH signature (git's
`gpg.format = ssh`) that verifies, in the namespace `git`, against one of the `keys` of the
member whose `git` addresses include the commit's author e-mail. The audit says which key
verified. GPG signatures are reported as unverifiable here.

## Why
An author e-mail can be typed by anyone; a signature proves the secretary's key made the
commit. Councils that require it want every change to the record to be provably theirs.

## Example
`git commit` without `-S`, in a council with `signing = "required"`.

## How to fix
Configure signing once: `git config gpg.format ssh`, `git config user.signingkey
~/.ssh/id_ed25519.pub`, `git config commit.gpgsign true`, and list the public key in your
member's `keys` in council.toml.
"#,
    docs_zh: DOCS_ZH,
    check: Check::History,
};
