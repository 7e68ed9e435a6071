//! Where each published page lives (SPEC §7), and how one page links to another.
//!
//! Every link in the output is relative (`../../councils/x/`), so the site works under any
//! base address and from a folder. Pages of the default language live at the root, other
//! languages under `/<lang>/`; data files, feeds and attachments exist once, at the root.

/// A page of the site, in no particular language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Route {
    Home,
    Councils,
    /// An area, by its key (folder under `councils/`).
    Area(String),
    /// A council, by index into `site.councils`.
    Council(usize),
    Matter(usize, usize),
    Meeting(usize, usize),
    Report(usize, usize),
    /// A return visit (SPEC §8).
    Feedback(usize, usize),
    /// Every council's indicators side by side, and the charts (SPEC §8).
    Indicators,
    /// The public notice of a decided matter (SPEC §9), for print.
    Notice(usize, usize),
    /// Full-text search (SPEC §9); without JavaScript, browse lists.
    Search,
    /// The matters in a state, newest first, in pages (the search page's browse lists).
    ByState(&'static str, usize),
    /// The matters submitted in a year, newest first, in pages.
    ByYear(i16, usize),
    /// Every decision, newest first, in pages of [`PAGE_SIZE`] (1 is the first page).
    Decisions(usize),
    /// Adopted matters, overdue first, in pages of [`PAGE_SIZE`].
    Supervision(usize),
    DataDictionary,
    /// How to verify the site against git.
    Transparency,
    /// A content page, by index into `site.pages`.
    Page(usize),
    NotFound,
}

/// How many entries a list page shows: a street's decisions fit on one page, a city's
/// thousands do not (a phone should not download megabytes for one list).
pub const PAGE_SIZE: usize = 100;

/// How many pages a list of `n` entries takes (at least one).
pub fn page_count(n: usize) -> usize {
    n.div_ceil(PAGE_SIZE).max(1)
}

/// The folder URL of a page (relative to its language root, `/`-terminated), or the file
/// name for the 404 page. `keys` gives a council's key by index, `ids` a record's stem.
pub fn page_path(route: &Route, site: &crate::model::Site) -> String {
    let key = |ci: usize| site.councils[ci].key.as_str();
    match route {
        Route::Home => String::new(),
        Route::Councils => "councils/".into(),
        Route::Area(k) => format!("councils/{k}/"),
        Route::Council(ci) => format!("councils/{}/", key(*ci)),
        Route::Matter(ci, i) => format!(
            "councils/{}/proposals/{}/",
            key(*ci),
            site.councils[*ci].proposals[*i].meta.stem
        ),
        Route::Meeting(ci, i) => format!(
            "councils/{}/meetings/{}/",
            key(*ci),
            site.councils[*ci].meetings[*i].meta.stem
        ),
        Route::Report(ci, i) => format!(
            "councils/{}/reports/{}/",
            key(*ci),
            site.councils[*ci].reports[*i].meta.stem
        ),
        Route::Feedback(ci, i) => format!(
            "councils/{}/feedback/{}/",
            key(*ci),
            site.councils[*ci].feedback[*i].meta.stem
        ),
        Route::Indicators => "indicators/".into(),
        Route::Notice(ci, i) => format!(
            "councils/{}/proposals/{}/notice/",
            key(*ci),
            site.councils[*ci].proposals[*i].meta.stem
        ),
        Route::Search => "search/".into(),
        Route::ByState(s, 1) => format!("search/state/{s}/"),
        Route::ByState(s, n) => format!("search/state/{s}/page/{n}/"),
        Route::ByYear(y, 1) => format!("search/year/{y}/"),
        Route::ByYear(y, n) => format!("search/year/{y}/page/{n}/"),
        Route::Decisions(1) => "decisions/".into(),
        Route::Decisions(n) => format!("decisions/page/{n}/"),
        Route::Supervision(1) => "supervision/".into(),
        Route::Supervision(n) => format!("supervision/page/{n}/"),
        Route::DataDictionary => "data/".into(),
        Route::Transparency => "transparency/".into(),
        Route::Page(i) => content_url(&site.pages[*i].path),
        Route::NotFound => "404.html".into(),
    }
}

/// `about` → `about/`, `guide/_index` → `guide/`, `_index` → `` (the home page).
pub fn content_url(path: &str) -> String {
    if path == "_index" {
        return String::new();
    }
    match path.strip_suffix("/_index") {
        Some(dir) => format!("{dir}/"),
        None => format!("{path}/"),
    }
}

/// The language prefix of a language's pages: `` for the default, `en/` for the others.
pub fn lang_prefix(lang: &str, default: &str) -> String {
    if lang == default {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// The file a page URL is written to: `councils/x/` → `councils/x/index.html`.
pub fn output_file(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') {
        format!("{url}index.html")
    } else {
        url.to_string()
    }
}

/// The prefix that leads from the folder of output file `file` back to the site root:
/// `councils/x/index.html` → `../../`.
pub fn root_prefix(file: &str) -> String {
    "../".repeat(file.matches('/').count())
}

/// What the generated site puts at a top-level name of the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generated {
    /// A folder of generated pages and files: nothing from `content/` or `static/` may be
    /// published inside it.
    Folder,
    /// A generated file.
    File,
    /// A generated file that a file of `static/` replaces (robots.txt, a favicon).
    Replaceable,
}

/// Every top-level name of the generated output (besides the folders of the other
/// languages, the theme's static files and the sitemap's parts, `sitemap-<k>.xml`). A
/// content page, attachment or static file published under one of them is `misplaced-file`
/// (see `site::collisions`); a test checks that every file a build writes is covered. A
/// new generated page or file is one more line here.
pub const GENERATED: &[(&str, Generated)] = &[
    ("404.html", Generated::File),
    ("calendar.ics", Generated::File),
    ("councils", Generated::Folder),
    ("data", Generated::Folder),
    ("decisions", Generated::Folder),
    ("feed.xml", Generated::File),
    ("index.html", Generated::File),
    ("indicators", Generated::Folder),
    ("robots.txt", Generated::Replaceable),
    ("search", Generated::Folder),
    ("sitemap.xml", Generated::File),
    ("supervision", Generated::Folder),
    ("transparency", Generated::Folder),
];

/// What the generated site has at the top-level name `name` (`sitemap-3.xml` included), for a
/// site whose other languages are `other_languages`.
pub fn generated(name: &str, other_languages: &[String]) -> Option<Generated> {
    if other_languages.iter().any(|l| l == name) {
        return Some(Generated::Folder);
    }
    let sitemap_part = name
        .strip_prefix("sitemap-")
        .and_then(|n| n.strip_suffix(".xml"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if sitemap_part {
        return Some(Generated::File);
    }
    GENERATED.iter().find(|(n, _)| *n == name).map(|(_, g)| *g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_paths_follow_zola() {
        assert_eq!(content_url("about"), "about/");
        assert_eq!(content_url("guide/_index"), "guide/");
        assert_eq!(content_url("guide/process"), "guide/process/");
        assert_eq!(content_url("_index"), "");
    }

    #[test]
    fn roots_climb_one_level_per_folder() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("councils/a/g/index.html"), "../../../");
        assert_eq!(output_file("councils/a/"), "councils/a/index.html");
        assert_eq!(output_file(""), "index.html");
        assert_eq!(output_file("404.html"), "404.html");
    }
}
