//! `council new proposal|meeting|report|feedback`: a well-formed record from a template, with
//! the next free name, the council's serving members filled in, and every blank marked.

use std::fmt::Write as _;
use std::path::PathBuf;

use jiff::civil::Date;

use super::{create, toml_str};
use crate::error::Error;
use crate::i18n::codes;
use crate::lifecycle::{Lifecycle, State, Timelines, derive};
use crate::model::{Channel, Council, Role, Site, load_site, suggest};
use crate::msg;

/// What `new` writes.
#[derive(Clone, Debug)]
pub enum NewRecord {
    Proposal {
        council: String,
        title: String,
        proposer: Option<String>,
        channel: Option<String>,
    },
    Meeting {
        council: String,
    },
    Report {
        matter: String,
    },
    /// A return visit (SPEC §8).
    Feedback {
        matter: String,
    },
}

#[derive(Clone, Debug)]
pub struct NewOptions {
    pub path: PathBuf,
    pub record: NewRecord,
    /// The record's date; default today.
    pub date: Option<Date>,
}

/// What `new` wrote: the record's path relative to the site root, and notes for the
/// secretary (printed after it).
#[derive(Clone, Debug)]
pub struct Created {
    pub path: String,
    pub notes: Vec<crate::i18n::Msg>,
}

/// Writes the record.
pub fn new(opts: &NewOptions) -> Result<Created, Error> {
    let root = crate::load::find_root(&opts.path)?;
    let today = opts.date.unwrap_or_else(crate::check::today);
    let (site, _) = load_site(&root);
    let mut notes = Vec::new();
    let rel = match &opts.record {
        NewRecord::Proposal {
            council,
            title,
            proposer,
            channel,
        } => {
            let (_, c) = find_council(&site, council)?;
            proposal(
                &site,
                c,
                today,
                title,
                proposer.as_deref(),
                channel.as_deref(),
            )?
        }
        NewRecord::Meeting { council } => {
            let (ci, c) = find_council(&site, council)?;
            if c.contact.is_none() {
                notes.push(msg!(
                    "new-no-contact",
                    council = c.key.as_str(),
                    file = format!("{}/council.toml", c.dir())
                ));
            }
            meeting(&site, ci, c, today)?
        }
        NewRecord::Report { matter } => {
            let (ci, c, id) = find_matter(&site, matter)?;
            report(&site, ci, c, id, today)?
        }
        NewRecord::Feedback { matter } => {
            let (ci, c, id) = find_matter(&site, matter)?;
            feedback(&site, ci, c, id, today)?
        }
    };
    Ok(Created { path: rel, notes })
}

/// The council and the id of `<council key>/<id>`.
fn find_matter<'s, 'm>(
    site: &'s Site,
    matter: &'m str,
) -> Result<(usize, &'s Council, &'m str), Error> {
    let (key, id) = matter
        .rsplit_once('/')
        .ok_or_else(|| Error::usage(msg!("matter-not-key-id", matter)))?;
    let (ci, c) = find_council(site, key)?;
    Ok((ci, c, id))
}

fn find_council<'s>(site: &'s Site, key: &str) -> Result<(usize, &'s Council), Error> {
    let key = key.trim_matches('/');
    if let Some(i) = site.councils.iter().position(|c| c.key == key) {
        return Ok((i, &site.councils[i]));
    }
    let keys: Vec<&str> = site.councils.iter().map(|c| c.key.as_str()).collect();
    let hint = match suggest(key, &keys) {
        Some(s) => msg!("help-did-you-mean", code = s),
        None if keys.is_empty() => msg!("no-council-yet-help"),
        None => msg!("councils-are-help", councils = codes(&keys)),
    };
    Err(Error::usage(msg!("unknown-council-arg", key)).help(hint))
}

fn placeholder(what: &str) -> String {
    format!("{}：{what}】", crate::model::PLACEHOLDER)
}

