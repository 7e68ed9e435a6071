//! The home page (the overview of SPEC §7) and the list of councils.

use minijinja::context;

use super::Page;
use crate::site::{Renderer, sv, views};

pub fn home(r: &Renderer<'_>, lang: &str, file: &str) -> Page {
    let site = r.ctx.site;
    let intro = site.pages.iter().find(|p| p.path == "_index");
    let intro = intro.map(|p| r.body(&p.meta.source, &p.body, &p.texts, file, lang));
    Page::new(
        "index.html",
        None,
        context! { overview => sv(views::overview(&r.ctx, lang)), intro => sv(intro) },
    )
}

pub fn councils(r: &Renderer<'_>, lang: &str) -> Page {
    let summaries = views::council_summaries(&r.ctx, lang);
    Page::new(
        "councils.html",
        Some(r.ui(lang, "council.all")),
        context! { councils => sv(summaries) },
    )
}
