//! `unauthorized-commit`: a commit to a council by someone who is not its secretary.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
对每一次改动某个议事会文件的提交，读取这次提交之前的版本（第一个父提交）中该议事会的 council.toml，检查提交作者的邮箱是否列在某位成员的 `git`（提交用的邮箱）里，并且这位成员的角色是 `secretary`（秘书）、在提交当天在任。一次提交不能给自己授权；创建议事会的那次提交不检查。如果某个议事会的在任秘书都没有填写 `git` 邮箱，这条规则对这个议事会不起作用，审计时会提示一次。放在议事会文件夹里面或上面的 council.toml 不算议事会，不能给任何人授权。仓库的 `.mailmap` 也按第一个父提交中的版本生效：秘书换过的旧邮箱可以在那里对应到现在的邮箱；但把某个邮箱对应到秘书邮箱的提交，本身必须由该议事会的秘书作出，否则也会被报告。合并提交只按它自己的改动判断。

## 为什么
记录是托付给秘书管理的。其他任何人提交的改动，即使出于好意，也是无权作出的改动，审计人员必须能看到。

## 示例
`someone@example.org` 的一次提交改动了 `councils/huangtai/grid-03/meetings/2022-04-02.md`；`huangtai/grid-03` 的秘书中没有人填写这个邮箱。

## 如何修改
这类改动请由秘书来提交。如果换了新秘书，先由现任秘书提交一次 council.toml 的改动：加入新成员，写上 `roles = ["secretary"]` 和新秘书的 `git` 邮箱。
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
lists a `git` address, the rule is off for that council and audit says so once. A
council.toml inside or above a council's folder is no council and authorises nobody. The
repository's `.mailmap` counts as it was in the first parent, so a secretary's old address can
be mapped to the current one there; a commit that maps an address onto a secretary's must be
that council's secretary's, or it is reported too. A merge is judged by its own edits.

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
