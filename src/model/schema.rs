//! A strict, spanned reader of TOML tables: typed fields with the span they came from,
//! every problem reported (never only the first), unknown keys with a did-you-mean.
//!
//! serde's derive stops at the first error and loses positions, and a secretary with three
//! typos should see three findings in one run; so records are read field by field from
//! toml's spanned document tree instead.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Sp, Translations};
use crate::diag::{Diagnostic, Source};
use crate::rules::schema::{invalid_value, missing_field, unknown_field};

/// Where findings of one file go while its tables are read.
pub(crate) type Sink = RefCell<Vec<Diagnostic>>;

/// Reads the fields of one TOML table.
pub(crate) struct Reader<'a, 'i> {
    pub src: &'a Arc<Source>,
    sink: &'a Sink,
    /// Offset of the TOML text in the file.
    base: usize,
    table: &'a DeTable<'i>,
    /// Where a missing field is reported: the table's header, or the `+++` line.
    pub anchor: Range<usize>,
    /// What the table is, in words: "the proposal", "item 2", "member `wang-li`".
    pub what: String,
    known: Vec<&'static str>,
    /// The fields of the table this one sits in (for a `[[items]]` or `[[members]]` table),
    /// to recognise a field written below the table it belongs above.
    parent_known: Vec<&'static str>,
}

/// A did-you-mean for `word` among `candidates`.
pub fn suggest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

pub(crate) fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A placeholder that `council new` wrote and the secretary has not replaced yet.
pub(crate) fn placeholder(src: &Arc<Source>, span: Range<usize>, what: &str) -> Diagnostic {
    invalid_value::diagnostic(
        src,
        span,
        format!("{what} still holds a placeholder written by `council new`"),
        "placeholder",
    )
    .help("replace the text in 【】 with the real content, and remove the brackets")
}

/// `[a-z0-9][a-z0-9-]*`, the form of every id (SPEC §3).
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// A council key: `/`-separated parts, each an id (`huangtai/grid-03`). SPEC §8 tells a key
/// from the name of an outside body by this form.
pub fn is_key(s: &str) -> bool {
    !s.is_empty() && s.split('/').all(is_id)
}

/// `<council key>/<id>` split into the key and the id, when both are well formed.
pub fn split_matter_ref(s: &str) -> Option<(&str, &str)> {
    let (key, id) = s.rsplit_once('/')?;
    (is_key(key) && is_id(id)).then_some((key, id))
}

impl<'a, 'i> Reader<'a, 'i> {
    pub fn new(
        src: &'a Arc<Source>,
        sink: &'a Sink,
        base: usize,
        table: &'a DeTable<'i>,
        anchor: Range<usize>,
        what: impl Into<String>,
    ) -> Self {
        Reader {
            src,
            sink,
            base,
            table,
            anchor,
            what: what.into(),
            known: Vec::new(),
            parent_known: Vec::new(),
        }
    }

    pub fn push(&self, d: Diagnostic) {
        self.sink.borrow_mut().push(d);
    }

