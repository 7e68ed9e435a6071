//! Small sites written to a temporary folder for unit tests: councils of three members
//! (`a` chair, `b` secretary, `c` supervisor, all serving from 2021), and records made by short
//! helpers. Paths are relative to `councils/`.

use crate::lifecycle::{Lifecycle, Timelines, derive};
use crate::model::{Site, load_site};

const MEMBERS: &str = r#"established = 2021-01-01
[[members]]
id = "a"
name = "甲"
roles = ["chair"]
from = 2021-01-01
[[members]]
id = "b"
name = "乙"
roles = ["secretary"]
from = 2021-01-01
[[members]]
id = "c"
name = "丙"
roles = ["supervisor"]
from = 2021-01-01
"#;

/// A site in a temporary folder (kept alive by the returned guard).
pub struct TestSite {
    pub dir: tempfile::TempDir,
    pub site: Site,
    pub timelines: Timelines,
}

impl TestSite {
    /// Councils `(key, level)` with `files` (paths relative to `councils/`), and `lifecycle`
    /// lines added to site.toml's `[lifecycle]` table.
    pub fn new(councils: &[(&str, &str)], files: &[(String, String)], lifecycle: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let w = |rel: &str, text: &str| {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        w(
            "site.toml",
            &format!("title = \"t\"\nbase_url = \"https://e.org/\"\n[lifecycle]\n{lifecycle}\n"),
        );
        for (key, level) in councils {
            w(
                &format!("councils/{key}/council.toml"),
                &format!("name = \"{key}\"\nlevel = \"{level}\"\n{MEMBERS}"),
            );
        }
        for (rel, text) in files {
            w(&format!("councils/{rel}"), text);
        }
        let (site, diags) = load_site(root);
        assert!(diags.is_empty(), "{diags:?}");
        let timelines = Timelines::build(&site);
        TestSite {
            dir,
            site,
            timelines,
        }
    }

    /// Writes (or replaces) a file and reads the site again.
    pub fn write(&mut self, (rel, text): (String, String)) {
        std::fs::write(self.dir.path().join("councils").join(rel), text).unwrap();
        self.site = load_site(self.dir.path()).0;
        self.timelines = Timelines::build(&self.site);
    }

    /// Every matter's lifecycle as of `today`.
    pub fn lifecycles(&self, today: &str) -> Vec<Vec<Option<Lifecycle>>> {
        let today = today.parse().unwrap();
        self.site
            .councils
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                c.proposals
                    .iter()
                    .enumerate()
                    .map(|(pi, p)| {
                        derive(
                            c,
                            p,
                            self.timelines.of(ci, pi),
                            today,
                            self.site.config.response_days,
                        )
                    })
                    .collect()
            })
            .collect()
    }

    /// (council index, proposal index) of `key/id`.
    pub fn at(&self, matter: &str) -> (usize, usize) {
        let (key, id) = matter.rsplit_once('/').unwrap();
        let ci = self
            .site
            .councils
            .iter()
            .position(|c| c.key == key)
            .unwrap();
        let pi = self.site.councils[ci]
            .proposals
            .iter()
            .position(|p| p.id() == id)
            .unwrap();
        (ci, pi)
    }
}

/// `<council>/proposals/<id>.md`, with `extra` front-matter lines.
pub fn proposal(council: &str, id: &str, submitted: &str, extra: &str) -> (String, String) {
    (
        format!("{council}/proposals/{id}.md"),
        format!("+++\ntitle = \"t\"\nsubmitted = {submitted}\nproposer = \"p\"\n{extra}+++\n"),
    )
}

/// `<council>/meetings/<date>.md` with all three members present and `items`.
pub fn meeting(council: &str, date: &str, items: &str) -> (String, String) {
    (
        format!("{council}/meetings/{date}.md"),
        format!(
            "+++\ndate = {date}\nchair = \"a\"\nrecorder = \"b\"\npresent = [\"a\", \"b\", \"c\"]\n{items}+++\n"
        ),
    )
}

pub fn item(p: &str, action: &str, rest: &str) -> String {
    format!("[[items]]\nproposal = \"{p}\"\naction = \"{action}\"\n{rest}")
}

/// The rest of an item adopting a matter, due `due`.
pub fn adopt(due: &str) -> String {
    format!(
        "outcome = \"adopted\"\nvotes = {{ yes = 3, no = 0, abstain = 0 }}\nowner = \"o\"\ndue = {due}\n"
    )
}

pub const REJECT: &str = "outcome = \"rejected\"\nvotes = { yes = 0, no = 3, abstain = 0 }\n";

/// The rest of an item referring a matter to `to`.
pub fn refer(to: &str) -> String {
    format!("outcome = \"referred\"\nreferred_to = \"{to}\"\n")
}

pub fn report(
    council: &str,
    stem: &str,
    p: &str,
    date: &str,
    progress: u8,
    status: &str,
) -> (String, String) {
    (
        format!("{council}/reports/{stem}.md"),
        format!(
            "+++\nproposal = \"{p}\"\ndate = {date}\nby = [\"c\"]\nprogress = {progress}\nstatus = \"{status}\"\n+++\n"
        ),
    )
}

pub fn feedback(
    council: &str,
    stem: &str,
    p: &str,
    date: &str,
    satisfaction: &str,
) -> (String, String) {
    (
        format!("{council}/feedback/{stem}.md"),
        format!(
            "+++\nproposal = \"{p}\"\ndate = {date}\nby = [\"b\"]\nreached = \"r\"\nsatisfaction = \"{satisfaction}\"\n+++\n"
        ),
    )
}

/// A grid matter `ht/g1/p1` referred on 2022-03-10 to the community's joint council, which
/// records it as `ht/joint/j1` on 2022-03-15 (with `joint_extra` front-matter lines) and
/// decides it with `joint_decision` on 2022-04-01.
pub fn referred_to_joint(joint_extra: &str, joint_decision: &str) -> Vec<(String, String)> {
    vec![
        proposal("ht/g1", "p1", "2022-03-01", ""),
        meeting(
            "ht/g1",
            "2022-03-10",
            &item("p1", "decide", &refer("ht/joint")),
        ),
        proposal(
            "ht/joint",
            "j1",
            "2022-03-15",
            &format!("referred_from = \"ht/g1/p1\"\n{joint_extra}"),
        ),
        meeting(
            "ht/joint",
            "2022-04-01",
            &item("j1", "decide", joint_decision),
        ),
    ]
}

/// [`referred_to_joint`], referred on to the street's council, which records it as
/// `street/s1` on 2022-04-10 and adopts it on 2022-05-01.
pub fn chain_over_three(joint_extra: &str) -> Vec<(String, String)> {
    let mut files = referred_to_joint(joint_extra, &refer("street"));
    files.extend([
        proposal(
            "street",
            "s1",
            "2022-04-10",
            "referred_from = \"ht/joint/j1\"\n",
        ),
        meeting(
            "street",
            "2022-05-01",
            &item("s1", "decide", &adopt("2022-12-31")),
        ),
    ]);
    files
}
