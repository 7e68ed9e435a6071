//! One module per kind of page (STYLE.md, habit 12): each turns a route into the template to
//! render, the page's own title, and the values that template needs. [`render`] is the one
//! dispatch; what every page shares (navigation, languages, the site's title) is added by
//! [`super::Renderer::render_page`].

pub(crate) mod content;
mod council;
mod home;
mod indicators;
mod lists;
pub mod notice;
mod qr;
mod records;
mod search;
mod transparency;

use minijinja::{Value, context};

use super::Renderer;
use super::routes::Route;
use crate::error::Error;

/// What a page kind gives the template: which template, the page's own title (the
/// `<title>` adds the site's after it; `None` only for the home page, whose title is the
/// site's), a one-line description for search results and link previews (the site's when
/// `None`), and the page's own values.
pub struct Page {
    pub template: &'static str,
    pub title: Option<String>,
    pub description: Option<String>,
    pub ctx: Value,
}

impl Page {
    fn new(template: &'static str, title: Option<String>, ctx: Value) -> Page {
        Page {
            template,
            title,
            description: None,
            ctx,
        }
    }

    fn described(mut self, description: Option<String>) -> Page {
        self.description = description;
        self
    }
}

/// The title of a page that is one of several (`全部决议 · 第 2 页，共 3 页`), so that every
/// page of a list has a title of its own.
fn paged_title(r: &Renderer<'_>, lang: &str, key: &str, n: usize, pages: usize) -> String {
    let title = r.ui(lang, key);
    if n <= 1 {
        return title;
    }
    let page = r
        .ui(lang, "pager.page")
        .replace("{n}", &n.to_string())
        .replace("{total}", &pages.to_string());
    format!("{title}{}{page}", r.ui(lang, "title_sep"))
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
        Route::Notice(ci, pi) => notice::notice(r, lang, *ci, *pi),
        Route::Search => Ok(search::search(r, lang)),
        Route::ByState(state, n) => Ok(search::by_state(r, lang, state, *n)),
        Route::ByYear(year, n) => Ok(search::by_year(r, lang, *year, *n)),
        Route::Decisions(n) => Ok(lists::decisions(r, lang, *n)),
        Route::Supervision(n) => Ok(lists::supervision(r, lang, *n)),
        Route::DataDictionary => Ok(transparency::data_dictionary(r, lang)),
        Route::Transparency => Ok(transparency::transparency(r, lang)),
        Route::Page(i) => Ok(content::page(r, lang, file, *i)),
        Route::NotFound => Ok(Page::new(
            "404.html",
            Some(r.ui(lang, "notfound.title")),
            context! {},
        )),
    }
}
