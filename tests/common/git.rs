//! Git repositories for the history tests, made with the git command line in temporary
//! folders: pinned author and committer dates, no user or system configuration, SSH keys
//! made by ssh-keygen and signatures made by git itself (`gpg.format ssh`).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{fixtures, write};

pub const SECRETARY: &str = "zhang.hua@example.org";
pub const G: &str = "councils/demo/grid-01";

/// A git repository holding a council site, committed to step by step.
pub struct Repo {
    pub dir: tempfile::TempDir,
}

/// `git` with no user or system configuration.
pub fn git_command(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    c
}

/// Runs `cmd`, panicking with its stderr when it fails; returns its stdout, trimmed.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

impl Repo {
    pub fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let r = Repo { dir };
        r.git(&["init", "-q", "-b", "main"]);
        r
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn git(&self, args: &[&str]) -> String {
        run(git_command(self.path()).args(args))
    }

    /// git as `email` on `date` (10:00 in UTC+8), author and committer alike.
    pub fn git_as(&self, email: &str, date: &str, args: &[&str]) -> String {
        self.git_dated(email, date, date, args)
    }

    /// git as `email`, with the author date and the commit date given apart.
    pub fn git_dated(&self, email: &str, authored: &str, committed: &str, args: &[&str]) -> String {
        let stamp = |d: &str| {
            if d.contains('T') {
                d.to_string()
            } else {
                format!("{d}T10:00:00+08:00")
            }
        };
        let name = email.split('@').next().unwrap();
        run(git_command(self.path())
            .args(args)
            .env("GIT_AUTHOR_NAME", name)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_AUTHOR_DATE", stamp(authored))
            .env("GIT_COMMITTER_NAME", name)
            .env("GIT_COMMITTER_EMAIL", email)
            .env("GIT_COMMITTER_DATE", stamp(committed)))
    }

    /// Copies fixture files (relative to tests/fixtures/base) into the work tree.
    pub fn put_base(&self, rels: &[&str]) {
        for rel in rels {
            let text = std::fs::read(fixtures().join("base").join(rel)).unwrap();
            write(self.path(), rel, text);
        }
    }

    /// Commits everything as `email` on `date`; returns the commit id.
    pub fn commit(&self, email: &str, date: &str, msg: &str) -> String {
        self.commit_with(email, date, msg, &[])
    }

    /// Commits everything with extra `-c` settings (`extra` are git's own arguments, before
    /// `commit`).
    pub fn commit_with(&self, email: &str, date: &str, msg: &str, extra: &[&str]) -> String {
        self.git(&["add", "-A"]);
        let mut args: Vec<&str> = extra.to_vec();
        args.extend(["commit", "-q", "--allow-empty", "-m", msg]);
        self.git_as(email, date, &args);
        self.git(&["rev-parse", "HEAD"])
    }

    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path().join(rel)).unwrap();
        assert!(text.contains(from), "{rel} lacks {from}");
        write(self.path(), rel, text.replacen(from, to, 1));
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        write(self.path(), rel, text);
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path().join(rel)).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }
}

/// A new repository with the base site's configuration, council and first proposal in its
/// work tree, not committed yet.
pub fn base_council() -> Repo {
    let r = Repo::new();
    r.put_base(&[
        "site.toml",
        "councils/demo/area.toml",
        &format!("{G}/council.toml"),
        &format!("{G}/proposals/2022-001.md"),
    ]);
    r
}

/// Makes the council require signed commits, with `public` as the secretary's key.
pub fn require_signing(r: &Repo, public: &str) {
    let toml = format!("{G}/council.toml");
    r.edit(
        &toml,
        "majority = \"present\"",
        "majority = \"present\"\nsigning = \"required\"",
    );
    r.edit(
        &toml,
        "git = [\"zhang.hua@example.org\"]",
        &format!("git = [\"zhang.hua@example.org\"]\nkeys = [\"{public}\"]"),
    );
}

