//! A synthetic council site for benchmarks: `councils` councils of `per_council` matters
//! each, with the meetings that deliberate and decide them and the reports that supervise
//! them, every record valid, bodies of about 2 KB of mixed Chinese and English Markdown.
//! Deterministic: the same arguments write the same bytes.
//!
//! Since SPEC v2 (§8) the site also has the street's own system, in the proportions of the
//! demo street: one matter in twenty is referred (half to the community's joint council,
//! which records, adopts, supervises and accepts it; half to a district office), and every
//! matter with a final outcome has a return visit. `Spec::v1` leaves them out and writes
//! exactly the site of v1, to measure the new code on the old records.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The value after `name` on the benchmark's command line (`--matters 1000`).
pub fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// The median of `xs` (the upper one of an even count).
pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[xs.len() / 2]
}

/// Where benchmarks keep their sites and outputs: `--root DIR` (a tmpfs, to measure without
/// the disk), else `target/` of `manifest`.
pub fn bench_root(manifest: &Path) -> PathBuf {
    arg("--root")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("target"))
}

/// The synthetic site of `matters` matters under `bench-sites/` of [`bench_root`],
/// generated once; the v1 site when the benchmark was given `--v1`, a site in Chinese only
/// with `--languages 1`.
pub fn site(manifest: &Path, matters: usize) -> PathBuf {
    let mut spec = Spec::for_matters(matters);
    if std::env::args().any(|a| a == "--v1") {
        spec = spec.v1();
    }
    spec.one_language = arg("--languages").as_deref() == Some("1");
    let site = bench_root(manifest)
        .join("bench-sites")
        .join(spec.dir_name());
    if !site.join("site.toml").exists() {
        let tmp = site.with_extension("tmp");
        let _ = fs::remove_dir_all(&tmp);
        let n = generate(&spec, &tmp);
        fs::rename(&tmp, &site).unwrap();
        eprintln!("generated {n} files in {}", site.display());
    }
    site
}

/// A folder beside the site, named after it: `beside(site, "zola")` → `zola-site-v2-10000`.
pub fn beside(site: &Path, prefix: &str) -> PathBuf {
    let name = site.file_name().unwrap().to_string_lossy();
    site.with_file_name(format!("{prefix}-{name}"))
}

/// CPU seconds (user + system) used by the benchmark's finished children so far, and the
/// largest peak resident memory among them (KiB).
pub fn rusage_children() -> (f64, i64) {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage only writes into the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru) };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(ru.ru_utime) + secs(ru.ru_stime), ru.ru_maxrss)
}

/// The day the synthetic site is checked as of: after every event, before every deadline.
pub const TODAY: &str = "2030-01-01";

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407)
            | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const ZH: &[&str] = &[
    "本楼为上世纪八十年代建成的六层砖混住宅，共有两个单元二十四户，老年住户占比较高。",
    "居民代表在议事会上反映，楼道照明长期不足，夜间上下楼存在安全隐患。",
    "网格员入户走访时收集到多户居民的意见，大家希望尽快协调解决。",
    "社区居委会已与物业公司、产权单位进行了初步沟通，各方原则上同意推进。",
    "施工期间需要协调燃气、供水管线迁移，并做好临时通行和消防通道的安排。",
    "议事会成员对资金来源进行了讨论，建议申请老旧小区改造专项补助。",
    "部分一楼住户担心采光和噪声影响，议事会建议先开展楼内座谈，充分听取意见。",
    "监督员将按月查看施工进度，并在网格公示栏和小程序上公开进展。",
    "验收时邀请居民代表、物业公司和街道城管科共同参加，形成书面验收意见。",
    "该事项涉及公共部位改造，需经本单元三分之二以上业主同意后实施。",
];

