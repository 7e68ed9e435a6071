//! The Atom feed and the sitemap.

use minijinja::{Value, context};
use serde::Serialize;

use crate::site::routes::lang_prefix;
use crate::site::views;
use crate::site::{Renderer, sv};

#[derive(Serialize)]
struct FeedEntry {
    id: String,
    url: String,
    date: String,
    kind: &'static str,
    title: String,
    council: String,
    outcome: Option<&'static str>,
}

/// An Atom feed of new matters and decisions, newest first (at most 100 entries): of every
/// council, or of council `council` only; in `lang`, its entries linking to pages in `lang`.
pub fn feed(r: &Renderer<'_>, lang: &str, council: Option<usize>) -> Value {
    let ctx = &r.ctx;
    let base = r.base_url();
    let prefix = lang_prefix(lang, &ctx.default_lang);
    let page = |url: &str| format!("{base}{prefix}{url}");
    let ours = |key: &str| council.is_none_or(|ci| ctx.site.councils[ci].key == key);
    let mut entries = Vec::new();
    // A council's feed makes the rows of its own matters and decisions only: making every
    // council's and keeping one's cost each feed the whole site (40% of a build at 10k).
    let rows = match council {
        Some(ci) => (0..ctx.site.councils[ci].proposals.len())
            .filter_map(|pi| views::matter_row(ctx, lang, ci, pi))
            .collect(),
        None => views::all_rows(ctx, lang),
    };
    for row in rows {
        if !ours(&row.council.key) {
            continue;
        }
        entries.push(FeedEntry {
            id: format!("{base}{}#submitted", row.url),
            url: page(&row.url),
            date: row.submitted.clone(),
            kind: "submitted",
            title: row.title.text.clone(),
            council: row.council.name.text.clone(),
            outcome: None,
        });
    }
    let decisions = r
        .lists()
        .decisions
        .iter()
        .filter(|d| council.is_none_or(|ci| d.ci == ci))
        .map(|d| {
            let item = &ctx.site.councils[d.ci].meetings[d.mi].items[d.item];
            views::decision_row(ctx, lang, d.ci, d.mi, item, d.pi)
        });
    for d in decisions {
        if !ours(&d.council.key) {
            continue;
        }
        entries.push(FeedEntry {
            id: format!("{base}{}#decided-{}", d.matter.url, d.date),
            url: page(&d.matter.url),
            date: d.date.clone(),
            kind: "decided",
            title: d.matter.title.text.clone(),
            council: d.council.name.text.clone(),
            outcome: d.terms.outcome,
        });
    }
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    entries.truncate(100);
    let updated = entries
        .first()
        .map(|e| e.date.clone())
        .unwrap_or_else(|| ctx.today.to_string());
    let site_title = r.site_title(lang).text;
    let (title, home, path) = match council {
        Some(ci) => {
            let url = ctx.url(&crate::site::routes::Route::Council(ci));
            let name = ctx.council_ref(lang, ci).name.text;
            (
                format!("{name}{}{site_title}", r.ui(lang, "title_sep")),
                page(&url),
                format!("{url}feed.xml"),
            )
        }
        None => (site_title, page(""), format!("{prefix}feed.xml")),
    };
    context! {
        t => r.strings_of(lang),
        lang => lang,
        base_url => base,
        home => home,
        self_url => format!("{base}{path}"),
        title => title,
        description => r.site_description(lang),
        updated => updated,
        entries => sv(&entries),
    }
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    alternates: Vec<(String, String)>,
}

/// URLs in one sitemap file. The protocol allows 50,000 (and 50 MB); smaller files keep
/// each one quick to fetch and the build's memory low.
pub const SITEMAP_URLS: usize = 10_000;

/// How many sitemap files hold the URLs: 0 when `/sitemap.xml` holds them all, otherwise
/// `/sitemap.xml` is an index of `/sitemap-1.xml` … `/sitemap-<n>.xml`.
pub fn sitemap_parts(r: &Renderer<'_>) -> usize {
    let languages = r.ctx.site.config.languages.len().max(1);
    let paths = r.sitemap_paths().len();
    if paths * languages <= r.sitemap_limit {
        0
    } else {
        paths.div_ceil(paths_per_part(r))
    }
}

