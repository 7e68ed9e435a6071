// The fuzz targets (included by `fuzz/src/lib.rs` and by the root crate's
// `tests/fuzz_replay.rs`). Each takes any bytes and must not panic; where a target can check
// a property of the result (the sanitiser's output holds no script, masking hides every
// finding), a failed check is a panic too, so AFL++ reports it as a crash.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use council::diag::render::{self, Format};
use council::diag::{Diagnostic, Source};
use council::i18n::Lang;
use council::lifecycle::{self, Timelines};
use council::load::frontmatter;
use council::model::{self, Site};

const LANGUAGES: [&str; 2] = ["zh", "en"];

fn languages() -> Vec<String> {
    LANGUAGES.iter().map(|s| s.to_string()).collect()
}

/// Text as council reads it (BOM dropped, UTF-8 checked); `None` when it is not UTF-8
/// (the `invalid-utf8` finding is rendered all the same).
fn source(rel: &str, data: &[u8]) -> Option<Arc<Source>> {
    match council::load::source_from_bytes(rel, data.to_vec()) {
        Ok(src) => Some(src),
        Err(d) => {
            render_all(&[*d]);
            None
        }
    }
}

/// Every format of findings, as `check` prints them.
fn render_all(diags: &[Diagnostic]) {
    for format in [Format::Human, Format::Json, Format::Github] {
        for lang in [Lang::En, Lang::Zh] {
            let _ = render::render(diags, format, false, lang);
        }
    }
}

/// site.toml, council.toml, area.toml and the front matter split of a record, from the same
/// bytes, with their findings rendered.
pub fn front_matter(data: &[u8]) {
    let Some(src) = source("councils/demo/grid-01/council.toml", data) else {
        return;
    };
    let langs = languages();
    let (_, mut diags) = model::parse_site_config(&src);
    diags.extend(model::parse_council("demo/grid-01", &src, &langs).1);
    diags.extend(model::parse_area("demo", &src, &langs).1);
    if let Ok(split) = frontmatter::split(&src.text) {
        assert!(split.body.end <= src.text.len());
        assert!(src.text.is_char_boundary(split.body.start));
    }
    render_all(&diags);
}

/// A council and its records, all from one input: sections separated by NUL bytes, the
/// first a council.toml, each other one a record whose first line names its kind and stem
/// (`p2022-001`, `m2022-04-02`, `r2022-06-30`, `t2022-001.en` for a translation). The
/// records are parsed by each kind's model, put into a site, checked by every rule, their
/// lifecycles derived, every finding rendered, and every page of the site rendered.
pub fn records(data: &[u8]) {
    let mut sections = data.split(|b| *b == 0);
    let Some(council_toml) = sections.next() else {
        return;
    };
    let langs = languages();
    let key = "demo/grid-01";
    let dir = format!("councils/{key}");
    let mut diags = Vec::new();
    let council_src = match source(&format!("{dir}/council.toml"), council_toml) {
        Some(s) => s,
        None => Source::new(format!("{dir}/council.toml"), ""),
    };
    let (mut council, d) = model::parse_council(key, &council_src, &langs);
    diags.extend(d);
    let mut files = BTreeSet::new();
    for section in sections.take(24) {
        let (head, text) = match section.iter().position(|b| *b == b'\n') {
            Some(i) => (&section[..i], &section[i + 1..]),
            None => (section, &[][..]),
        };
        let Ok(head) = std::str::from_utf8(head) else {
            continue;
        };
        let mut chars = head.chars();
        let Some(kind) = chars.next() else { continue };
        let stem = chars.as_str();
        if stem.is_empty() || stem.contains(['/', '\\']) {
            continue;
        }
        let folder = match kind {
            'p' | 't' => "proposals",
            'm' => "meetings",
            'r' => "reports",
            _ => continue,
        };
        let rel = format!("{dir}/{folder}/{stem}.md");
        files.insert(rel.clone());
        let Some(src) = source(&rel, text) else {
            continue;
        };
        match kind {
            'p' => {
                let (p, d) = model::parse_proposal(stem, &src, &langs);
                diags.extend(d);
                council.proposals.push(p);
            }
            'm' => {
                let (m, d) = model::parse_meeting(stem, &src, &langs);
                diags.extend(d);
                council.meetings.push(m);
            }
            'r' => {
                let (r, d) = model::parse_report(stem, &src, &langs);
                diags.extend(d);
                council.reports.push(r);
            }
            _ => {
                let (base, lang) = stem.rsplit_once('.').unwrap_or((stem, "en"));
                let (t, d) = model::parse_translation(base, lang, &src, false);
                diags.extend(d);
                if let Some(p) = council.proposals.iter_mut().find(|p| p.meta.stem == base) {
                    p.texts.push(t);
                }
            }
        }
    }
    council
        .proposals
        .sort_by(|a, b| a.meta.stem.cmp(&b.meta.stem));
    council
        .proposals
        .dedup_by(|a, b| a.meta.stem == b.meta.stem);
    council
        .meetings
        .sort_by(|a, b| a.meta.stem.cmp(&b.meta.stem));
    council.meetings.dedup_by(|a, b| a.meta.stem == b.meta.stem);
    council
        .reports
        .sort_by(|a, b| a.meta.stem.cmp(&b.meta.stem));
    council.reports.dedup_by(|a, b| a.meta.stem == b.meta.stem);

    let site_toml =
        "title = \"街道\"\nbase_url = \"https://example.org/\"\nlanguages = [\"zh\", \"en\"]\n";
    let config_source = Source::new("site.toml", site_toml);
    let (config, _) = model::parse_site_config(&config_source);
    let site = Site {
        root: PathBuf::from("/nonexistent-council-fuzz-site"),
        config,
        config_source,
        areas: Vec::new(),
        councils: vec![council],
        pages: Vec::new(),
        files,
        statics: Vec::new(),
        attachments: Vec::new(),
        static_texts: Vec::new(),
        file_count: 1,
    };
    let timelines = Timelines::build(&site);
    let today: jiff::civil::Date = "2023-06-30".parse().expect("a date");
    let ctx = council::rules::Context {
        site: &site,
        timelines: &timelines,
        today,
        scope: council::rules::Scope::All,
    };
    diags.extend(council::rules::run(&ctx));
    council::diag::sort(&mut diags);
    render_all(&diags);
    if diags
        .iter()
        .any(|d| d.severity == council::diag::Severity::Error)
    {
        return;
    }
    // A site without errors is published: every lifecycle, every page, the open data.
    let c = &site.councils[0];
    for (pi, p) in c.proposals.iter().enumerate() {
        if let Some(l) =
            lifecycle::derive(c, p, timelines.of(0, pi), today, site.config.response_days)
        {
            assert!(lifecycle::State::ALL.contains(&l.state));
        }
    }
    let look = council::site::Look::load(&site).expect("the built-in theme loads");
    let derived = council::site::Derived::new(&site, &timelines, today);
    let renderer = council::site::Renderer::new(&site, &derived, &look, today, None);
    let files = renderer.all_files().expect("the file list");
    for f in &files {
        if matches!(f.kind, council::site::FileKind::Copy(_)) {
            continue;
        }
        let bytes = renderer.file_bytes(f).expect("every file renders");
        if f.path.ends_with(".html") {
            check_no_script(&String::from_utf8_lossy(&bytes), &f.path);
        }
    }
}