const EN: &[&str] = &[
    "The building was completed in the 1980s and has six storeys with no elevator.",
    "Residents asked the council to coordinate with the property company and the utilities.",
    "The supervisors will inspect the works every month and publish the progress.",
    "Funding is expected from the district's programme for old residential compounds.",
    "Several elderly residents on the upper floors rarely leave their homes in winter.",
    "The council heard the concerns of ground-floor households about light and noise.",
];

pub const TITLES: &[&str] = &[
    "加装电梯",
    "老旧供水管道更换",
    "口袋公园建设",
    "楼道照明改造",
    "树枝修剪",
    "道路坑洼修补",
    "停车秩序整治",
    "非机动车棚建设",
    "垃圾分类投放点优化",
    "无障碍坡道",
    "屋面防水修缮",
    "老年助餐点",
];

/// A body of about `target` bytes: headings, paragraphs, a list, a table and links to
/// other proposals of the same council (`links`, relative to the record).
pub fn body(rng: &mut Rng, target: usize, links: &[String]) -> String {
    let mut s = String::with_capacity(target + 256);
    let mut section = 0;
    while s.len() < target {
        section += 1;
        let _ = writeln!(s, "## 第{section}部分 Part {section}\n");
        for _ in 0..2 + rng.below(2) {
            s.push_str(rng.pick(ZH));
            s.push_str(rng.pick(ZH));
            s.push(' ');
            s.push_str(rng.pick(EN));
            s.push_str("\n\n");
        }
        match section % 3 {
            1 => {
                for i in 1..=3 {
                    let _ = writeln!(s, "{i}. {}", rng.pick(ZH));
                }
                s.push('\n');
            }
            2 => {
                s.push_str("| 项目 Item | 数量 | 说明 Notes |\n|---|---:|---|\n");
                for _ in 0..3 {
                    let _ = writeln!(
                        s,
                        "| {} | {} | {} |",
                        rng.pick(TITLES),
                        rng.below(90) + 1,
                        rng.pick(EN)
                    );
                }
                s.push('\n');
            }
            _ => {
                if !links.is_empty() {
                    let l = &links[rng.below(links.len())];
                    let _ = writeln!(s, "> 参见 **相关事项** [{l}]({l}) 的讨论记录。\n");
                }
            }
        }
    }
    s
}

/// Day `n` after 2020-01-01, as `YYYY-MM-DD`.
pub fn day(n: i64) -> String {
    let d: jiff::civil::Date = "2020-01-01".parse().unwrap();
    d.checked_add(jiff::Span::new().days(n))
        .unwrap()
        .to_string()
}

pub struct Spec {
    pub councils: usize,
    pub per_council: usize,
    /// Referrals, joint councils and return visits (SPEC §8).
    pub street: bool,
    /// Only Chinese in site.toml's languages (the records keep their translations).
    pub one_language: bool,
}

impl Spec {
    /// `matters` spread over councils of 100 matters.
    pub fn for_matters(matters: usize) -> Spec {
        let per = 100.min(matters.max(1));
        Spec {
            councils: matters.div_ceil(per),
            per_council: per,
            street: true,
            one_language: false,
        }
    }

    /// The same without the records of SPEC §8: the benchmark site of v1, byte for byte.
    pub fn v1(mut self) -> Spec {
        self.street = false;
        self
    }

    /// The folder of this site under `target/bench-sites/`.
    pub fn dir_name(&self) -> String {
        let matters = self.councils * self.per_council;
        let lang = if self.one_language { "-zh" } else { "" };
        if self.street {
            format!("site-v2-{matters}{lang}")
        } else {
            format!("site-{matters}{lang}")
        }
    }
}

/// How a grid decides its matter `j`: one in ten rejected, one in twenty deferred, one in
/// twenty referred (alternately to the joint council and to a district office), the rest
/// adopted. Without the street's system, the referred ones are deferred as in v1.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Decision {
    Rejected,
    Deferred,
    ToJoint,
    ToOffice,
    Adopted,
}