fn proposal(
    site: &Site,
    c: &Council,
    date: Date,
    title: &str,
    proposer: Option<&str>,
    channel: Option<&str>,
) -> Result<String, Error> {
    if title.trim().is_empty() {
        return Err(Error::usage(msg!("title-empty")).help(msg!("title-empty-help")));
    }
    if let Some(ch) = channel
        && Channel::parse(ch).is_none()
    {
        let list = codes(Channel::ALL);
        let meant =
            crate::model::slips::code_for(ch, Channel::WORDS).or_else(|| suggest(ch, Channel::ALL));
        let help = match meant {
            Some(m) => msg!("help-did-you-mean-one-of", code = m, key = "channel", list),
            None => msg!("help-one-of", key = "channel", list),
        };
        return Err(Error::usage(msg!("not-one-of", value = ch, key = "channel")).help(help));
    }
    // The next free number of the year: YYYY-NNN.
    let year = date.year();
    let prefix = format!("{year}-");
    let next = c
        .proposals
        .iter()
        .filter_map(|p| {
            p.id()
                .strip_prefix(&prefix)
                .and_then(|n| n.parse::<u32>().ok())
        })
        .max()
        .unwrap_or(0)
        + 1;
    let id = format!("{year}-{next:03}");
    let rel = format!("{}/proposals/{id}.md", c.dir());
    let mut text = String::from("+++\n");
    let _ = writeln!(text, "title = {}", toml_str(title));
    let _ = writeln!(text, "submitted = {date}");
    let proposer = proposer.map(str::to_string).unwrap_or_else(|| {
        placeholder("提议人的公开称呼，例如“黄台路41号居民（23户）”，不写电话和身份证号")
    });
    let _ = writeln!(text, "proposer = {}", toml_str(&proposer));
    let _ = writeln!(
        text,
        "channel = {}  # applet, visit, service-post, meeting, other",
        toml_str(channel.unwrap_or("other"))
    );
    let _ = writeln!(text, "# category = \"加装电梯\"");
    if site.config.languages.len() > 1 {
        let _ = writeln!(
            text,
            "\n# [translations.{}]\n# title = \"…\"",
            site.config.languages[1]
        );
    }
    text.push_str("+++\n\n## 基本情况\n\n");
    text.push_str(&placeholder("事项的背景：涉及哪栋楼、多少户、现在的问题"));
    text.push_str("\n\n## 居民诉求\n\n");
    text.push_str(&placeholder("居民希望议事会协调解决什么"));
    text.push('\n');
    create(&site.root.join(&rel), &text)?;
    Ok(rel)
}

/// A free file name in `dir` for `stem`: `stem.md`, else `stem-2.md`, `stem-3.md`…
fn free_name(site: &Site, dir: &str, stem: &str) -> String {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.md")
        } else {
            format!("{stem}-{n}.md")
        };
        let rel = format!("{dir}/{name}");
        if !site.root.join(&rel).exists() {
            return rel;
        }
        n += 1;
    }
}