    pub fn abs(&self, span: Range<usize>) -> Range<usize> {
        self.base + span.start..self.base + span.end
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        if !self.known.contains(&key) {
            self.known.push(key);
        }
        self.table.get(key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }

    fn wrong_type(&self, key: &str, v: &Spanned<DeValue<'_>>, expected: &str, example: &str) {
        let found = type_name(v.get_ref());
        self.push(
            invalid_value::diagnostic(
                self.src,
                self.abs(v.span()),
                format!("`{key}` must be {expected}, not {found}"),
                format!("expected {expected}"),
            )
            .help(format!("write it like `{example}`")),
        );
    }

    /// Reports a missing field when `key` is absent. A present but malformed value was
    /// already reported by its reader.
    pub fn require(&mut self, key: &'static str, example: &str) {
        if !self.known.contains(&key) {
            self.known.push(key);
        }
        if self.table.get(key).is_none() {
            self.push(missing_field::diagnostic(
                self.src,
                self.anchor.clone(),
                &self.what,
                key,
                example,
            ));
        }
    }

    pub fn string(&mut self, key: &'static str) -> Option<Sp<String>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => {
                if s.contains(super::PLACEHOLDER) {
                    self.push(placeholder(
                        self.src,
                        self.abs(v.span()),
                        &format!("`{key}`"),
                    ));
                }
                Some(Sp::new(s.to_string(), self.abs(v.span())))
            }
            _ => {
                self.wrong_type(key, v, "text in quotes", &format!("{key} = \"…\""));
                None
            }
        }
    }

    /// A string that must also not be blank.
    pub fn text(&mut self, key: &'static str) -> Option<Sp<String>> {
        let s = self.string(key)?;
        if s.value.trim().is_empty() {
            self.push(
                invalid_value::diagnostic(
                    self.src,
                    s.span.clone(),
                    format!("`{key}` is empty"),
                    "empty",
                )
                .help(format!(
                    "write the {key}, or remove the line if it is optional"
                )),
            );
            return None;
        }
        Some(s)
    }

    pub fn date(&mut self, key: &'static str) -> Option<Sp<Date>> {
        let v = self.get(key)?;
        let example = format!("{key} = 2022-04-02");
        let span = self.abs(v.span());
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    match Date::new(d.year as i16, d.month as i8, d.day as i8) {
                        Ok(date) => Some(Sp::new(date, span)),
                        Err(_) => {
                            self.push(invalid_value::diagnostic(
                                self.src,
                                span,
                                format!("`{key}` is not a real date"),
                                "no such day",
                            ));
                            None
                        }
                    }
                }
                _ => {
                    self.push(
                        invalid_value::diagnostic(
                            self.src,
                            span,
                            format!("`{key}` must be a date without a time of day"),
                            "a date and time",
                        )
                        .help(format!("write only the day, like `{example}`")),
                    );
                    None
                }
            },
            DeValue::String(s) if s.parse::<Date>().is_ok() => {
                self.push(
                    invalid_value::diagnostic(
                        self.src,
                        span,
                        format!("`{key}` is a date written in quotes"),
                        "text, not a date",
                    )
                    .help(format!("remove the quotes: `{key} = {s}`")),
                );
                None
            }
            _ => {
                self.wrong_type(key, v, "a date", &example);
                None
            }
        }
    }

    pub fn int(&mut self, key: &'static str, range: Range<i64>) -> Option<Sp<i64>> {
        let v = self.get(key)?;
        let span = self.abs(v.span());
        let n = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => {
                self.wrong_type(
                    key,
                    v,
                    "a whole number",
                    &format!("{key} = {}", range.start),
                );
                return None;
            }
        };
        match n {
            Some(n) if range.contains(&n) => Some(Sp::new(n, span)),
            _ => {
                self.push(
                    invalid_value::diagnostic(
                        self.src,
                        span,
                        format!(
                            "`{key}` must be between {} and {}",
                            range.start,
                            range.end - 1
                        ),
                        "out of range",
                    )
                    .help(format!(
                        "use a whole number from {} to {}",
                        range.start,
                        range.end - 1
                    )),
                );
                None
            }
        }
    }

    pub fn bool(&mut self, key: &'static str) -> Option<Sp<bool>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(Sp::new(*b, self.abs(v.span()))),
            _ => {
                self.wrong_type(key, v, "true or false", &format!("{key} = true"));
                None
            }
        }
    }

    /// One of a fixed set of words.
    pub fn choice<T>(
        &mut self,
        key: &'static str,
        all: &[&'static str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<Sp<T>> {
        let s = self.string(key)?;
        match parse(&s.value) {
            Some(t) => Some(Sp::new(t, s.span)),
            // A placeholder was reported by `string`; one finding is enough.
            None if s.value.contains(super::PLACEHOLDER) => None,
            None => {
                self.push(self.not_one_of(key, &s, all));
                None
            }
        }
    }

    fn not_one_of(&self, key: &str, s: &Sp<String>, all: &[&'static str]) -> Diagnostic {
        let list = all
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match suggest(&s.value, all) {
            Some(m) => format!("did you mean `{m}`? `{key}` is one of {list}"),
            None => format!("`{key}` is one of {list}"),
        };
        invalid_value::diagnostic(
            self.src,
            s.span.clone(),
            format!("`{}` is not a valid `{key}`", s.value),
            "not one of the allowed values",
        )
        .help(help)
    }

    /// An id of the form `[a-z0-9][a-z0-9-]*`.
    pub fn id(&mut self, key: &'static str) -> Option<Sp<String>> {
        let s = self.string(key)?;
        self.check_id(key, &s);
        Some(s)
    }

    fn check_id(&self, key: &str, s: &Sp<String>) {
        if !is_id(&s.value) {
            self.push(
                invalid_value::diagnostic(
                    self.src,
                    s.span.clone(),
                    format!("`{}` is not a valid id for `{key}`", s.value),
                    "malformed id",
                )
                .help("ids use lowercase letters a-z, digits and `-`, and start with a letter or digit, like `wang-li` or `2022-001`"),
            );
        }
    }

    /// A list of strings.
    pub fn strings(&mut self, key: &'static str) -> Option<Sp<Vec<Sp<String>>>> {
        let v = self.get(key)?;
        let example = format!("{key} = [\"…\", \"…\"]");
        let DeValue::Array(arr) = v.get_ref() else {
            self.wrong_type(key, v, "a list in brackets", &example);
            return None;
        };
        let mut out = Vec::new();
        for e in arr.iter() {
            match e.get_ref() {
                DeValue::String(s) => {
                    if s.contains(super::PLACEHOLDER) {
                        self.push(placeholder(
                            self.src,
                            self.abs(e.span()),
                            &format!("`{key}`"),
                        ));
                    }
                    out.push(Sp::new(s.to_string(), self.abs(e.span())))
                }
                _ => self.wrong_type(key, e, "a list of texts in quotes", &example),
            }
        }
        Some(Sp::new(out, self.abs(v.span())))
    }

    /// A list of ids.
    pub fn ids(&mut self, key: &'static str) -> Option<Sp<Vec<Sp<String>>>> {
        let list = self.strings(key)?;
        for s in &list.value {
            self.check_id(key, s);
        }
        Some(list)
    }

    /// A list of words from a fixed set.
    pub fn choices<T>(
        &mut self,
        key: &'static str,
        all: &[&'static str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let list = self.strings(key)?;
        let mut out = Vec::new();
        for s in &list.value {
            match parse(&s.value) {
                Some(t) => out.push(t),
                None => self.push(self.not_one_of(key, s, all)),
            }
        }
        Some(out)
    }

    /// A sub-table (`[key]` or `key = { … }`), read by its own reader.
    pub fn table(&mut self, key: &'static str, what: impl Into<String>) -> Option<Reader<'a, 'i>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Reader::new(
                self.src,
                self.sink,
                self.base,
                t,
                self.abs(v.span()),
                what,
            )),
            _ => {
                self.wrong_type(key, v, "a table", &format!("[{key}]"));
                None
            }
        }
    }

    /// An array of tables (`[[key]]`), each read by its own reader.
    pub fn tables(&mut self, key: &'static str, what: &str) -> Vec<Reader<'a, 'i>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(arr) = v.get_ref() else {
            self.wrong_type(key, v, "a list of tables", &format!("[[{key}]]"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, e) in arr.iter().enumerate() {
            match e.get_ref() {
                DeValue::Table(t) => {
                    let mut r = Reader::new(
                        self.src,
                        self.sink,
                        self.base,
                        t,
                        self.abs(e.span()),
                        format!("{what} {}", i + 1),
                    );
                    r.parent_known = self.known.clone();
                    out.push(r)
                }
                _ => self.wrong_type(key, e, "a table", &format!("[[{key}]]")),
            }
        }
        out
    }

    /// A free-form value (`[extra]`), as JSON for templates.
    pub fn free(&mut self, key: &'static str) -> Option<serde_json::Value> {
        let v = self.get(key)?;
        Some(to_json(v.get_ref()))
    }

    /// `[translations.<lang>]` with the translated strings of `fields`.
    pub fn translations(&mut self, fields: &[&'static str], languages: &[String]) -> Translations {
        let mut out = Translations::new();
        // Every key of `[translations]` is a language: unknown ones are reported here, so
        // the table needs no `finish`.
        let Some(t) = self.table("translations", "the translations") else {
            return out;
        };
        let langs: Vec<_> = t.table.iter().collect();
        for (k, v) in langs {
            let lang = k.get_ref().as_ref();
            if !languages.iter().skip(1).any(|l| l == lang) {
                let others: Vec<String> =
                    languages.iter().skip(1).map(|l| format!("`{l}`")).collect();
                let help = if others.is_empty() {
                    format!(
                        "the site has one language (`{}`); add `{lang}` to `languages` in site.toml, or remove this table",
                        languages[0]
                    )
                } else if lang == languages[0] {
                    format!("`{lang}` is the default language: its text is the record's own fields")
                } else {
                    format!(
                        "the site's other languages are {}; add `{lang}` to `languages` in site.toml",
                        others.join(", ")
                    )
                };
                self.push(
                    invalid_value::diagnostic(
                        self.src,
                        t.abs(k.span()),
                        format!("`{lang}` is not a translation language of this site"),
                        "unknown language",
                    )
                    .help(help),
                );
                continue;
            }
            let DeValue::Table(tt) = v.get_ref() else {
                t.wrong_type(lang, v, "a table", &format!("[translations.{lang}]"));
                continue;
            };
            let mut r = Reader::new(
                self.src,
                self.sink,
                self.base,
                tt,
                t.abs(v.span()),
                format!("the `{lang}` translation"),
            );
            let mut fields_out = std::collections::BTreeMap::new();
            for f in fields {
                if let Some(s) = r.text(f) {
                    fields_out.insert(f.to_string(), s);
                }
            }
            r.finish();
            out.insert(lang.to_string(), fields_out);
        }
        out
    }

    /// Reports every key that no reader asked for, with the nearest known name.
    pub fn finish(self) {
        for (k, _) in self.table.iter() {
            let key = k.get_ref().as_ref();
            if self.known.contains(&key) {
                continue;
            }
            let mut d = unknown_field::diagnostic(
                self.src,
                self.abs(k.span()),
                &self.what,
                key,
                &self.known,
            );
            if self.parent_known.contains(&key) {
                d = d.help(format!(
                    "`{key}` belongs above the first `[[…]]` table: in TOML, a field written below a `[[…]]` line belongs to that table; move the line up"
                ));
            }
            self.push(d);
        }
    }
}

fn to_json(v: &DeValue<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        DeValue::String(s) => J::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(J::from)
            .unwrap_or(J::Null),
        DeValue::Float(f) => f
            .as_str()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(J::Number)
            .unwrap_or(J::Null),
        DeValue::Boolean(b) => J::Bool(*b),
        DeValue::Datetime(d) => J::String(d.to_string()),
        DeValue::Array(a) => J::Array(a.iter().map(|e| to_json(e.get_ref())).collect()),
        DeValue::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_json(v.get_ref())))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words_with_dashes() {
        assert!(is_id("2022-001"));
        assert!(is_id("wang-li"));
        assert!(!is_id("-x"));
        assert!(!is_id("Wang"));
        assert!(!is_id("a_b"));
        assert!(!is_id(""));
    }

    #[test]
    fn keys_and_matter_references_are_ids_joined_by_slashes() {
        assert!(is_key("huangtai/grid-03"));
        assert!(is_key("street-joint"));
        assert!(!is_key("市北区城市管理局"));
        assert!(!is_key("huangtai//grid"));
        assert!(!is_key("Huangtai/grid"));
        assert_eq!(
            split_matter_ref("huangtai/grid-03/2025-001"),
            Some(("huangtai/grid-03", "2025-001"))
        );
        assert_eq!(split_matter_ref("2025-001"), None);
        assert_eq!(split_matter_ref("huangtai/grid-03/"), None);
        assert_eq!(split_matter_ref("黄台/2025-001"), None);
    }

    #[test]
    fn suggestions_find_near_misses_only() {
        let known = ["title", "submitted", "proposer", "channel"];
        assert_eq!(suggest("submited", &known), Some("submitted"));
        assert_eq!(suggest("Title", &known), Some("title"));
        assert_eq!(suggest("propser", &known), Some("proposer"));
        assert_eq!(suggest("zzz", &known), None);
    }
}