fn decision(j: usize, street: bool) -> Decision {
    match j % 10 {
        0 => Decision::Rejected,
        1 if !street || j % 20 == 1 => Decision::Deferred,
        1 if (j / 20).is_multiple_of(2) => Decision::ToJoint,
        1 => Decision::ToOffice,
        _ => Decision::Adopted,
    }
}

const SATISFACTION: [&str; 3] = ["satisfied", "basically-satisfied", "unsatisfied"];

/// A return visit on matter `id` (its `j`-th of the council) on day `day`.
fn visit(dir: &Path, id: &str, j: usize, day: i64) -> usize {
    let date = self::day(day);
    let text = format!(
        "+++\nproposal = \"{id}\"\ndate = {date}\nby = [\"m02\", \"m03\"]\nreached = \"提议居民代表{}户\"\nsatisfaction = \"{}\"\n\n[translations.en]\nreached = \"{} households who raised it\"\n+++\n\n网格员和监督员上门回访了提出事项的居民，告诉他们办理结果，听取了他们的意见。居民对结果的评价如上。 The council's members visited the residents who raised the matter and told them the outcome.\n",
        j % 5 + 2,
        SATISFACTION[j % 3],
        j % 5 + 2,
    );
    write(&dir.join("feedback").join(format!("{date}-{id}.md")), &text);
    1
}

/// A matter a grid referred to its community's joint council: grid key, id, day referred.
struct Referred {
    key: String,
    id: String,
    day: i64,
}

const MEMBERS: [(&str, &str, &str); 9] = [
    ("m01", "王秀兰", "chair"),
    ("m02", "李建国", "secretary"),
    ("m03", "张海燕", "supervisor"),
    ("m04", "刘志强", "supervisor"),
    ("m05", "陈丽娟", "member"),
    ("m06", "杨明", "member"),
    ("m07", "赵红梅", "member"),
    ("m08", "黄伟", "member"),
    ("m09", "周静", "member"),
];

/// Set while a site in one language is written: records leave out `[translations.en]`.
static ONE_LANGUAGE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let one = ONE_LANGUAGE.load(std::sync::atomic::Ordering::Relaxed);
    match text.find("\n[translations.en]\n") {
        Some(at) if one => {
            let end = at + text[at..].find("\n+++").unwrap();
            fs::write(path, format!("{}{}", &text[..at], &text[end..])).unwrap();
        }
        _ => fs::write(path, text).unwrap(),
    }
}

/// Writes the site into `out`. Returns the number of files written.
pub fn generate(spec: &Spec, out: &Path) -> usize {
    let mut files = 0;
    let mut referred = Vec::new();
    ONE_LANGUAGE.store(spec.one_language, std::sync::atomic::Ordering::Relaxed);
    let languages = if spec.one_language {
        "[\"zh\"]"
    } else {
        "[\"zh\", \"en\"]"
    };
    write(
        &out.join("site.toml"),
        &format!(
            "title = \"合成测试街道\"\nbase_url = \"https://bench.example.org/\"\nlanguages = {languages}\n"
        ),
    );
    files += 1;
    for c in 0..spec.councils {
        let area = format!("community-{:02}", c / 10);
        let key = format!("{area}/grid-{:02}", c % 10);
        let dir: PathBuf = out.join("councils").join(&key);
        if c % 10 == 0 {
            write(
                &out.join("councils").join(&area).join("area.toml"),
                &format!("name = \"合成社区{:02}\"\nkind = \"community\"\n", c / 10),
            );
            files += 1;
        }
        let mut toml =
            format!("name = \"合成网格议事会 {c}\"\nestablished = 2019-12-01\nquorum = \"2/3\"\n");
        for (id, name, role) in MEMBERS {
            let _ = write!(
                toml,
                "\n[[members]]\nid = \"{id}\"\nname = \"{name}\"\nroles = [\"{role}\"]\nfrom = 2019-12-01\n"
            );
        }
        write(&dir.join("council.toml"), &toml);
        files += 1;
        files += generate_council(
            &dir,
            &key,
            c as u64,
            spec.per_council,
            spec.street,
            &mut referred,
        );
        let last_of_area = c % 10 == 9 || c + 1 == spec.councils;
        if spec.street && last_of_area {
            files += generate_joint(out, &area, &std::mem::take(&mut referred));
        }
    }
    files
}