fn meeting(site: &Site, ci: usize, c: &Council, date: Date) -> Result<String, Error> {
    let rel = free_name(site, &format!("{}/meetings", c.dir()), &date.to_string());
    let serving: Vec<&crate::model::Member> = c
        .members
        .iter()
        .filter(|m| m.serves(date) && m.id.is_some())
        .collect();
    let with_role = |r: Role| {
        serving
            .iter()
            .find(|m| m.has_role(r))
            .map(|m| m.id().to_string())
    };
    let chair = with_role(Role::Chair).unwrap_or_else(|| placeholder("主持人的成员 id"));
    let recorder = with_role(Role::Secretary).unwrap_or_else(|| placeholder("记录人的成员 id"));
    let present: Vec<String> = serving.iter().map(|m| toml_str(m.id())).collect();
    let mut text = String::from("+++\n");
    let _ = writeln!(text, "date = {date}");
    let _ = writeln!(
        text,
        "title = {}",
        toml_str(&placeholder("会议名称，例如“2025年第三次例会”"))
    );
    let _ = writeln!(
        text,
        "kind = \"regular\"  # regular, extraordinary, joint, hearing"
    );
    let _ = writeln!(text, "location = {}", toml_str(&placeholder("会议地点")));
    let _ = writeln!(text, "chair = {}", toml_str(&chair));
    let _ = writeln!(text, "recorder = {}", toml_str(&recorder));
    let _ = writeln!(
        text,
        "# 没来的成员从 present 移到 absent / move members who did not come from present to absent"
    );
    let _ = writeln!(text, "present = [{}]", present.join(", "));
    let _ = writeln!(text, "absent = []");
    let _ = writeln!(text, "# guests = [\"社区党委书记\"]");
    // Every matter still open: uncomment the items discussed.
    let timelines = Timelines::build(site);
    let mut open = Vec::new();
    for (pi, p) in c.proposals.iter().enumerate() {
        let Some(lc) = derive(c, p, timelines.of(ci, pi), date, site.config.response_days) else {
            continue;
        };
        if matches!(lc.state, State::Submitted | State::Deliberating) {
            open.push((
                p.id().to_string(),
                p.title
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
                lc.state,
            ));
        }
    }
    text.push_str("\n# 把本次会议讨论的事项取消注释（删掉行首的 #）。至少要有一项。\n# Uncomment the matters this meeting discussed (remove the leading #). At least one.\n");
    if open.is_empty() {
        text.push_str("# （目前没有待议事项 / no open matter at the moment）\n");
    }
    if !open.is_empty() {
        text.push_str("# 表决通过、未通过或转交的事项，网站会生成公示（事项页的“打印公示”），公示期为 site.toml 的\n# notice_days 天，并印上 council.toml 的 contact。\n# Adopted, rejected and referred matters get a public notice on the site (\"Print the public notice\"\n# on the matter's page) for site.toml `notice_days` days, with council.toml's `contact` on it.\n");
    }
    for (id, title, state) in &open {
        let title: String = title
            .chars()
            .map(|ch| if ch.is_control() { ' ' } else { ch })
            .collect();
        let _ = writeln!(text, "\n# [[items]]  # {title} ({})", state.as_str());
        let _ = writeln!(text, "# proposal = {}", toml_str(id));
        let _ = writeln!(
            text,
            "# action = \"deliberate\"  # 表决时改为 \"decide\"，并写 outcome、votes、owner、due"
        );
    }
    text.push_str("+++\n\n## 会议情况\n\n");
    text.push_str(&placeholder("讨论了哪些事项、各方意见、形成了什么决定"));
    text.push('\n');
    create(&site.root.join(&rel), &text)?;
    Ok(rel)
}

/// The index of proposal `id` of council `c`, or an error naming the nearest id.
fn find_proposal(c: &Council, id: &str) -> Result<usize, Error> {
    c.proposals
        .iter()
        .position(|p| p.id().eq_ignore_ascii_case(id))
        .ok_or_else(|| {
            let ids: Vec<&str> = c.proposals.iter().map(|p| p.id()).collect();
            let hint = match suggest(id, &ids) {
                Some(s) => msg!("help-did-you-mean", code = s),
                None => msg!(
                    "see-proposals-help",
                    folder = format!("{}/proposals/", c.dir())
                ),
            };
            Error::usage(msg!("no-such-proposal-arg", council = &c.key, id)).help(hint)
        })
}

/// The lifecycle of proposal `pi` of council `ci` as of `date`.
fn lifecycle_on(site: &Site, ci: usize, pi: usize, date: Date) -> Option<Lifecycle> {
    let c = &site.councils[ci];
    let timelines = Timelines::build(site);
    derive(
        c,
        &c.proposals[pi],
        timelines.of(ci, pi),
        date,
        site.config.response_days,
    )
}

/// A free file name `<folder>/<date>-<id>.md` for a record about proposal `id`, and the
/// opening of its front matter: `proposal`, `date` and `by` (with `by_note` after it).
fn record_head(
    site: &Site,
    c: &Council,
    folder: &str,
    id: &str,
    date: Date,
    by: &[String],
    by_note: &str,
) -> (String, String) {
    let rel = free_name(
        site,
        &format!("{}/{folder}", c.dir()),
        &format!("{date}-{id}"),
    );
    let mut text = String::from("+++\n");
    let _ = writeln!(text, "proposal = {}", toml_str(id));
    let _ = writeln!(text, "date = {date}");
    let by: Vec<String> = by.iter().map(|b| toml_str(b)).collect();
    let _ = writeln!(text, "by = [{}]{by_note}", by.join(", "));
    (rel, text)
}

