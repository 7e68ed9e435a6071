//! Themes: templates (minijinja), static files and UI strings (`i18n/<lang>.toml`).
//!
//! The default theme (`themes/default/` in this repository) is compiled into the binary, so a
//! site without a `themes/` folder builds. A site's own `themes/<name>/` overrides it file by
//! file. Templates are strict: an undefined variable is an error that names the template and
//! its line, never an empty string on a resident's page.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use minijinja::{Environment, UndefinedBehavior};

use crate::error::Error;
use crate::msg;

macro_rules! embed {
    ($($path:literal),+ $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)) as &[u8])),+]
    };
}

/// Every file of the default theme, by its path inside the theme.
pub static DEFAULT_THEME: &[(&str, &[u8])] = embed![
    "i18n/en.toml",
    "i18n/zh.toml",
    "static/favicon.svg",
    "static/search.js",
    "static/style.css",
    "templates/404.html",
    "templates/area.html",
    "templates/base.html",
    "templates/browse.html",
    "templates/city_base.html",
    "templates/city_index.html",
    "templates/city_indicators.html",
    "templates/city_macros.html",
    "templates/city_search.html",
    "templates/city_street.html",
    "templates/council.html",
    "templates/councils.html",
    "templates/data.html",
    "templates/decisions.html",
    "templates/feed.xml",
    "templates/feedback.html",
    "templates/index.html",
    "templates/indicators.html",
    "templates/indicators_macros.html",
    "templates/macros.html",
    "templates/matter.html",
    "templates/meeting.html",
    "templates/notice.html",
    "templates/page.html",
    "templates/report.html",
    "templates/search.html",
    "templates/section.html",
    "templates/sitemap.xml",
    "templates/supervision.html",
    "templates/transparency.html",
];

/// A theme's files, the default's overridden by the site's.
pub struct Theme {
    pub files: BTreeMap<String, Cow<'static, [u8]>>,
}

impl Theme {
    /// The default theme with the files of `site_root/themes/<name>/` over it.
    pub fn load(site_root: &Path, name: &str) -> Result<Theme, Error> {
        let mut files: BTreeMap<String, Cow<'static, [u8]>> = DEFAULT_THEME
            .iter()
            .map(|(p, b)| (p.to_string(), Cow::Borrowed(*b)))
            .collect();
        let dir = site_root.join("themes").join(name);
        if !dir.is_dir() {
            if name != "default" {
                return Err(
                    Error::other(msg!("theme-missing", name)).help(msg!("theme-missing-help"))
                );
            }
            return Ok(Theme { files });
        }
        let mut diags = Vec::new();
        for f in crate::load::walk_files(site_root, &dir, &mut diags) {
            let rel = f.rel[format!("themes/{name}/").len()..].to_string();
            let bytes = std::fs::read(&f.abs).map_err(|e| Error::io(&f.abs, e))?;
            files.insert(rel, Cow::Owned(bytes));
        }
        if let Some(d) = diags.first() {
            return Err(Error::other(msg!(
                "theme-file-problem",
                file = &d.file,
                problem = &d.message
            )));
        }
        Ok(Theme { files })
    }

    /// The minijinja environment with every template of the theme, each parsed now so that a
    /// syntax error stops the build before anything is written.
    pub fn environment(&self) -> Result<Environment<'static>, Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.add_filter("longdate", longdate);
        env.add_filter("text", text_filter);
        env.add_filter("date", date_filter);
        // HTML escaping of & < > " ' — and not of `/`, which minijinja also escapes by
        // default, making every URL in the output unreadable.
        env.set_formatter(|out, state, value| {
            if value.is_safe() || !matches!(state.auto_escape(), minijinja::AutoEscape::Html) {
                return minijinja::escape_formatter(out, state, value);
            }
            match value.as_str() {
                Some(s) => out
                    .write_str(&escape_html(s))
                    .map_err(minijinja::Error::from),
                None => minijinja::escape_formatter(out, state, value),
            }
        });
        for (path, bytes) in &self.files {
            let Some(name) = path.strip_prefix("templates/") else {
                continue;
            };
            let text = String::from_utf8(bytes.to_vec())
                .map_err(|_| Error::other(msg!("theme-not-utf8", path = path.as_str())))?;
            let text = if name.ends_with(".html") {
                compact(&text)
            } else {
                text
            };
            env.add_template_owned(name.to_string(), text)
                .map_err(template_error)?;
        }
        Ok(env)
    }

    /// The UI strings of `lang`, checked to have every key the default language has.
    pub fn strings(&self, lang: &str, default: &str) -> Result<serde_json::Value, Error> {
        let read = |l: &str| -> Result<serde_json::Value, Error> {
            let path = format!("i18n/{l}.toml");
            let bytes = self.files.get(&path).ok_or_else(|| {
                Error::other(msg!("theme-no-strings", lang = l))
                    .help(msg!("theme-no-strings-help", path = path.as_str()))
            })?;
            let text = std::str::from_utf8(bytes)
                .map_err(|_| Error::other(msg!("theme-not-utf8", path = path.as_str())))?;
            let table: toml::Table = toml::from_str(text).map_err(|e| {
                Error::other(msg!(
                    "theme-file-toml",
                    path = path.as_str(),
                    detail = e.to_string()
                ))
            })?;
            serde_json::to_value(table).map_err(|e| {
                Error::other(msg!(
                    "theme-file-toml",
                    path = path.as_str(),
                    detail = e.to_string()
                ))
            })
        };
        let strings = read(lang)?;
        if lang != default {
            let base = read(default)?;
            let mut missing = Vec::new();
            missing_keys(&base, &strings, "", &mut missing);
            if !missing.is_empty() {
                return Err(Error::other(msg!(
                    "theme-strings-missing",
                    lang,
                    default,
                    keys = missing.join(", ")
                )));
            }
        }
        Ok(strings)
    }

    /// Files under `static/`, published at the root.
    pub fn statics(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter_map(|(p, b)| p.strip_prefix("static/").map(|rel| (rel, b.as_ref())))
    }
}