/// The joint council of `area`: each referred matter recorded three days after its referral,
/// adopted at the joint council's next meeting, accepted 60 days later, and visited a week
/// after that.
fn generate_joint(out: &Path, area: &str, referred: &[Referred]) -> usize {
    let dir = out.join("councils").join(area).join("joint");
    let mut toml = String::from(
        "name = \"合成社区联席会议\"\nestablished = 2019-12-01\nquorum = \"2/3\"\nlevel = \"community\"\n",
    );
    for (id, name, role) in MEMBERS {
        let _ = write!(
            toml,
            "\n[[members]]\nid = \"{id}\"\nname = \"{name}\"\nroles = [\"{role}\"]\nfrom = 2019-12-01\n"
        );
    }
    write(&dir.join("council.toml"), &toml);
    let mut files = 1;
    let meeting_day = |k: i64| 12 + 14 * k;
    let mut meetings: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
    for (n, r) in referred.iter().enumerate() {
        let id = format!("{}-{:03}", 2020 + n / 1000, n % 1000);
        let submitted = r.day + 3;
        let text = format!(
            "+++\ntitle = \"网格转来的事项（{}）\"\nsubmitted = {}\nproposer = \"合成网格议事会\"\nchannel = \"meeting\"\nreferred_from = \"{}/{}\"\n\n[translations.en]\ntitle = \"A matter referred by a grid ({n})\"\n+++\n\n网格议事会提交联席会议的事项，居民原来的诉求见网格的记录。 A matter the grid council referred to the joint meeting.\n",
            r.id,
            day(submitted),
            r.key,
            r.id
        );
        write(&dir.join("proposals").join(format!("{id}.md")), &text);
        files += 1;
        let k = (submitted - 12).div_euclid(14) + 1;
        let decided = meeting_day(k);
        meetings.entry(k).or_default().push(format!(
            "[[items]]\nproposal = \"{id}\"\naction = \"decide\"\noutcome = \"adopted\"\nvotes = {{ yes = 8, no = 0, abstain = 1 }}\nowner = \"社区居委会\"\ndue = {}\nsupervisors = [\"m03\"]\n",
            day(decided + 3650)
        ));
        let accepted = decided + 60;
        let date = day(accepted);
        write(
            &dir.join("reports").join(format!("{date}-{id}.md")),
            &format!(
                "+++\nproposal = \"{id}\"\ndate = {date}\nby = [\"m03\"]\nprogress = 100\nstatus = \"accepted\"\n+++\n\n验收合格。 Accepted.\n"
            ),
        );
        files += 1 + visit(&dir, &id, n, accepted + 7);
    }
    for (k, items) in meetings {
        let date = day(meeting_day(k));
        let mut text = format!(
            "+++\ndate = {date}\ntitle = \"联席会议第{k}次会议\"\nkind = \"joint\"\nchair = \"m01\"\nrecorder = \"m02\"\npresent = [\"m01\", \"m02\", \"m03\", \"m04\", \"m05\", \"m06\", \"m07\", \"m08\", \"m09\"]\nabsent = []\n"
        );
        for it in &items {
            text.push('\n');
            text.push_str(it);
        }
        text.push_str("+++\n\n联席会议讨论了网格转来的事项。 The joint meeting took up the matters referred by the grids.\n");
        write(&dir.join("meetings").join(format!("{date}.md")), &text);
        files += 1;
    }
    files
}

