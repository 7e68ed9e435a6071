//! `.mailmap` (gitmailmap(5)): the names and addresses a person committed under, mapped to
//! the one they are known by. The audit honours it, as `git log` does, so that a secretary
//! who committed from an old address is not reported; the site shows the mapped names.
//!
//! A `.mailmap` is a file in the repository like any other, so it could be used to pass a
//! stranger's address off as a secretary's. Two rules close that door (see `audit`): a
//! commit is judged by the `.mailmap` of its first parent, never its own, and a commit that
//! maps an address onto a secretary's must itself be that council's secretary's.

/// One line of a `.mailmap`: who commits as `commit_email` (and `commit_name`, when given)
/// is `proper_name` <`proper_email`>.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub proper_name: Option<String>,
    pub proper_email: Option<String>,
    pub commit_name: Option<String>,
    /// Lowercase: git compares addresses without case.
    pub commit_email: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mailmap {
    pub entries: Vec<Entry>,
}

impl Mailmap {
    /// Reads a `.mailmap`: `Proper Name <proper@x> Commit Name <commit@x>`, any part but the
    /// last address optional; `#` starts a comment. Lines it cannot read are skipped, as git
    /// skips them.
    pub fn parse(text: &str) -> Mailmap {
        let mut entries = Vec::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let Some((name1, email1, rest)) = take_address(line) else {
                continue;
            };
            let entry = match take_address(rest) {
                Some((name2, email2, _)) => Entry {
                    proper_name: non_empty(name1),
                    proper_email: non_empty(email1),
                    commit_name: non_empty(name2),
                    commit_email: email2.to_lowercase(),
                },
                None => Entry {
                    proper_name: non_empty(name1),
                    proper_email: None,
                    commit_name: None,
                    commit_email: email1.to_lowercase(),
                },
            };
            entries.push(entry);
        }
        Mailmap { entries }
    }

    /// The name and (lowercase) address that `name` <`email`> is known by. An entry naming
    /// the commit name too wins over one with the address alone, as in git.
    pub fn resolve(&self, name: &str, email: &str) -> (String, String) {
        let email_lc = email.to_lowercase();
        let by_address = self.entries.iter().filter(|e| e.commit_email == email_lc);
        let found = by_address
            .clone()
            .find(|e| {
                e.commit_name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            })
            .or_else(|| by_address.clone().find(|e| e.commit_name.is_none()));
        match found {
            Some(e) => (
                e.proper_name.clone().unwrap_or_else(|| name.to_string()),
                e.proper_email
                    .as_ref()
                    .map(|m| m.to_lowercase())
                    .unwrap_or(email_lc),
            ),
            None => (name.to_string(), email_lc),
        }
    }
}

/// `name <email> rest` → (name, email, rest), trimmed.
fn take_address(s: &str) -> Option<(&str, &str, &str)> {
    let open = s.find('<')?;
    let close = open + s[open..].find('>')?;
    Some((s[..open].trim(), s[open + 1..close].trim(), &s[close + 1..]))
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_line_maps_as_git_does() {
        let m = Mailmap::parse(
            "# comment\n\
             张华 <zhang.hua@example.org>\n\
             <zhang.hua@example.org> <zh@old.example.org>\n\
             Li Ming <li.ming@example.org> Ming <ming@example.org> # only under that name\n\
             Wang Li <wang.li@example.org> <WL@example.org>\n",
        );
        assert_eq!(
            m.resolve("zh", "ZH@old.example.org"),
            ("zh".into(), "zhang.hua@example.org".into())
        );
        assert_eq!(
            m.resolve("zhang", "zhang.hua@example.org"),
            ("张华".into(), "zhang.hua@example.org".into())
        );
        assert_eq!(
            m.resolve("Ming", "ming@example.org"),
            ("Li Ming".into(), "li.ming@example.org".into())
        );
        assert_eq!(
            m.resolve("someone", "ming@example.org"),
            ("someone".into(), "ming@example.org".into())
        );
        assert_eq!(
            m.resolve("w", "wl@example.org"),
            ("Wang Li".into(), "wang.li@example.org".into())
        );
    }
}
