//! The pages about the data itself: the data dictionary of the open data files, and how to
//! verify the site against the repository it was built from.

use minijinja::context;

use super::Page;
use crate::site::{Renderer, data, sv};

pub fn data_dictionary(r: &Renderer<'_>, lang: &str) -> Page {
    Page::new(
        "data.html",
        Some(r.ui(lang, "data.title")),
        context! { fields => sv(data::dictionary()) },
    )
}

pub fn transparency(r: &Renderer<'_>, lang: &str) -> Page {
    let p = r.provenance;
    let manifest = p.and_then(|p| p.manifest.as_ref());
    let repository = r
        .ctx
        .site
        .config
        .repository
        .as_ref()
        .map(|s| s.value.clone());
    // A web address is a link; anything else (`git@host:path`) is shown to copy.
    let repository_is_web = repository
        .as_deref()
        .is_some_and(|u| u.starts_with("https://") || u.starts_with("http://"));
    Page::new(
        "transparency.html",
        Some(r.ui(lang, "transparency.title")),
        context! {
            repository => repository,
            repository_is_web => repository_is_web,
            commit => manifest.and_then(|m| m.commit.clone()),
            uncommitted => sv(manifest.map(|m| m.uncommitted.clone()).unwrap_or_default()),
            manifest => manifest.map(|m| m.manifest.clone()),
            files => manifest.map(|m| m.files.len()).unwrap_or(0),
            no_history => p.and_then(|p| p.no_history).map(|n| n.key()),
            theme => r.site().config.theme.clone(),
            base_url => r.base_url(),
            preview => p.is_none(),
        },
    )
}
