//! `council init [DIR]`: a new council repository that passes `council check` at once.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{create, toml_str};
use crate::error::Error;
use crate::msg;

/// Creates the repository; returns the files written, relative to `dir`.
pub fn init(dir: &Path, today: Date) -> Result<Vec<String>, Error> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(Error::Path {
                path: dir.to_path_buf(),
                reason: msg!("path-is-a-file"),
            });
        }
        let empty = std::fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .next()
            .is_none();
        if !empty {
            return Err(
                Error::usage(msg!("init-not-empty", path = dir)).help(msg!("init-not-empty-help"))
            );
        }
    }
    let email = git2::Config::open_default()
        .and_then(|c| c.get_string("user.email"))
        .ok()
        .filter(|e| e.contains('@'));
    let git_line = match &email {
        Some(e) => format!("git = [{}]  # 提交记录时使用的邮箱 / the e-mail you commit with", toml_str(e)),
        None => "# git = [\"you@example.org\"]  # 写上提交记录时使用的邮箱，即开启提交人核查 / your commit e-mail turns on the authorisation check".into(),
    };
    let files: Vec<(String, String)> = vec![
        ("site.toml".into(), r#"# 网站设置 / site settings — 见 / see docs: council check --explain <rule>
title = "网格议事会"                      # 网站名称，例如“某某街道网格议事会” / the site's name
base_url = "https://example.org/"       # 网站发布的地址 / where the site is published
languages = ["zh", "en"]                # 第一个是默认语言 / the first is the default
description = "网格议事会的提议、议事、决定和监督记录"
# 任何人都可以取得这些记录的仓库地址，显示在“核验本站”页上 / where anyone can clone these records
# repository = "https://example.org/council/records.git"

[translations.en]
title = "Grid Councils"
description = "Proposals, deliberations, decisions and supervision of the grid councils"

[lifecycle]
response_days = 30                      # 事项应在多少天内上会 / days within which a matter should reach a meeting
filing_days = 7                         # 会议记录应在会后几天内提交 / days within which minutes are committed
notice_days = 7                         # 决定的公示期（天） / the public notice period of a decision, in days

[privacy]
allow = []                              # 可以公开的办公电话等 / public office numbers that may be published
"#.into()),
        ("councils/community/area.toml".into(), r#"# 一个社区 / a community. 文件夹名就是网址的一部分 / the folder name becomes part of the address.
name = "社区"
kind = "community"

[translations.en]
name = "Community"
"#.into()),
        ("councils/community/grid-01/council.toml".into(), format!(r#"# 一个网格议事会 / a grid council.
# 请把下面的成员换成议事会的真实成员（id 只用小写字母、数字和 -）。
# Replace the members below with the council's real members (ids: lowercase letters, digits, -).
name = "第一网格议事会"
established = {today}
quorum = "2/3"          # 表决时至少应有三分之二有表决权的成员出席
majority = "present"    # 赞成票超过出席人数的一半即通过
# 居民公开联系议事会的方式，印在每份决定公示上：办公地点、服务站或办公电话（办公电话还要写进
# site.toml 的 [privacy] allow）。不要写个人手机号。
# How residents reach the council publicly, printed on every public notice: an office, a service
# post or an office phone (which then goes in site.toml `[privacy] allow`). Never a private mobile.
contact = "社区党群服务中心"

[translations.en]
name = "Grid 1 Council"
contact = "the community's service centre"

[[members]]
id = "chair"
name = "召集人"
roles = ["chair"]
represents = "resident"
selected = "grid-recommended"
from = {today}

[[members]]
id = "secretary"
name = "秘书"
roles = ["secretary"]
represents = "resident"
selected = "grid-recommended"
from = {today}
{git_line}

[[members]]
id = "supervisor"
name = "监督员"
roles = ["supervisor"]
represents = "resident-unit"
selected = "self-nominated"
from = {today}

[[members]]
id = "member-1"
name = "成员一"
represents = "enterprise"
selected = "self-nominated"
from = {today}

[[members]]
id = "member-2"
name = "成员二"
represents = "social-organization"
selected = "grid-recommended"
from = {today}
"#)),
        (".gitignore".into(), "# 生成的网站 / the generated site\npublic/\n".into()),
        ("README.md".into(), format!(r#"# 网格议事会记录 / Grid council records

这个仓库保存网格议事会的提议、会议记录和督办报告，由 council 检查并发布成网站。
This repository keeps the council's proposals, minutes and supervision reports; council checks
them and publishes them as a website.

日常命令 / everyday commands:

```sh
council new proposal community/grid-01 --title "为3号楼加装电梯" --proposer "3号楼居民（18户）"
council new meeting community/grid-01          # 会后写会议记录 / after a meeting
council new report community/grid-01/{year}-001  # 督办报告 / a supervision report
council check                                   # 检查所有记录 / check every record
council status                                  # 还欠居民什么 / what is still owed to residents
council serve                                   # 边写边预览 / preview while writing
council build                                   # 发布网站到 public/ / publish to public/
council hook install                            # 每次提交前自动检查 / check before each commit
```

先把 `councils/community/grid-01/council.toml` 里的成员改成真实成员，把 `site.toml` 里的网站名称和地址改好。
First replace the members in `councils/community/grid-01/council.toml` and set the site's name and address in `site.toml`.
"#, year = today.year())),
    ];
    let mut written = Vec::new();
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for (rel, text) in &files {
        create(&dir.join(rel), text)?;
        written.push(rel.clone());
    }
    for sub in ["proposals", "meetings", "reports"] {
        let d: PathBuf = dir.join("councils/community/grid-01").join(sub);
        std::fs::create_dir_all(&d).map_err(|e| Error::io(&d, e))?;
    }
    if git2::Repository::discover(dir).is_err() {
        git2::Repository::init(dir)
            .map_err(|e| Error::other(msg!("git-failed", detail = e.message())))?;
        written.push(".git/".into());
    }
    Ok(written)
}
