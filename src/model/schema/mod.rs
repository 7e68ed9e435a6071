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

mod ids;
mod translations;

pub use ids::{is_id, is_key, split_matter_ref};

use super::{Code, Sp, slips};
use crate::diag::{Diagnostic, Source};
use crate::i18n::{Msg, codes};
use crate::msg;
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
    pub what: Msg,
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

pub(crate) fn type_name(v: &DeValue<'_>) -> Msg {
    match v {
        DeValue::String(_) => msg!("type-string"),
        DeValue::Integer(_) => msg!("type-integer"),
        DeValue::Float(_) => msg!("type-float"),
        DeValue::Boolean(_) => msg!("type-boolean"),
        DeValue::Datetime(_) => msg!("type-date"),
        DeValue::Array(_) => msg!("type-list"),
        DeValue::Table(_) => msg!("type-table"),
    }
}

/// A placeholder that `council new` wrote and the secretary has not replaced yet. `what`
/// is the field (`` `title` ``) or the text.
pub(crate) fn placeholder(src: &Arc<Source>, span: Range<usize>, what: Msg) -> Diagnostic {
    invalid_value::diagnostic(
        src,
        span,
        msg!("placeholder-left", what),
        msg!("placeholder-label"),
    )
    .help(msg!("placeholder-help"))
}

