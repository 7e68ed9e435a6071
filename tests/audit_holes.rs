//! Issue 13: the ways an outside test passed the audit falsely or blamed someone wrongly,
//! each on a real repository made with git in a temporary folder, and where git has an
//! answer (`git log --follow`, `git show -M`, `git merge-base`), checked against it.

mod common;

use common::git::*;
use common::*;

const STRANGER: &str = "someone@example.org";

/// A council.toml that names the stranger its secretary.
const IMPOSTOR: &str = "name = \"冒充\"\nestablished = 2022-01-01\n\n[[members]]\nid = \"someone\"\nname = \"某人\"\nroles = [\"secretary\"]\nfrom = 2022-01-01\ngit = [\"someone@example.org\"]\n";

#[test]
fn issue_13_1_a_council_toml_inside_a_council_authorises_nobody() {
    let keys = tempfile::tempdir().unwrap();
    let (secret, public) = keygen(keys.path(), "secretary", "ed25519");
    let r = base_council();
    require_signing(&r, &public);
    commit_signed(&r, &secret, "2022-03-02", "a council that signs");
    r.put_base(&[&format!("{G}/meetings/2022-03-15.md")]);
    commit_signed(&r, &secret, "2022-03-16", "minutes");
    // A stranger names themselves secretary in a council.toml of their own, inside the
    // council's meetings folder, files minutes, edits old ones and removes the file again.
    r.write(&format!("{G}/meetings/council.toml"), IMPOSTOR);
    let a = r.commit(STRANGER, "2022-03-20", "a council of my own");
    r.put_base(&[&format!("{G}/meetings/2022-04-02.md")]);
    let b = r.commit(STRANGER, "2022-04-03", "minutes");
    r.edit(
        &format!("{G}/meetings/2022-03-15.md"),
        "讨论了",
        "简单讨论了",
    );
    let c = r.commit(STRANGER, "2022-04-05", "an edit");
    r.remove(&format!("{G}/meetings/council.toml"));
    let d = r.commit(STRANGER, "2022-04-06", "no trace");
    let (code, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    let found = found(&diags);
    for (commit, file) in [
        (&a, "meetings/council.toml"),
        (&b, "meetings/2022-04-02.md"),
        (&c, "meetings/2022-03-15.md"),
        (&d, "meetings/council.toml"),
    ] {
        for rule in ["unauthorized-commit", "unsigned-commit"] {
            let want = format!("{rule} {} {G}/{file}", &commit[..10]);
            assert!(found.contains(&want), "{want} not in {found:#?}");
        }
    }
    assert!(found.contains(&format!(
        "record-deleted {} {G}/meetings/council.toml",
        &d[..10]
    )));
    assert_eq!(code, 1);
}

#[test]
fn issue_13_1_a_council_toml_above_a_council_takes_nothing_over() {
    let (r, _) = clean_repo();
    r.write("councils/demo/council.toml", IMPOSTOR);
    r.commit(STRANGER, "2022-09-22", "a council above");
    r.edit(
        &format!("{G}/proposals/2022-002.md"),
        "院内树枝",
        "院子里的树枝",
    );
    let edit = r.commit(STRANGER, "2022-09-23", "now the grid is mine");
    let (_, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    assert!(
        found(&diags).contains(&format!(
            "unauthorized-commit {} {G}/proposals/2022-002.md",
            &edit[..10]
        )),
        "{:#?}",
        found(&diags)
    );
}

/// The minutes of 2 April saved as GB18030 (ASCII stays, Chinese becomes two bytes each).
fn gb18030(text: &str) -> Vec<u8> {
    let table: [(&str, &str); 3] = [
        ("四月例会", "cbc4d4c2c0fdbbe1"),
        ("社区居委会", "c9e7c7f8bed3ceafbbe1"),
        (
            "表决通过加装电梯方案。",
            "b1edbef6cda8b9fdbcd3d7b0b5e7ccddb7bdb0b8a1a3",
        ),
    ];
    let mut bytes = text.as_bytes().to_vec();
    for (s, hex) in table {
        let enc: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        let pos = bytes
            .windows(s.len())
            .position(|w| w == s.as_bytes())
            .unwrap();
        bytes.splice(pos..pos + s.len(), enc);
    }
    assert!(std::str::from_utf8(&bytes).is_err());
    bytes
}

#[test]
fn issue_13_2_votes_changed_through_a_broken_version_are_reported() {
    let minutes = format!("{G}/meetings/2022-04-02.md");
    for breakage in ["toml", "gb18030"] {
        let (r, commits) = clean_repo();
        let good = r.read(&minutes);
        match breakage {
            "toml" => r.edit(&minutes, "votes = { yes = 4,", "votes = { yes = 4,,"),
            _ => r.write(&minutes, gb18030(&good)),
        }
        r.commit(SECRETARY, "2022-09-25", "broken");
        r.write(
            &minutes,
            good.replace(
                "yes = 4, no = 0, abstain = 1",
                "yes = 3, no = 1, abstain = 1",
            ),
        );
        let fix = r.commit(SECRETARY, "2022-09-26", "fixed");
        let (code, diags, _) = audit_json(r.path(), &["--today", TODAY]);
        assert_eq!(
            found(&diags),
            [format!("decision-rewritten {} {minutes}:12", &fix[..10])],
            "{breakage}"
        );
        let message = diags[0]["message"].as_str().unwrap();
        assert!(message.contains("`2022-001` votes.yes 4 → 3"), "{message}");
        assert!(
            message.contains(&commits[4][..10]),
            "names the version compared: {message}"
        );
        assert_eq!(code, 1);
    }
}

#[test]
fn issue_13_4_since_a_commit_that_history_no_longer_holds_is_refused() {
    let (r, commits) = clean_repo();
    // Rewrite the last three commits (as a rebase or an amend and force-push would).
    r.git(&["reset", "-q", "--hard", &commits[1]]);
    r.put_base(&[&format!("{G}/meetings/2022-04-02.md")]);
    r.edit(
        &format!("{G}/meetings/2022-04-02.md"),
        "yes = 4, no = 0, abstain = 1",
        "yes = 3, no = 1, abstain = 1",
    );
    r.commit(SECRETARY, "2022-04-03", "minutes of 2 April, rewritten");
    let out = council()
        .args(["audit", "--since", &commits[3]])
        .arg(r.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is not an ancestor of HEAD"), "{stderr}");
    assert!(stderr.contains(&commits[3][..10]), "{stderr}");
    // What git says about the same question.
    let ancestor = git_command(r.path())
        .args(["merge-base", "--is-ancestor", &commits[3], "HEAD"])
        .status()
        .unwrap();
    assert!(!ancestor.success());
    // An ancestor is still fine.
    let (code, _, _) = audit_json(r.path(), &["--since", &commits[1]]);
    assert_eq!(code, 0);
}

/// Back on main, where the secretary commits an edit of their own, so that a merge is one.
fn back_on_main(r: &Repo) {
    r.git(&["checkout", "-q", "main"]);
    r.edit(
        &format!("{G}/proposals/2022-001.md"),
        "3号楼",
        "3号楼（东单元）",
    );
    r.commit(SECRETARY, "2022-09-23", "on main");
}

#[test]
fn issue_13_5_a_clean_merge_is_not_blamed_for_the_branch() {
    let (r, _) = clean_repo();
    r.git(&["checkout", "-q", "-b", "member-edit"]);
    r.edit(
        &format!("{G}/proposals/2022-002.md"),
        "院内树枝遮挡低层住户采光。",
        "院内树枝遮挡低层住户采光，夏季尤甚。",
    );
    let member = r.commit("li.ming@example.org", "2022-09-22", "a member's edit");
    back_on_main(&r);
    let merge = r.git_as(
        SECRETARY,
        "2022-09-24",
        &["merge", "-q", "--no-ff", "-m", "merge", "member-edit"],
    );
    let _ = merge;
    let merge = r.git(&["rev-parse", "HEAD"]);
    let (_, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    assert_eq!(
        found(&diags),
        [format!(
            "unauthorized-commit {} {G}/proposals/2022-002.md",
            &member[..10]
        )],
        "the member's commit is judged, not the merge {merge}"
    );
}

#[test]
fn issue_13_5_an_octopus_merge_is_not_blamed_for_another_councils_change() {
    let (r, _) = clean_repo();
    let g2 = "councils/demo/grid-02";
    let toml = r
        .read(&format!("{G}/council.toml"))
        .replace("zhang.hua@example.org", "li.na@example.org")
        .replace("第一网格", "第二网格");
    r.write(&format!("{g2}/council.toml"), toml);
    r.write(
        &format!("{g2}/proposals/2022-001.md"),
        "+++\ntitle = \"修路\"\nsubmitted = 2022-09-01\nproposer = \"居民\"\n+++\n\n路面破损。\n",
    );
    r.commit("li.na@example.org", "2022-09-21", "grid 2");
    for (branch, email, file, from, to) in [
        (
            "grid-2",
            "li.na@example.org",
            format!("{g2}/proposals/2022-001.md"),
            "路面破损。",
            "路面破损严重。",
        ),
        (
            "grid-1",
            SECRETARY,
            format!("{G}/proposals/2022-002.md"),
            "采光。",
            "采光，夏季尤甚。",
        ),
    ] {
        r.git(&["checkout", "-q", "-b", branch, "main"]);
        r.edit(&file, from, to);
        r.commit(email, "2022-09-22", branch);
    }
    back_on_main(&r);
    r.git_as(
        SECRETARY,
        "2022-09-24",
        &["merge", "-q", "-m", "octopus", "grid-2", "grid-1"],
    );
    assert_eq!(
        r.git(&["rev-list", "--parents", "-n1", "HEAD"])
            .split(' ')
            .count(),
        4
    );
    let (code, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    assert_eq!(found(&diags), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn issue_13_5_a_merge_is_judged_by_what_it_adds_itself() {
    let (r, _) = clean_repo();
    let minutes = format!("{G}/meetings/2022-04-02.md");
    r.git(&["checkout", "-q", "-b", "typo"]);
    r.edit(&minutes, "表决通过", "会议表决通过");
    r.commit(SECRETARY, "2022-09-22", "typo");
    back_on_main(&r);
    // The merge itself changes the votes ("an evil merge").
    r.git_as(
        SECRETARY,
        "2022-09-24",
        &["merge", "-q", "--no-commit", "typo"],
    );
    r.edit(&minutes, "yes = 4, no = 0", "yes = 3, no = 1");
    r.git(&["add", "-A"]);
    r.git_as(STRANGER, "2022-09-24", &["commit", "-q", "-m", "merge"]);
    let merge = r.git(&["rev-parse", "HEAD"]);
    let (_, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    assert_eq!(
        found(&diags),
        [
            format!("unauthorized-commit {} {minutes}", &merge[..10]),
            format!("decision-rewritten {} {minutes}:12", &merge[..10]),
        ]
    );
}

/// What git says a commit did to its files (`-M`: renames found by similarity).
fn git_status_of(r: &Repo, commit: &str) -> String {
    r.git(&["show", "-M", "--name-status", "--format=", commit])
}

#[test]
fn issue_13_6_a_renamed_and_edited_record_keeps_its_history() {
    let (r, commits) = clean_repo();
    let (old, new) = (
        format!("{G}/meetings/2022-04-02.md"),
        format!("{G}/meetings/2022-04-02-regular.md"),
    );
    r.git(&["mv", &old, &new]);
    r.edit(&new, "表决通过加装电梯方案。", "经表决，通过加装电梯方案。");
    let mv = r.commit(SECRETARY, "2022-09-25", "rename");
    assert!(git_status_of(&r, &mv).starts_with('R'), "git sees a rename");
    let (_, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    // Reported as a rename, and the new name is no late filing.
    assert_eq!(
        found(&diags),
        [format!("record-deleted {} {old}", &mv[..10])]
    );
    assert!(diags[0]["message"].as_str().unwrap().contains("renames"));
    // The page at the new name shows the whole history, as `git log --follow` does.
    let followed = r.git(&["log", "--follow", "--format=%H", "--", &new]);
    assert!(followed.contains(&commits[2]));
    let (_out, page) = built_page(
        &r,
        "councils/demo/grid-01/meetings/2022-04-02-regular/index.html",
    );
    assert!(
        page.contains(&commits[2][..10]),
        "the first commit is shown"
    );
    assert!(page.contains(&mv[..10]));
    assert!(page.contains("更名"));
}

#[test]
fn issue_13_6_votes_changed_in_a_rename_or_a_restore_are_reported() {
    let (r, _) = clean_repo();
    let (old, new) = (
        format!("{G}/meetings/2022-04-02.md"),
        format!("{G}/meetings/2022-04-02-regular.md"),
    );
    r.git(&["mv", &old, &new]);
    r.edit(
        &new,
        "yes = 4, no = 0, abstain = 1",
        "yes = 3, no = 1, abstain = 1",
    );
    let mv = r.commit(SECRETARY, "2022-09-25", "rename and recount");
    assert!(git_status_of(&r, &mv).starts_with('R'), "git sees a rename");
    let minutes = format!("{G}/meetings/2022-03-15.md");
    let before = r.read(&minutes);
    r.remove(&minutes);
    let del = r.commit(SECRETARY, "2022-09-26", "delete");
    r.write(
        &minutes,
        before
            .replace("\"chen-jing\"]", "\"chen-jing\", \"zhao-gang\"]")
            .replace("absent = [\"zhao-gang\"]\n", ""),
    );
    let back = r.commit(SECRETARY, "2022-09-27", "restore, with one more present");
    let (_, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    assert_eq!(
        found(&diags),
        [
            format!("record-deleted {} {minutes}", &del[..10]),
            format!("decision-rewritten {} {minutes}:6", &back[..10]),
            format!("decision-rewritten {} {new}:12", &mv[..10]),
            format!("record-deleted {} {old}", &mv[..10]),
        ]
    );
    let restored = diags.iter().find(|d| d["commit"] == back.as_str()).unwrap();
    assert!(
        restored["message"]
            .as_str()
            .unwrap()
            .contains("present +zhao-gang"),
        "{}",
        restored["message"]
    );
}

#[test]
fn issue_13_8_the_log_pairs_items_by_what_they_are_and_shows_every_field() {
    let (r, _) = clean_repo();
    let minutes = format!("{G}/meetings/2022-05-10.md");
    let deliberate = "[[items]]\nproposal = \"2022-001\"\naction = \"deliberate\"\n";
    let decide = "[[items]]\nproposal = \"2022-001\"\naction = \"decide\"\noutcome = \"deferred\"\nsupervisors = [\"li-ming\"]\n";
    let head = "+++\ndate = 2022-05-10\nchair = \"wang-li\"\nrecorder = \"zhang-hua\"\npresent = [\"wang-li\", \"zhang-hua\", \"li-ming\", \"chen-jing\", \"zhao-gang\"]\n";
    r.write(
        &minutes,
        format!("{head}\n{deliberate}\n{decide}+++\n\n再议。\n"),
    );
    r.commit(SECRETARY, "2022-05-11", "minutes");
    r.write(
        &minutes,
        format!("{head}\n{decide}\n{deliberate}+++\n\n再议。\n"),
    );
    let reorder = r.commit(SECRETARY, "2022-05-12", "reorder");
    r.write(
        &minutes,
        format!("{head}\n{decide}+++\n\n再议。\n")
            .replace("2022-05-10\n", "2022-05-09\n")
            .replace("\"chen-jing\", ", "")
            .replace("[\"li-ming\"]", "[\"chen-jing\"]"),
    );
    r.commit(SECRETARY, "2022-05-13", "one item less");
    let report = format!("{G}/reports/2022-06-30.md");
    r.edit(
        &report,
        "proposal = \"2022-001\"",
        "proposal = \"2022-002\"",
    );
    r.commit(SECRETARY, "2022-09-25", "report moved");
    let log = |matter: &str| {
        let out = council()
            .args(["log", matter])
            .arg(r.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = log("demo/grid-01/2022-001");
    // A reorder changes nothing; the log shows the commit (its file changed) with no fields.
    let after_reorder: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains(&reorder[..10]))
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .collect();
    assert_eq!(
        after_reorder,
        [format!("    changed {minutes} (minutes of 2022-05-10)")]
    );
    for line in [
        "      date 2022-05-10 → 2022-05-09",
        "      present -chen-jing",
        "      supervisors -li-ming +chen-jing",
        "      removed: deliberate",
        "      proposal 2022-001 → 2022-002 (moved to another matter)",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
    assert!(!text.contains("action "), "no false action change:\n{text}");
    let other = log("demo/grid-01/2022-002");
    assert!(
        other.contains("proposal 2022-001 → 2022-002 (moved to this matter)"),
        "{other}"
    );
}

#[test]
fn issue_13_6_a_draft_moved_into_the_records_is_first_committed_there() {
    let (r, _) = clean_repo();
    let minutes = r
        .read(&format!("{G}/meetings/2022-04-02.md"))
        .replace("2022-04-02", "2022-05-01");
    r.write(&format!("{G}/files/minutes.txt"), &minutes);
    r.commit(SECRETARY, "2022-05-02", "a draft outside the records");
    let moved = format!("{G}/meetings/2022-05-01.md");
    r.git(&["mv", &format!("{G}/files/minutes.txt"), &moved]);
    let mv = r.commit(SECRETARY, "2022-09-25", "filed");
    assert!(git_status_of(&r, &mv).starts_with('R'), "git sees a rename");
    let (_, diags, _) = audit_json(r.path(), &["--today", TODAY]);
    assert_eq!(
        found(&diags),
        [format!("late-filing {} {moved}:2", &mv[..10])]
    );
}
