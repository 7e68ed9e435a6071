//! Meta-tests: the registry is complete, sorted and documented, and names exactly the rules
//! of SPEC §5.

use super::*;

/// The rule names of SPEC §5, both tables.
const SPEC_RULES: [(&str, Severity); 41] = [
    ("front-matter-missing", Severity::Error),
    ("toml-syntax", Severity::Error),
    ("invalid-utf8", Severity::Error),
    ("missing-field", Severity::Error),
    ("unknown-field", Severity::Error),
    ("invalid-value", Severity::Error),
    ("duplicate-id", Severity::Error),
    ("misplaced-file", Severity::Error),
    ("unknown-proposal", Severity::Error),
    ("unknown-member", Severity::Error),
    ("member-not-serving", Severity::Error),
    ("not-present", Severity::Error),
    ("present-and-absent", Severity::Error),
    ("attendance-incomplete", Severity::Warning),
    ("before-submission", Severity::Error),
    ("already-decided", Severity::Error),
    ("report-before-adoption", Severity::Error),
    ("report-after-acceptance", Severity::Error),
    ("progress-regressed", Severity::Warning),
    ("progress-incomplete", Severity::Error),
    ("quorum-not-met", Severity::Error),
    ("votes-exceed-present", Severity::Error),
    ("outcome-contradicts-votes", Severity::Error),
    ("overdue", Severity::Warning),
    ("unanswered", Severity::Warning),
    ("personal-data", Severity::Error),
    ("broken-link", Severity::Error),
    ("unsafe-html", Severity::Warning),
    ("decision-rewritten", Severity::Error),
    ("record-deleted", Severity::Error),
    ("unauthorized-commit", Severity::Error),
    ("unsigned-commit", Severity::Error),
    ("late-filing", Severity::Warning),
    ("dated-in-future", Severity::Error),
    ("dated-after-today", Severity::Warning),
    ("name-date-mismatch", Severity::Warning),
    ("unknown-council", Severity::Error),
    ("referral-mismatch", Severity::Error),
    ("referral-unanswered", Severity::Warning),
    ("feedback-before-outcome", Severity::Error),
    ("feedback-missing", Severity::Warning),
];

#[test]
fn the_registry_names_exactly_the_rules_of_the_spec_with_their_severities() {
    let mut spec: Vec<_> = SPEC_RULES.to_vec();
    spec.sort();
    let ours: Vec<_> = REGISTRY.iter().map(|r| (r.name, r.severity)).collect();
    assert_eq!(ours, spec);
}

#[test]
fn every_rule_is_documented_with_the_four_sections() {
    for r in REGISTRY {
        for section in ["## What it does", "## Why", "## Example", "## How to fix"] {
            assert!(r.docs.contains(section), "`{}` lacks `{section}`", r.name);
        }
        assert!(!r.summary.is_empty(), "`{}` has no summary", r.name);
        for section in ["## 检查什么", "## 为什么", "## 示例", "## 如何修改"] {
            assert!(
                r.docs_zh.contains(section),
                "`{}` lacks `{section}` in Chinese",
                r.name
            );
        }
    }
}

#[test]
fn every_rule_file_is_registered_under_its_own_name() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&dir) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".rs") || name == "mod.rs" || name == "tests.rs" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let rule_name = name.trim_end_matches(".rs").replace('_', "-");
        assert!(
            text.contains(&format!("name: \"{rule_name}\"")),
            "{} does not define the rule `{rule_name}`",
            entry.path().display()
        );
        assert!(
            find(&rule_name).is_some(),
            "`{rule_name}` is not in the registry"
        );
        seen += 1;
    }
    assert_eq!(seen, REGISTRY.len());
}