impl<'a, 'i> Reader<'a, 'i> {
    pub fn new(
        src: &'a Arc<Source>,
        sink: &'a Sink,
        base: usize,
        table: &'a DeTable<'i>,
        anchor: Range<usize>,
        what: Msg,
    ) -> Self {
        Reader {
            src,
            sink,
            base,
            table,
            anchor,
            what,
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

    fn wrong_type(&self, key: &str, v: &Spanned<DeValue<'_>>, expected: Msg, example: &str) {
        let found = type_name(v.get_ref());
        self.push(
            invalid_value::diagnostic(
                self.src,
                self.abs(v.span()),
                msg!("wrong-type", key, expected = &expected, found),
                msg!("wrong-type-label", expected),
            )
            .help(msg!("help-write-it-like", example)),
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
                        msg!("what-field", key),
                    ));
                }
                Some(Sp::new(s.to_string(), self.abs(v.span())))
            }
            _ => {
                self.wrong_type(
                    key,
                    v,
                    msg!("expected-text"),
                    &format!("{key} = \"{}\"", toml_text(v)),
                );
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
                    msg!("field-empty", key),
                    msg!("field-empty-label"),
                )
                .help(msg!("field-empty-help")),
            );
            return None;
        }
        Some(s)
    }

    pub fn date(&mut self, key: &'static str) -> Option<Sp<Date>> {
        let v = self.get(key)?;
        let span = self.abs(v.span());
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    match Date::new(d.year as i16, d.month as i8, d.day as i8) {
                        Ok(date) => Some(Sp::new(date, span)),
                        Err(_) => {
                            self.push(
                                invalid_value::diagnostic(
                                    self.src,
                                    span,
                                    msg!("date-not-real", key),
                                    msg!("date-not-real-label"),
                                )
                                .help(msg!("date-not-real-help")),
                            );
                            None
                        }
                    }
                }
                (Some(d), _, _) => {
                    let example = format!("{key} = {:04}-{:02}-{:02}", d.year, d.month, d.day);
                    self.push(
                        invalid_value::diagnostic(
                            self.src,
                            span,
                            msg!("date-with-time", key),
                            msg!("date-with-time-label"),
                        )
                        .help(msg!("help-write-only-the-day", example)),
                    );
                    None
                }
                _ => {
                    self.wrong_type(key, v, msg!("type-date"), &format!("{key} = 2022-04-02"));
                    None
                }
            },
            DeValue::String(s) => {
                let fixed = |d: Date| format!("{key} = {d}");
                let (message, help) = match (s.parse::<Date>(), slips::loose_date(s)) {
                    (Ok(d), _) => (
                        msg!("date-in-quotes", key),
                        msg!("help-remove-quotes", fixed = fixed(d)),
                    ),
                    (_, Some(d)) => (
                        msg!("date-as-text", key, text = s.as_ref()),
                        msg!("help-date-fix", fixed = fixed(d)),
                    ),
                    _ => {
                        self.wrong_type(key, v, msg!("type-date"), &format!("{key} = 2022-04-02"));
                        return None;
                    }
                };
                self.push(
                    invalid_value::diagnostic(self.src, span, message, msg!("date-as-text-label"))
                        .help(help),
                );
                None
            }
            _ => {
                self.wrong_type(key, v, msg!("type-date"), &format!("{key} = 2022-04-02"));
                None
            }
        }
    }

    pub fn int(&mut self, key: &'static str, range: Range<i64>) -> Option<Sp<i64>> {
        let v = self.get(key)?;
        let span = self.abs(v.span());
        let n = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            DeValue::String(t) if slips::loose_int(t).is_some_and(|n| range.contains(&n)) => {
                let n = slips::loose_int(t).unwrap_or_default();
                self.wrong_type(key, v, msg!("type-integer"), &format!("{key} = {n}"));
                return None;
            }
            _ => {
                self.wrong_type(
                    key,
                    v,
                    msg!("type-integer"),
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
                        msg!(
                            "int-out-of-range",
                            key,
                            min = range.start,
                            max = range.end - 1
                        ),
                        msg!("int-out-of-range-label"),
                    )
                    .help(msg!(
                        "int-out-of-range-help",
                        min = range.start,
                        max = range.end - 1
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
                self.wrong_type(key, v, msg!("type-boolean"), &format!("{key} = true"));
                None
            }
        }
    }

    /// One of a fixed set of words.
    pub fn choice<T: Code>(&mut self, key: &'static str) -> Option<Sp<T>> {
        let s = self.string(key)?;
        match T::parse(&s.value) {
            Some(t) => Some(Sp::new(t, s.span)),
            // A placeholder was reported by `string`; one finding is enough.
            None if s.value.contains(super::PLACEHOLDER) => None,
            None => {
                self.push(self.not_one_of(key, &s, T::ALL, T::WORDS));
                None
            }
        }
    }

    fn not_one_of(
        &self,
        key: &str,
        s: &Sp<String>,
        all: &[&'static str],
        words: &[(&'static str, &'static str)],
    ) -> Diagnostic {
        let list = codes(all);
        let help = match slips::code_for(&s.value, words).or_else(|| suggest(&s.value, all)) {
            Some(m) => msg!("help-did-you-mean-one-of", code = m, key, list),
            None => msg!("help-one-of", key, list),
        };
        invalid_value::diagnostic(
            self.src,
            s.span.clone(),
            msg!("not-one-of", value = &s.value, key),
            msg!("not-one-of-label"),
        )
        .help(help)
    }

    /// An id of the form `[a-z0-9][a-z0-9-]*`.
    pub fn id(&mut self, key: &'static str) -> Option<Sp<String>> {
        let s = self.string(key)?;
        self.check_id(key, &s);
        Some(s)
    }

    /// A reference to a member or a proposal, as written: the rules that resolve it
    /// (`unknown-member`, `unknown-proposal`) say what is wrong with it and what was meant,
    /// so a malformed id is not reported twice.
    pub fn reference(&mut self, key: &'static str) -> Option<Sp<String>> {
        self.string(key)
    }

    fn check_id(&self, key: &str, s: &Sp<String>) {
        if !is_id(&s.value) {
            self.push(
                invalid_value::diagnostic(
                    self.src,
                    s.span.clone(),
                    msg!("id-malformed", value = &s.value, key),
                    msg!("id-malformed-label"),
                )
                .help(msg!("id-malformed-help")),
            );
        }
    }

    /// A list of strings.
    pub fn strings(&mut self, key: &'static str) -> Option<Sp<Vec<Sp<String>>>> {
        let v = self.get(key)?;
        let example = match v.get_ref() {
            DeValue::String(one) => format!("{key} = [\"{one}\"]"),
            _ => format!("{key} = [\"…\", \"…\"]"),
        };
        let DeValue::Array(arr) = v.get_ref() else {
            self.wrong_type(key, v, msg!("expected-list"), &example);
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
                            msg!("what-field", key),
                        ));
                    }
                    out.push(Sp::new(s.to_string(), self.abs(e.span())))
                }
                _ => self.wrong_type(key, e, msg!("expected-texts"), &example),
            }
        }
        Some(Sp::new(out, self.abs(v.span())))
    }

    /// A list of references to members, as written (see [`Reader::reference`]).
    pub fn references(&mut self, key: &'static str) -> Option<Sp<Vec<Sp<String>>>> {
        self.strings(key)
    }

    /// A list of words from a fixed set.
    pub fn choices<T: Code>(&mut self, key: &'static str) -> Option<Vec<T>> {
        let list = self.strings(key)?;
        let mut out = Vec::new();
        for s in &list.value {
            match T::parse(&s.value) {
                Some(t) => out.push(t),
                None => self.push(self.not_one_of(key, s, T::ALL, T::WORDS)),
            }
        }
        Some(out)
    }

    /// A sub-table (`[key]` or `key = { … }`), read by its own reader.
    pub fn table(&mut self, key: &'static str, what: Msg) -> Option<Reader<'a, 'i>> {
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
                self.wrong_type(key, v, msg!("type-table"), &format!("[{key}]"));
                None
            }
        }
    }

    /// An array of tables (`[[key]]`), each read by its own reader; `what` names the n-th.
    pub fn tables(&mut self, key: &'static str, what: fn(usize) -> Msg) -> Vec<Reader<'a, 'i>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(arr) = v.get_ref() else {
            self.wrong_type(key, v, msg!("expected-tables"), &format!("[[{key}]]"));
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
                        what(i + 1),
                    );
                    r.parent_known = self.known.clone();
                    out.push(r)
                }
                _ => self.wrong_type(key, e, msg!("type-table"), &format!("[[{key}]]")),
            }
        }
        out
    }

    /// A free-form value (`[extra]`), as JSON for templates.
    pub fn free(&mut self, key: &'static str) -> Option<serde_json::Value> {
        let v = self.get(key)?;
        Some(to_json(v.get_ref()))
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
                d = d.help(msg!("field-below-table-help", key));
            }
            self.push(d);
        }
    }
}

/// A scalar value as it would read inside quotes (for the example of a corrected line).
fn toml_text(v: &Spanned<DeValue<'_>>) -> String {
    match v.get_ref() {
        DeValue::Integer(i) => i.as_str().to_string(),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        _ => "…".to_string(),
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
