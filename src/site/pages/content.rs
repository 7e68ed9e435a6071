//! Content pages (Zola's semantics): `content/a/b.md` at `/a/b/`, and `_index.md` files as
//! section pages listing the pages directly inside them.

use minijinja::context;

use super::Page;
use crate::site::routes::{Route, page_path};
use crate::site::{PageLink, Renderer, sv};

pub fn page(r: &Renderer<'_>, lang: &str, file: &str, i: usize) -> Page {
    let p = &r.ctx.site.pages[i];
    let body = r.body(&p.meta.source, &p.body, &p.texts, file, lang);
    let t = p.texts.iter().find(|t| t.lang == lang);
    let title = t
        .and_then(|t| t.title.as_ref())
        .or(p.title.as_ref())
        .map(|t| t.value.clone());
    let description = t
        .and_then(|t| t.description.as_ref())
        .or(p.description.as_ref())
        .map(|t| t.value.clone());
    let children = if p.is_section() {
        section_children(r, i, lang)
    } else {
        Vec::new()
    };
    let template = if p.is_section() {
        "section.html"
    } else {
        "page.html"
    };
    Page::new(
        template,
        Some(title.clone().unwrap_or_else(|| p.path.clone())),
        context! {
            page => context! { title => title, description => description.clone(), date => p.date.as_ref().map(|d| d.value.to_string()), children => sv(children) },
            body => sv(body),
        },
    )
    .described(description)
}

/// The pages directly inside section `i`, by weight, then date (newest first), then title.
fn section_children(r: &Renderer<'_>, i: usize, lang: &str) -> Vec<PageLink> {
    let site = r.ctx.site;
    let dir = site.pages[i].path.trim_end_matches("_index").to_string();
    let mut kids: Vec<(&crate::model::Page, usize)> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(j, p)| {
            *j != i && !p.draft && p.path.starts_with(&dir) && {
                let rest = &p.path[dir.len()..];
                !rest.contains('/') || (rest.ends_with("/_index") && rest.matches('/').count() == 1)
            }
        })
        .map(|(j, p)| (p, j))
        .collect();
    kids.sort_by(|(a, _), (b, _)| {
        a.weight
            .unwrap_or(0)
            .cmp(&b.weight.unwrap_or(0))
            .then_with(|| {
                b.date
                    .as_ref()
                    .map(|d| d.value)
                    .cmp(&a.date.as_ref().map(|d| d.value))
            })
            .then_with(|| a.path.cmp(&b.path))
    });
    kids.into_iter()
        .map(|(_, j)| page_link(site, j, lang))
        .collect()
}

/// A link to content page `j` with its title, description and date in `lang`.
pub(crate) fn page_link(site: &crate::model::Site, j: usize, lang: &str) -> PageLink {
    let p = &site.pages[j];
    let t = p.texts.iter().find(|t| t.lang == lang);
    PageLink {
        url: page_path(&Route::Page(j), site),
        title: t
            .and_then(|t| t.title.as_ref())
            .or(p.title.as_ref())
            .map(|t| t.value.clone())
            .unwrap_or_else(|| p.path.clone()),
        description: t
            .and_then(|t| t.description.as_ref())
            .or(p.description.as_ref())
            .map(|t| t.value.clone()),
        date: p.date.as_ref().map(|d| d.value.to_string()),
    }
}
