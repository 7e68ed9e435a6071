//! The search page (SPEC §9) and its browse lists. The page is a form that `search.js`
//! answers from the static index under `/search/`; without JavaScript it says so and offers
//! the lists instead: the councils, the matters by state, the matters by year.

use minijinja::context;
use serde::Serialize;

use super::Page;
use crate::site::routes::Route;
use crate::site::{Renderer, page_of, sv, views};

#[derive(Serialize)]
struct BrowseLink {
    url: String,
    /// A state's code, a year, or a council's name.
    key: String,
    count: usize,
}

pub fn search(r: &Renderer<'_>, lang: &str) -> Page {
    let lists = r.lists();
    // States in the order of a matter's life, not of their names.
    let states: Vec<BrowseLink> = crate::lifecycle::State::ALL
        .iter()
        .filter_map(|st| lists.by_state.get_key_value(st.as_str()))
        .map(|(s, m)| BrowseLink {
            url: r.ctx.url(&Route::ByState(s, 1)),
            key: s.to_string(),
            count: m.len(),
        })
        .collect();
    let years: Vec<BrowseLink> = lists
        .by_year
        .iter()
        .rev()
        .map(|(y, m)| BrowseLink {
            url: r.ctx.url(&Route::ByYear(*y, 1)),
            key: y.to_string(),
            count: m.len(),
        })
        .collect();
    let councils = views::council_summaries(&r.ctx, lang);
    // What search.js needs to label results: its own strings and the states' names.
    let t = r.strings_of(lang);
    let js_strings = context! {
        search => t.get_attr("search").unwrap_or_default(),
        state => t.get_attr("state").unwrap_or_default(),
    };
    // The index's shape, in the page: a query needs one round trip less.
    let index = r.search_index();
    let meta: serde_json::Value = index
        .files
        .get("meta.json")
        .and_then(|b| serde_json::from_slice(b).ok())
        .unwrap_or_default();
    Page::new(
        "search.html",
        Some(r.ui(lang, "search.title")),
        context! {
            states => sv(states),
            years => sv(years),
            councils => sv(councils),
            js_strings => js_strings,
            index_meta => sv(meta),
        },
    )
    .described(Some(r.ui(lang, "search.intro")))
}

pub fn by_state(r: &Renderer<'_>, lang: &str, state: &'static str, n: usize) -> Page {
    let all = r
        .lists()
        .by_state
        .get(state)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let heading = r
        .ui(lang, "search.state_title")
        .replace("{state}", &r.ui(lang, &format!("state.{state}")));
    browse(r, lang, all, n, heading, move |k| Route::ByState(state, k))
}

pub fn by_year(r: &Renderer<'_>, lang: &str, year: i16, n: usize) -> Page {
    let all = r
        .lists()
        .by_year
        .get(&year)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let heading = r
        .ui(lang, "search.year_title")
        .replace("{year}", &year.to_string());
    browse(r, lang, all, n, heading, move |k| Route::ByYear(year, k))
}

fn browse(
    r: &Renderer<'_>,
    lang: &str,
    all: &[(usize, usize)],
    n: usize,
    heading: String,
    route: impl Fn(usize) -> Route,
) -> Page {
    let (at, pager) = page_of(all, n, route, r.ctx.site);
    let rows = views::matter_rows(&r.ctx, lang, at);
    let mut title = heading.clone();
    if pager.pages > 1 {
        let page = r
            .ui(lang, "pager.page")
            .replace("{n}", &n.to_string())
            .replace("{total}", &pager.pages.to_string());
        title = format!("{title}{}{page}", r.ui(lang, "title_sep"));
    }
    Page::new(
        "browse.html",
        Some(title),
        context! { heading => heading, matters => sv(rows), pager => sv(pager), total => all.len() },
    )
}
