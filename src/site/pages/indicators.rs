//! `/indicators/` (SPEC §8): every council side by side, grouped by area, with the area and
//! site totals, and the charts of the whole site.

use minijinja::context;

use super::Page;
use crate::site::{Renderer, sv, views};

pub fn indicators(r: &Renderer<'_>, lang: &str) -> Page {
    Page::new(
        "indicators.html",
        Some(r.ui(lang, "indicators.title")),
        context! { page => sv(views::indicators_page(&r.ctx, lang)) },
    )
}