/// Pages per sitemap file: each page gives one URL per language.
fn paths_per_part(r: &Renderer<'_>) -> usize {
    (r.sitemap_limit / r.ctx.site.config.languages.len().max(1)).max(1)
}

/// The sitemap: every page in every language, with its alternates. `part` is `None` for
/// `/sitemap.xml` (all URLs, or the index of the parts when there are parts) and `Some(k)`
/// for `/sitemap-<k>.xml`.
pub fn sitemap(r: &Renderer<'_>, part: Option<usize>) -> Value {
    let base = r.base_url();
    let paths = r.sitemap_paths();
    let parts = sitemap_parts(r);
    let pages: &[String] = match part {
        None if parts > 0 => {
            let parts: Vec<String> = (1..=parts)
                .map(|k| format!("{base}sitemap-{k}.xml"))
                .collect();
            let urls: Vec<SitemapUrl> = Vec::new();
            return context! { urls => sv(&urls), parts => sv(&parts) };
        }
        None => paths,
        Some(k) => {
            let per = paths_per_part(r);
            let start = (k.saturating_sub(1) * per).min(paths.len());
            &paths[start..(start + per).min(paths.len())]
        }
    };
    let languages = &r.ctx.site.config.languages;
    let mut urls = Vec::with_capacity(pages.len() * languages.len());
    for path in pages {
        let alternates: Vec<(String, String)> = languages
            .iter()
            .map(|l| {
                (
                    l.clone(),
                    format!("{base}{}{path}", lang_prefix(l, &r.ctx.default_lang)),
                )
            })
            .collect();
        for (_, loc) in &alternates {
            urls.push(SitemapUrl {
                loc: loc.clone(),
                alternates: if alternates.len() > 1 {
                    alternates.clone()
                } else {
                    Vec::new()
                },
            });
        }
    }
    let parts: Vec<String> = Vec::new();
    context! { urls => sv(&urls), parts => sv(&parts) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locs(xml: &[u8]) -> Vec<String> {
        let xml = std::str::from_utf8(xml).unwrap();
        xml.split("<loc>")
            .skip(1)
            .map(|s| s.split("</loc>").next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_large_sitemap_is_split_into_parts_behind_an_index() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let checked = crate::check::check(&crate::check::CheckOptions {
            path: root,
            today: Some(jiff::civil::date(2022, 10, 1)),
        })
        .unwrap();
        let look = crate::site::Look::load(&checked.site).unwrap();
        let derived = crate::site::Derived::new(&checked.site, &checked.timelines, checked.today);
        let whole = Renderer::new(&checked.site, &derived, &look, checked.today, None);
        let all = whole.data_files();
        assert_eq!(sitemap_parts(&whole), 0);
        let sitemap = all.iter().find(|f| f.path == "sitemap.xml").unwrap();
        let every = locs(&whole.file_bytes(sitemap).unwrap());
        assert!(every.len() > 20, "{every:?}");

        let mut split = Renderer::new(&checked.site, &derived, &look, checked.today, None);
        split.sitemap_limit = 5;
        let files = split.data_files();
        let parts = sitemap_parts(&split);
        assert_eq!(
            parts,
            every.len().div_ceil(4),
            "two languages: 2 pages, 4 URLs a part"
        );
        let index = files.iter().find(|f| f.path == "sitemap.xml").unwrap();
        let index = split.file_bytes(index).unwrap();
        assert!(
            std::str::from_utf8(&index)
                .unwrap()
                .contains("<sitemapindex")
        );
        let listed: Vec<String> = (1..=parts)
            .map(|k| format!("https://example.org/sitemap-{k}.xml"))
            .collect();
        assert_eq!(locs(&index), listed);
        let mut joined = Vec::new();
        for k in 1..=parts {
            let part = files
                .iter()
                .find(|f| f.path == format!("sitemap-{k}.xml"))
                .unwrap();
            let urls = locs(&split.file_bytes(part).unwrap());
            assert!(!urls.is_empty() && urls.len() <= 5, "part {k}: {urls:?}");
            joined.extend(urls);
        }
        assert_eq!(joined, every);
    }
}