/// A page of the published site holds no script element, no event handler and no
/// `javascript:` (or other unsafe) URL in an attribute (the default theme itself has none);
/// text that merely reads `javascript:` is escaped text.
fn check_no_script(html: &str, what: &str) {
    let lower = html.to_ascii_lowercase();
    // The search page's own form, strings and script (themes/default/templates/search.html)
    // are the theme's; no record text reaches that page.
    let search = what.ends_with("search/index.html");
    for (bad, theme) in [
        ("<script", if search { 2 } else { 0 }),
        ("<iframe", 0),
        ("<object", 0),
        ("<embed", 0),
        ("<form", if search { 1 } else { 0 }),
    ] {
        assert!(lower.matches(bad).count() <= theme, "{bad} in {what}");
    }
    for r in council::markdown::removed_by_sanitiser(html) {
        let removed = r.what.render(Lang::En);
        assert!(r.what.id() != "removed-handler", "{removed} in {what}");
        assert!(r.what.id() != "removed-url", "{removed} in {what}");
    }
}

/// Markdown rendering with sanitising: the body scan, the `unsafe-html` detector and the
/// renderer, with links rewritten as the site does; the HTML must be safe.
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scan = council::markdown::scan(text, 7);
    for l in &scan.links {
        assert!(l.span.end <= text.len() + 7);
    }
    for h in &scan.html {
        let raw = &text[h.start - 7..h.end - 7];
        let _ = council::markdown::removed_by_sanitiser(raw);
    }
    let rewrite =
        |d: &str| -> Option<String> { d.starts_with("../").then(|| format!("../../{d}")) };
    let html = council::markdown::render_html(text, 1, &rewrite);
    check_no_script(&html, "the rendered body");
}

/// The personal-data scanner and the masking every output of findings applies: findings
/// lie on character boundaries, do not overlap, and masking keeps every byte offset and
/// leaves nothing to find where something was found.
pub fn personal_data(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let found = council::privacy::scan(&text);
    let mut last = 0;
    for (r, _) in &found {
        assert!(r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(r.start >= last, "findings overlap: {found:?}");
        last = r.end;
    }
    let masked = council::privacy::mask(&text);
    assert_eq!(masked.len(), text.len());
    for (r, _) in council::privacy::scan(&masked) {
        assert!(
            !found
                .iter()
                .any(|(f, _)| f.start < r.end && r.start < f.end),
            "masked text still shows personal data at {r:?}"
        );
    }
}
