//! The secretaries' guides (docs/guide.zh.md, docs/guide.en.md) end with every rule in plain
//! words, generated from the rules' own documentation so that the two cannot drift. Run with
//! `UPDATE_GUIDE=1` to write the generated part after changing a rule's docs.

use std::path::Path;

const MARKER: &str = "<!-- The rules below are generated from the rules' own documentation (tests/guide.rs): edit the rules, not this section. -->";

#[test]
fn the_guides_list_every_rule_as_the_rules_document_themselves() {
    for lang in ["zh", "en"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/guide.{lang}.md"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let start = text
            .find(MARKER)
            .unwrap_or_else(|| panic!("{} has no marker line", path.display()));
        let head = &text[..start + MARKER.len()];
        let expected = format!("{head}\n\n{}", council::rules::guide_section(lang));
        if std::env::var_os("UPDATE_GUIDE").is_some() {
            std::fs::write(&path, &expected).unwrap();
            continue;
        }
        assert!(
            text == expected,
            "{} is out of date with the rules: run `UPDATE_GUIDE=1 cargo test --test guide`",
            path.display()
        );
        for rule in council::rules::REGISTRY {
            assert!(
                text.contains(&format!("## {}", rule.name)),
                "{lang}: {}",
                rule.name
            );
        }
    }
}