fn generate_council(
    dir: &Path,
    key: &str,
    seed: u64,
    n: usize,
    street: bool,
    referred: &mut Vec<Referred>,
) -> usize {
    let mut rng = Rng::new(seed + 1);
    let mut files = 0;
    // Matter j is submitted on day 5j, deliberated at the first meeting after, decided at the
    // next. Meetings are every 14 days from day 10.
    let meeting_day = |k: i64| 10 + 14 * k;
    let first_meeting_after = |d: i64| (d - 10).div_euclid(14) + 1;
    let mut meetings: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
    let ids: Vec<String> = (0..n)
        .map(|j| format!("{}-{:03}", 2020 + j / 1000, j % 1000))
        .collect();
    for (j, id) in ids.iter().enumerate() {
        let submitted = 5 * j as i64;
        let links: Vec<String> = (0..3)
            .map(|_| format!("../proposals/{}.md", ids[rng.below(n)]))
            .collect();
        let title = rng.pick(TITLES);
        let text = format!(
            "+++\ntitle = \"{title}（第{j}号）\"\nsubmitted = {}\nproposer = \"合成小区{}号楼居民\"\nchannel = \"applet\"\ncategory = \"{title}\"\n\n[translations.en]\ntitle = \"Synthetic matter {j}\"\n+++\n\n{}",
            day(submitted),
            j % 60 + 1,
            body(&mut rng, 2000, &links)
        );
        write(&dir.join("proposals").join(format!("{id}.md")), &text);
        files += 1;
        let k1 = first_meeting_after(submitted);
        meetings.entry(k1).or_default().push(format!(
            "[[items]]\nproposal = \"{id}\"\naction = \"deliberate\"\n"
        ));
        let k2 = k1 + 1;
        let decided = meeting_day(k2);
        let item = match decision(j, street) {
            Decision::Rejected => format!(
                "[[items]]\nproposal = \"{id}\"\naction = \"decide\"\noutcome = \"rejected\"\nvotes = {{ yes = 2, no = 6, abstain = 1 }}\n"
            ),
            Decision::Deferred => format!(
                "[[items]]\nproposal = \"{id}\"\naction = \"decide\"\noutcome = \"deferred\"\n"
            ),
            Decision::ToJoint => {
                let area = key.rsplit_once('/').map(|(a, _)| a).unwrap_or(key);
                referred.push(Referred {
                    key: key.to_string(),
                    id: id.clone(),
                    day: decided,
                });
                format!(
                    "[[items]]\nproposal = \"{id}\"\naction = \"decide\"\noutcome = \"referred\"\nreferred_to = \"{area}/joint\"\n"
                )
            }
            Decision::ToOffice => format!(
                "[[items]]\nproposal = \"{id}\"\naction = \"decide\"\noutcome = \"referred\"\nreferred_to = \"市北区城市管理局\"\n"
            ),
            Decision::Adopted => format!(
                "[[items]]\nproposal = \"{id}\"\naction = \"decide\"\noutcome = \"adopted\"\nvotes = {{ yes = 7, no = 1, abstain = 1 }}\nowner = \"社区居委会\"\ndue = {}\nsupervisors = [\"m03\", \"m04\"]\n",
                day(decided + 3650)
            ),
        };
        let adopted = decision(j, street) == Decision::Adopted;
        meetings.entry(k2).or_default().push(item);
        if street
            && matches!(
                decision(j, street),
                Decision::Rejected | Decision::ToJoint | Decision::ToOffice
            )
        {
            files += visit(dir, id, j, decided + 7);
        }
        if adopted {
            let last = if j % 3 == 0 { "accepted" } else { "completed" };
            let reports = [(30, 50, "on-track"), (90, 100, last)];
            let count = 1 + j % 2;
            if street && count == 2 && last == "accepted" {
                files += visit(dir, id, j, decided + 97);
            }
            for (r, (after, progress, status)) in reports.iter().enumerate().take(count) {
                let date = day(decided + after);
                let text = format!(
                    "+++\nproposal = \"{id}\"\ndate = {date}\nby = [\"m03\", \"m04\"]\nprogress = {progress}\nstatus = \"{status}\"\n+++\n\n{}",
                    body(&mut rng, 600, &[])
                );
                write(
                    &dir.join("reports").join(format!("{date}-{id}-{r}.md")),
                    &text,
                );
                files += 1;
            }
        }
    }
    for (k, items) in meetings {
        let date = day(meeting_day(k));
        let mut text = format!(
            "+++\ndate = {date}\ntitle = \"第{k}次例会\"\nchair = \"m01\"\nrecorder = \"m02\"\npresent = [\"m01\", \"m02\", \"m03\", \"m04\", \"m05\", \"m06\", \"m07\", \"m08\", \"m09\"]\nabsent = []\n"
        );
        for it in &items {
            text.push('\n');
            text.push_str(it);
        }
        text.push_str("+++\n\n");
        text.push_str(&body(&mut rng, 1500, &[]));
        write(&dir.join("meetings").join(format!("{date}.md")), &text);
        files += 1;
    }
    files
}

