//! Reading `[translations.<lang>]`: the translated strings of a table's own fields, in the
//! site's other languages.

use toml::de::DeValue;

use super::Reader;
use crate::i18n::codes;
use crate::model::Translations;
use crate::msg;
use crate::rules::schema::invalid_value;

impl Reader<'_, '_> {
    /// `[translations.<lang>]` with the translated strings of `fields`.
    pub fn translations(&mut self, fields: &[&'static str], languages: &[String]) -> Translations {
        let mut out = Translations::new();
        // Every key of `[translations]` is a language: unknown ones are reported here, so
        // the table needs no `finish`.
        let Some(t) = self.table("translations", msg!("what-translations")) else {
            return out;
        };
        let langs: Vec<_> = t.table.iter().collect();
        for (k, v) in langs {
            let lang = k.get_ref().as_ref();
            if !languages.iter().skip(1).any(|l| l == lang) {
                let others: Vec<&String> = languages.iter().skip(1).collect();
                let help = if others.is_empty() {
                    msg!("lang-only-one-help", default = &languages[0], lang)
                } else if lang == languages[0] {
                    msg!("lang-default-fields-help", lang)
                } else {
                    msg!("lang-others-help", others = codes(others), lang)
                };
                self.push(
                    invalid_value::diagnostic(
                        self.src,
                        t.abs(k.span()),
                        msg!("lang-not-translation", lang),
                        msg!("lang-not-translation-label"),
                    )
                    .help(help),
                );
                continue;
            }
            let DeValue::Table(tt) = v.get_ref() else {
                t.wrong_type(
                    lang,
                    v,
                    msg!("type-table"),
                    &format!("[translations.{lang}]"),
                );
                continue;
            };
            let mut r = Reader::new(
                self.src,
                self.sink,
                self.base,
                tt,
                t.abs(v.span()),
                msg!("what-translation-lang", lang),
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
}