fn missing_keys(
    base: &serde_json::Value,
    other: &serde_json::Value,
    prefix: &str,
    out: &mut Vec<String>,
) {
    if let (Some(b), Some(o)) = (base.as_object(), other.as_object()) {
        for (k, v) in b {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match o.get(k) {
                None => out.push(format!("`{path}`")),
                Some(ov) => missing_keys(v, ov, &path, out),
            }
        }
    }
}

/// A template without the indentation that makes it readable: every line's leading blanks
/// and every empty line go (not inside `<pre>`). Pages get a fifth smaller, which on a
/// first build of tens of thousands of pages is time the disk does not spend.
pub fn compact(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut in_pre = false;
    for line in template.lines() {
        let kept = if in_pre { line } else { line.trim() };
        if in_pre || !kept.is_empty() {
            out.push_str(kept);
            out.push('\n');
        }
        let opens = line.matches("<pre").count();
        let closes = line.matches("</pre>").count();
        if opens > closes {
            in_pre = true;
        } else if closes > opens {
            in_pre = false;
        }
    }
    out
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A template failure, naming the template and the line.
pub fn template_error(e: minijinja::Error) -> Error {
    let detail = match e.detail() {
        Some(d) => format!("{}: {d}", e.kind()),
        None => e.kind().to_string(),
    };
    let message = match (e.name(), e.line()) {
        (Some(name), Some(line)) => msg!("template-error-at", name, line, detail),
        (Some(name), None) => msg!("template-error-in", name, detail),
        _ => msg!("template-error", detail),
    };
    Error::other(message)
}

/// `{{ x|text }}`: a view's `Text` as HTML, in a `<span lang>` when it is the original shown
/// for want of a translation. Nothing for `none`. (A filter, not a macro: it runs on every
/// title and name of every page.)
fn text_filter(v: minijinja::Value) -> Result<minijinja::Value, minijinja::Error> {
    if v.is_none() || v.is_undefined() {
        return Ok(minijinja::Value::from_safe_string(String::new()));
    }
    let text = v.get_attr("text")?;
    let text = escape_html(text.as_str().unwrap_or_default()).into_owned();
    let html = if v.get_attr("fallback")?.is_true() {
        let lang = v.get_attr("lang")?;
        format!(
            "<span lang=\"{}\">{text}</span>",
            escape_html(lang.as_str().unwrap_or_default())
        )
    } else {
        text
    };
    Ok(minijinja::Value::from_safe_string(html))
}

/// `{{ d|date(lang) }}`: `<time datetime="2025-03-08">2025年3月8日</time>`.
fn date_filter(value: String, lang: String) -> minijinja::Value {
    let long = longdate(value.clone(), lang);
    minijinja::Value::from_safe_string(format!(
        "<time datetime=\"{}\">{}</time>",
        escape_html(&value),
        escape_html(&long)
    ))
}

/// `2025-03-08` as `2025年3月8日` (zh) or `8 March 2025` (others).
pub(crate) fn longdate(value: String, lang: String) -> String {
    let Ok(d) = value.parse::<jiff::civil::Date>() else {
        return value;
    };
    if lang.starts_with("zh") {
        format!("{}年{}月{}日", d.year(), d.month(), d.day())
    } else {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!(
            "{} {} {}",
            d.day(),
            MONTHS[(d.month() - 1) as usize],
            d.year()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_default_theme_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| crate::load::rel_path(&dir, e.path()))
            .collect();
        on_disk.sort();
        let embedded: Vec<String> = DEFAULT_THEME.iter().map(|(p, _)| p.to_string()).collect();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn the_default_theme_has_complete_strings_in_chinese_and_english() {
        let theme = Theme {
            files: DEFAULT_THEME
                .iter()
                .map(|(p, b)| (p.to_string(), Cow::Borrowed(*b)))
                .collect(),
        };
        theme.strings("en", "zh").unwrap();
        theme.strings("zh", "en").unwrap();
        theme.environment().unwrap();
    }

    #[test]
    fn long_dates_read_naturally() {
        assert_eq!(longdate("2025-03-08".into(), "zh".into()), "2025年3月8日");
        assert_eq!(longdate("2025-03-08".into(), "en".into()), "8 March 2025");
    }
}
