//! `unsigned-commit`: a council requires signatures and a commit has none that verifies.

use crate::diag::Severity;
use crate::rules::{Check, Rule};

/// The same documentation in Chinese, for secretaries (`--explain` with `--lang zh`, the guide).
const DOCS_ZH: &str = r#"
## 检查什么
对设置了 `signing = "required"`（必须签名）的议事会（以这次提交之前的版本，即第一个父提交中的 council.toml 为准），检查每一次涉及该议事会的提交都带有 SSH 签名（git 的 `gpg.format = ssh`），而且签名能在命名空间 `git` 下验证通过。验证用的公钥，要列在某位成员的 `keys`（签名公钥）里，而这位成员的 `git` 邮箱中有提交作者的邮箱。审计结果会写明是哪把公钥验证通过的。支持 git 的 SSH 签名所用的各种密钥：ssh-ed25519、ssh-rsa、ecdsa-sha2-nistp256/384/521，以及安全密钥 sk-ssh-ed25519 和 sk-ecdsa-sha2-nistp256；OpenSSH 已淘汰的 DSA 密钥会被报告为“密钥类型不支持”，而不是“签名无效”。GPG 签名在这里无法验证，会被报告出来。

## 为什么
提交作者的邮箱，谁都可以随便填写；签名才能证明这次提交是用秘书的密钥作出的。要求签名的议事会，希望记录的每一处改动都能证明确实出自他们自己。

## 示例
在设置了 `signing = "required"` 的议事会里，执行 `git commit` 时没有加 `-S`。

## 如何修改
签名只需设置一次：`git config gpg.format ssh`、`git config user.signingkey ~/.ssh/id_ed25519.pub`、`git config commit.gpgsign true`，然后把公钥写进 council.toml 中你本人那条成员信息的 `keys` 里。
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
verified. Every key type git's SSH signing uses is checked: ssh-ed25519, ssh-rsa,
ecdsa-sha2-nistp256/384/521 and the security keys sk-ssh-ed25519 and sk-ecdsa-sha2-nistp256;
a DSA key, which OpenSSH has retired, is reported as "key type not supported", never as a
signature that does not verify. GPG signatures are reported as unverifiable here.

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
