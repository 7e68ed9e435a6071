//! Names that become web addresses. A council's or area's folder, a content page and its
//! folders become routes of the site (`/councils/<key>/`, `/<page>/`), so their names are
//! held to what a route may hold: ASCII letters, digits, `-`, `_` and `.`, starting with a
//! letter or digit (the same as a minutes file name). Attachments and static files keep
//! their names (`平面图 第2版.pdf` is fine) but may hold nothing that a URL, a sitemap or a
//! terminal would take for something else: control characters, `<>"'\`, `%`, `#`, `?`.

use std::collections::BTreeSet;

use crate::diag::Diagnostic;
use crate::msg;
use crate::rules::schema::invalid_value;

/// Whether `name` may be a segment of a route.
pub fn is_route_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

/// The first character of `name` that a published file name may not hold.
pub fn bad_file_char(name: &str) -> Option<char> {
    name.chars().find(|c| {
        c.is_control()
            || matches!(
                c,
                '<' | '>' | '"' | '\'' | '`' | '\\' | '%' | '#' | '?' | '*' | '|' | '\u{FFFD}'
            )
    })
}

/// `name` as it can be shown safely: control characters escaped.
pub fn shown(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Reports each folder and file in `rels` (site-relative, sorted) whose name cannot be
/// published, each folder once.
pub fn check(rels: &[&str], diags: &mut Vec<Diagnostic>) {
    let mut seen = BTreeSet::new();
    for rel in rels {
        let parts: Vec<&str> = rel.split('/').collect();
        let top = parts[0];
        let mut attachments = top == "static";
        for (i, name) in parts.iter().enumerate().skip(1) {
            let is_file = i == parts.len() - 1;
            let path = parts[..=i].join("/");
            // Below a council's `files/` folder, names are attachments' names.
            let route = !attachments && (!is_file || name.to_ascii_lowercase().ends_with(".md"));
            if !is_file && *name == "files" && top == "councils" {
                attachments = true;
            }
            let name = if route && is_file {
                &name[..name.len() - 3]
            } else {
                name
            };
            if route && top == "councils" && is_file {
                // Record stems are judged by the record's model (`check_stem`).
                continue;
            }
            // A section page (`_index.md`, `_index.en.md`) is named by its folder.
            let section = is_file && (name == "_index" || name.starts_with("_index."));
            let problem = if route {
                (!section && !is_route_name(name)).then(|| msg!("name-route-help"))
            } else {
                bad_file_char(name).map(|c| msg!("name-char-help", char = shown(&c.to_string())))
            };
            let Some(help) = problem else { continue };
            if !seen.insert(path.clone()) {
                continue;
            }
            let what = match (is_file, route) {
                (false, _) => msg!("name-folder"),
                (true, true) => msg!("name-page"),
                (true, false) => msg!("name-file"),
            };
            diags.push(
                invalid_value::file_name(&path, msg!("name-not-address", what, name = shown(name)))
                    .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_names_are_plain() {
        for good in ["grid-03", "2022.04", "a_b"] {
            assert!(is_route_name(good), "{good}");
        }
        for bad in [
            "grid 03",
            "%2e%2e%2f",
            "a<b>",
            "网格",
            "\u{1b}[31m",
            "-x",
            "",
        ] {
            assert!(!is_route_name(bad), "{bad}");
        }
    }

    #[test]
    fn file_names_keep_spaces_and_other_scripts_but_not_markup() {
        assert_eq!(bad_file_char("平面图 第2版.pdf"), None);
        assert_eq!(bad_file_char("a\u{1b}b.png"), Some('\u{1b}'));
        assert_eq!(bad_file_char("<img>.png"), Some('<'));
        assert_eq!(bad_file_char("%2e%2e%2f.txt"), Some('%'));
        assert_eq!(shown("a\u{1b}b"), "a\\u{1b}b");
    }
}
