//! One module per kind of page (STYLE.md, habit 12): each turns a route into the template to
//! render, the page's own title, and the values that template needs. [`render`] is the one
//! dispatch; what every page shares (navigation, languages, the site's title) is added by
//! [`super::Renderer::render_page`].

mod content;
mod council;
mod home;
mod indicators;
mod lists;
mod records;
mod transparency;

use minijinja::{Value, context};

use super::Renderer;
use super::routes::Route;
use crate::error::Error;

/// What a page kind gives the template: which template, the page's title (the site's title
/// when `None`), and the page's own values.
pub struct Page {
    pub template: &'static str,
    pub title: Option<String>,
    pub ctx: Value,
}

impl Page {
    fn new(template: &'static str, title: Option<String>, ctx: Value) -> Page {
        Page {
            template,
            title,
            ctx,
        }
    }
}

/// The page `route` in `lang`, written to output file `file` (relative links start there).
pub fn render(r: &Renderer<'_>, route: &Route, lang: &str, file: &str) -> Result<Page, Error> {
    match route {
        Route::Home => Ok(home::home(r, lang, file)),
        Route::Councils => Ok(home::councils(r, lang)),
        Route::Area(key) => council::area(r, lang, key),
        Route::Council(ci) => Ok(council::council(r, lang, *ci)),
        Route::Matter(ci, pi) => records::matter(r, lang, file, *ci, *pi),
        Route::Meeting(ci, mi) => records::meeting(r, lang, file, *ci, *mi),
        Route::Report(ci, ri) => records::report(r, lang, file, *ci, *ri),
        Route::Feedback(ci, fi) => records::feedback(r, lang, file, *ci, *fi),
        Route::Indicators => Ok(indicators::indicators(r, lang)),
        Route::Decisions(n) => Ok(lists::decisions(r, lang, *n)),
        Route::Supervision(n) => Ok(lists::supervision(r, lang, *n)),
        Route::DataDictionary => Ok(transparency::data_dictionary()),
        Route::Transparency => Ok(transparency::transparency(r)),
        Route::Page(i) => Ok(content::page(r, lang, file, *i)),
        Route::NotFound => Ok(Page::new("404.html", None, context! {})),
    }
}