/// Commits everything as the secretary, signed by git with `key`.
pub fn commit_signed(r: &Repo, key: &Path, date: &str, msg: &str) -> String {
    let args = signing(key);
    r.commit_with(
        SECRETARY,
        date,
        msg,
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
}

/// Builds the site of `r` as of TODAY and reads the page at `page` (relative to the output).
pub fn built_page(r: &Repo, page: &str) -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    let (code, err) = super::build(r.path(), out.path());
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(out.path().join(page)).unwrap();
    (out, text)
}

/// The `<li>` of a page's history that shows `commit`.
pub fn history_entry<'p>(page: &'p str, commit: &str) -> &'p str {
    let at = page.find(&commit[..10]).expect("the commit is shown");
    let start = page[..at].rfind("<li").unwrap();
    &page[start..at + page[at..].find("</li>").unwrap()]
}

/// The base council with no `git` address for its secretary (authorisation off), committed
/// by two people.
pub fn council_without_addresses() -> Repo {
    let r = base_council();
    r.edit(
        &format!("{G}/council.toml"),
        "git = [\"zhang.hua@example.org\"]\n",
        "",
    );
    r.commit("a@example.org", "2022-03-02", "start");
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    r.commit("b@example.org", "2022-03-16", "minutes");
    r
}

/// A clean history: each record committed the day after its date, by the secretary.
pub fn clean_repo() -> (Repo, Vec<String>) {
    let r = base_council();
    let c1 = r.commit(SECRETARY, "2022-03-02", "council and first proposal");
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    let c2 = r.commit(SECRETARY, "2022-03-16", "minutes of 15 March");
    r.put_base(&[&format!("{G}/meetings/2022-04-02.md")]);
    let c3 = r.commit(SECRETARY, "2022-04-03", "minutes of 2 April");
    r.put_base(&[&format!("{G}/reports/2022-06-30.md")]);
    let c4 = r.commit(SECRETARY, "2022-07-01", "supervision report");
    r.put_base(&[&format!("{G}/proposals/2022-002.md")]);
    let c5 = r.commit(SECRETARY, "2022-09-21", "new proposal");
    (r, vec![c1, c2, c3, c4, c5])
}

/// `council audit --format json <root> <extra…>`: exit code, findings (with notes), stderr.
pub fn audit_json(root: &Path, extra: &[&str]) -> (i32, Vec<serde_json::Value>, String) {
    let out = super::council()
        .args(["audit", "--format", "json"])
        .args(extra)
        .arg(root)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "not JSON: {} {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (
        out.status.code().unwrap(),
        v.as_array().unwrap().clone(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `rule commit-prefix file[:line]` for each finding (notes left out).
pub fn found(diags: &[serde_json::Value]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d["severity"] != "note")
        .map(|d| {
            let commit = d["commit"].as_str().unwrap_or("-");
            let place = match d["line"].as_u64() {
                Some(l) => format!("{}:{l}", d["file"].as_str().unwrap()),
                None => d["file"].as_str().unwrap().to_string(),
            };
            format!(
                "{} {} {place}",
                d["rule"].as_str().unwrap(),
                &commit[..commit.len().min(10)]
            )
        })
        .collect()
}

/// A throwaway SSH key pair of type `kind` (`ed25519`, `rsa`, `ecdsa -b 384`…): the private
/// key's path and the public key line.
pub fn keygen(dir: &Path, name: &str, kind: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let mut kind_args: Vec<&str> = vec!["-t"];
    kind_args.extend(kind.split(' '));
    kind_args.extend(["-q", "-N", "", "-C", name, "-f"]);
    let out = Command::new("ssh-keygen")
        .args(&kind_args)
        .arg(&key)
        .output()
        .expect("ssh-keygen runs (.ci/run installs openssh-client)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let public = std::fs::read_to_string(key.with_extension("pub"))
        .unwrap()
        .trim()
        .to_string();
    (key, public)
}

/// git's own arguments to sign a commit with `key` (`gpg.format ssh`).
pub fn signing(key: &Path) -> Vec<String> {
    vec![
        "-c".into(),
        "gpg.format=ssh".into(),
        "-c".into(),
        format!("user.signingkey={}", key.display()),
        "-c".into(),
        "commit.gpgsign=true".into(),
    ]
}
