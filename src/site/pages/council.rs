//! The pages of an area and of a council.

use minijinja::context;

use super::Page;
use crate::error::Error;
use crate::msg;
use crate::site::{Renderer, sv, views};

pub fn area(r: &Renderer<'_>, lang: &str, key: &str) -> Result<Page, Error> {
    let a = views::area(&r.ctx, lang, key)
        .ok_or_else(|| Error::other(msg!("page-not-published", what = key)))?;
    let title = a.name.text.clone();
    Ok(Page::new(
        "area.html",
        Some(title),
        context! { area => sv(a) },
    ))
}

pub fn council(r: &Renderer<'_>, lang: &str, ci: usize) -> Page {
    let c = views::council(&r.ctx, lang, ci);
    let title = c.r#ref.name.text.clone();
    Page::new("council.html", Some(title), context! { council => sv(c) })
}