/// The same records as a Zola site: one page per record (proposal, minutes, report) with
/// the same Markdown body, a section per folder, and minimal templates like those of the
/// measurements in perf-baseline.md.
pub fn zola_site(council_site: &Path, out: &Path) -> usize {
    let mut pages = 0;
    write(
        &out.join("config.toml"),
        "base_url = \"https://bench.example.org\"\ntitle = \"合成测试街道\"\ncompile_sass = false\nbuild_search_index = false\ngenerate_feeds = false\nminify_html = false\n",
    );
    write(&out.join("templates/index.html"), ZOLA_INDEX);
    write(&out.join("templates/section.html"), ZOLA_SECTION);
    write(&out.join("templates/page.html"), ZOLA_PAGE);
    write(
        &out.join("content/_index.md"),
        "+++\ntitle = \"首页\"\nsort_by = \"date\"\n+++\n",
    );
    let councils = council_site.join("councils");
    for entry in walkdir::WalkDir::new(&councils).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&councils).unwrap();
        if entry.file_type().is_dir() {
            if !rel.as_os_str().is_empty() {
                let name = rel.file_name().unwrap().to_string_lossy();
                write(
                    &out.join("content").join(rel).join("_index.md"),
                    &format!("+++\ntitle = \"{name}\"\nsort_by = \"date\"\n+++\n"),
                );
            }
            continue;
        }
        if entry.path().extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap();
        let rest = text.strip_prefix("+++\n").unwrap();
        let end = rest.find("\n+++\n").unwrap();
        let front: toml::Table = toml::from_str(&rest[..end]).unwrap();
        let body = &rest[end + 5..];
        let date = front
            .get("submitted")
            .or_else(|| front.get("date"))
            .map(|d| d.to_string())
            .unwrap();
        let title = front
            .get("title")
            .and_then(|t| t.as_str())
            .map(|t| t.to_string())
            .unwrap_or_else(|| format!("督办报告 {date}"));
        let title = title.replace('"', "'");
        write(
            &out.join("content").join(rel),
            &format!("+++\ntitle = \"{title}\"\ndate = {date}\n+++\n{body}"),
        );
        pages += 1;
    }
    pages
}

const ZOLA_INDEX: &str = r#"<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ config.title }}</title></head>
<body><h1>{{ config.title }}</h1>{{ section.content | safe }}
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}</ul>
</body></html>
"#;

const ZOLA_SECTION: &str = r#"<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ section.title }}</title></head>
<body><h1>{{ section.title }}</h1>{{ section.content | safe }}
<ul>{% for s in section.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.permalink }}">{{ sub.title }}</a></li>{% endfor %}</ul>
<ul>{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> {{ p.date }}</li>{% endfor %}</ul>
</body></html>
"#;

const ZOLA_PAGE: &str = r#"<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body><main><h1>{{ page.title }}</h1><p>{{ page.date }}</p>{{ page.content | safe }}</main></body></html>
"#;
