//! The pages about the data itself: the data dictionary of the open data files, and how to
//! verify the site against the repository it was built from.

use minijinja::context;

use super::Page;
use crate::site::{Renderer, data, sv};

pub fn data_dictionary() -> Page {
    Page::new(
        "data.html",
        None,
        context! { fields => sv(data::dictionary()) },
    )
}

pub fn transparency(r: &Renderer<'_>) -> Page {
    let p = r.provenance;
    let manifest = p.and_then(|p| p.manifest.as_ref());
    Page::new(
        "transparency.html",
        None,
        context! {
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
