//! The long lists of the site, in pages of [`crate::site::routes::PAGE_SIZE`]: every
//! decision, newest first, and the supervision of adopted matters, overdue first.

use minijinja::context;

use super::Page;
use crate::site::routes::Route;
use crate::site::{Renderer, page_of, sv, views};

pub fn decisions(r: &Renderer<'_>, lang: &str, n: usize) -> Page {
    let (at, pager) = page_of(&r.lists().decisions, n, Route::Decisions, r.ctx.site);
    let rows = views::decision_rows(&r.ctx, lang, at);
    let title = super::paged_title(r, lang, "decisions.title", n, pager.pages);
    Page::new(
        "decisions.html",
        Some(title),
        context! { decisions => sv(rows), pager => sv(pager) },
    )
}

pub fn supervision(r: &Renderer<'_>, lang: &str, n: usize) -> Page {
    let (at, pager) = page_of(&r.lists().supervision, n, Route::Supervision, r.ctx.site);
    let rows = views::matter_rows(&r.ctx, lang, at);
    let title = super::paged_title(r, lang, "supervision.title", n, pager.pages);
    Page::new(
        "supervision.html",
        Some(title),
        context! { matters => sv(rows), pager => sv(pager) },
    )
}