fn report(site: &Site, ci: usize, c: &Council, id: &str, date: Date) -> Result<String, Error> {
    let pi = find_proposal(c, id)?;
    let p = &c.proposals[pi];
    let lc = lifecycle_on(site, ci, pi, date);
    let state = lc.as_ref().map(|l| l.state);
    if !matches!(
        state,
        Some(State::Adopted | State::Implementing | State::Completed)
    ) {
        let words = match state {
            Some(s) => crate::rules::state_words(s),
            None => msg!("not-yet-submitted"),
        };
        return Err(Error::usage(msg!(
            "report-not-adopted",
            matter = format!("{}/{id}", c.key),
            state = words,
            date
        ))
        .help(msg!("report-not-adopted-help")));
    }
    let lc = lc.expect("state known");
    let progress = lc.progress.unwrap_or(0);
    // `by`: the supervisors named by the adopting decision, else the serving supervisors.
    let mut by: Vec<String> = lc
        .decision
        .map(|(m, i)| {
            c.meetings[m].items[i]
                .supervisors
                .iter()
                .map(|s| s.value.clone())
                .collect()
        })
        .unwrap_or_default();
    if by.is_empty() {
        by = c
            .members
            .iter()
            .filter(|m| m.serves(date) && m.has_role(Role::Supervisor))
            .map(|m| m.id().to_string())
            .collect();
    }
    if by.is_empty() {
        by.push(placeholder("监督员的成员 id"));
    }
    let (rel, mut text) = record_head(site, c, "reports", p.id(), date, &by, "");
    let _ = writeln!(
        text,
        "progress = {progress}  # 上次报告的进度，请更新 / last report's progress: update it"
    );
    let _ = writeln!(
        text,
        "status = \"on-track\"  # on-track, delayed, blocked, completed, accepted（验收）"
    );
    text.push_str("+++\n\n");
    text.push_str(&placeholder("现场查看了什么、进展如何、还有什么问题"));
    text.push('\n');
    create(&site.root.join(&rel), &text)?;
    Ok(rel)
}

/// A return visit to the residents who raised a matter that is final at its council.
fn feedback(site: &Site, ci: usize, c: &Council, id: &str, date: Date) -> Result<String, Error> {
    let pi = find_proposal(c, id)?;
    let p = &c.proposals[pi];
    let lc = lifecycle_on(site, ci, pi, date);
    let state = lc.as_ref().map(|l| l.state);
    let Some(lc) = lc.filter(|l| l.state.is_final()) else {
        let words = match state {
            Some(s) => crate::rules::state_words(s),
            None => msg!("not-yet-submitted"),
        };
        return Err(Error::usage(msg!(
            "feedback-not-final",
            matter = format!("{}/{id}", c.key),
            state = words,
            date
        ))
        .help(msg!("feedback-not-final-help")));
    };
    // `by`: the serving secretaries, who usually visit and record; else a blank.
    let mut by: Vec<String> = c
        .members
        .iter()
        .filter(|m| m.serves(date) && m.has_role(Role::Secretary))
        .map(|m| m.id().to_string())
        .collect();
    if by.is_empty() {
        by.push(placeholder("回访成员的 id"));
    }
    // What to tell the residents: where a referred matter went.
    let referred_to = lc.decision.and_then(|(m, i)| {
        let item = &c.meetings[m].items[i];
        (lc.state == State::Referred)
            .then(|| item.referred_to.as_ref().map(|r| r.value.clone()))
            .flatten()
    });
    let (rel, mut text) = record_head(
        site,
        c,
        "feedback",
        p.id(),
        date,
        &by,
        "  # 参加回访的成员 / members who visited",
    );
    let _ = writeln!(
        text,
        "reached = {}",
        toml_str(&placeholder(
            "回访了谁，写公开的称呼，例如“提议居民代表3户”，不写姓名和电话"
        ))
    );
    let _ = writeln!(
        text,
        "satisfaction = {}  # satisfied（满意）, basically-satisfied（基本满意）, unsatisfied（不满意）",
        toml_str(&placeholder(
            "satisfied、basically-satisfied 或 unsatisfied"
        ))
    );
    if site.config.languages.len() > 1 {
        let _ = writeln!(
            text,
            "\n# [translations.{}]\n# reached = \"…\"",
            site.config.languages[1]
        );
    }
    text.push_str("+++\n\n");
    let tell = match &referred_to {
        Some(to) => format!("告诉居民事项已转交{to}办理；居民怎么说，还有什么意见"),
        None => {
            let outcome = match lc.state {
                State::Accepted => "已验收",
                State::Rejected => "未通过",
                _ => "已撤回",
            };
            format!("告诉居民事项的结果（{outcome}）；居民怎么说，还有什么意见")
        }
    };
    text.push_str(&placeholder(&tell));
    text.push('\n');
    create(&site.root.join(&rel), &text)?;
    Ok(rel)
}
