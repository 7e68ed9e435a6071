//! One street, derived once from what it published: the tallies of its councils, areas and
//! the street (from each matter's facts, SPEC §8), its newest events for the city's feed, and
//! three files written one line per row as they are made, so that a street's matters never
//! have to be held by the city: its matters and councils in the shape of records.json (for
//! `city.json`) and its search documents, newest first (for the city's index).

use std::io::{self, BufWriter, Write};
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::published::{Manifest, Records, facts};
use crate::indicators::{Tally, is_inside};

/// How many of a street's newest events it keeps for the city's feed.
pub const RECENT: usize = 30;

/// The files a derived street leaves in its harvest folder.
pub const PROPOSALS: &str = "proposals.jsonl";
pub const COUNCILS: &str = "councils.jsonl";
pub const DOCS: &str = "docs.jsonl";

/// A street as the city shows it: everything but its matters (which are in the files).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Street {
    pub as_of: Date,
    pub commit: Option<String>,
    /// The address the street published for (its manifest's `base_url`).
    pub base_url: String,
    pub generator: String,
    /// The street's languages; the first is the language of its records.
    pub languages: Vec<String>,
    pub councils: Vec<CouncilSummary>,
    pub areas: Vec<AreaSummary>,
    pub tally: Tally,
    /// Newest first.
    pub recent: Vec<Recent>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CouncilSummary {
    pub key: String,
    pub name: String,
    /// The innermost area holding it.
    pub area: Option<String>,
    pub tally: Tally,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AreaSummary {
    pub key: String,
    pub name: String,
    pub tally: Tally,
}

/// A matter submitted or decided, for the feed.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Recent {
    pub date: Date,
    /// `submitted`, or the outcome of a decision (`adopted`, `rejected`, `referred`).
    pub what: String,
    /// The matter's page, from the street's root.
    pub url: String,
    pub title: String,
    pub council: String,
}

/// A search document: `[date, url from the street's root, title, state, council name]`.
pub type Doc = (Date, String, String, String, String);

/// The page of a matter, from the street's root.
pub fn matter_url(council: &str, id: &str) -> String {
    format!("councils/{council}/proposals/{id}/")
}

/// Compact JSON with `<`, `>` and `&` escaped, as every data file of council writes them.
pub fn json_line<T: Serialize>(value: &T) -> String {
    let s = serde_json::to_string(value).expect("data serialises");
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[derive(Serialize)]
struct Row<'a, T> {
    source: &'a str,
    #[serde(flatten)]
    record: &'a T,
}

/// Derives street `id` from its records and manifest, writing its rows into `dir`.
pub fn derive(id: &str, records: &Records, manifest: &Manifest, dir: &Path) -> io::Result<Street> {
    let limits = records.limits();
    let t = records.as_of;
    let area_of = |key: &str| {
        records
            .areas
            .iter()
            .filter(|a| is_inside(key, &a.key))
            .max_by_key(|a| a.key.len())
            .map(|a| a.key.clone())
    };
    let mut councils: Vec<CouncilSummary> = records
        .councils
        .iter()
        .map(|c| CouncilSummary {
            key: c.key.clone(),
            name: c.name.clone(),
            area: area_of(&c.key),
            tally: Tally::default(),
        })
        .collect();
    let index: std::collections::HashMap<&str, usize> = records
        .councils
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key.as_str(), i))
        .collect();
    let mut tally = Tally::default();
    let mut recent: Vec<Recent> = Vec::new();
    let mut docs: Vec<Doc> = Vec::with_capacity(records.proposals.len());
    let mut rows = BufWriter::new(std::fs::File::create(dir.join(PROPOSALS))?);
    for p in &records.proposals {
        let f = facts(p, &limits, t);
        tally.add(&f);
        let council_name = match index.get(p.council.as_str()) {
            Some(&ci) => {
                councils[ci].tally.add(&f);
                councils[ci].name.clone()
            }
            None => p.council.clone(),
        };
        let url = matter_url(&p.council, &p.id);
        recent.push(Recent {
            date: p.submitted,
            what: "submitted".into(),
            url: url.clone(),
            title: p.title.clone(),
            council: council_name.clone(),
        });
        for e in p.events.iter().filter(|e| e.kind == "decided") {
            if let Some(o @ ("adopted" | "rejected" | "referred")) = e.outcome.as_deref() {
                recent.push(Recent {
                    date: e.date,
                    what: o.into(),
                    url: url.clone(),
                    title: p.title.clone(),
                    council: council_name.clone(),
                });
            }
        }
        if recent.len() > 4 * RECENT {
            keep_newest(&mut recent);
        }
        docs.push((
            p.submitted,
            url,
            p.title.clone(),
            p.state.clone(),
            council_name,
        ));
        writeln!(
            rows,
            "{}",
            json_line(&Row {
                source: id,
                record: p
            })
        )?;
    }
    rows.into_inner().map_err(|e| e.into_error())?.sync_data()?;
    keep_newest(&mut recent);
    let mut out = BufWriter::new(std::fs::File::create(dir.join(COUNCILS))?);
    for c in &records.councils {
        writeln!(
            out,
            "{}",
            json_line(&Row {
                source: id,
                record: c
            })
        )?;
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_data()?;
    // Newest first, then by address: the order of the search index (`search::build`).
    docs.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut out = BufWriter::new(std::fs::File::create(dir.join(DOCS))?);
    for d in &docs {
        writeln!(out, "{}", json_line(d))?;
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_data()?;
    let areas = records
        .areas
        .iter()
        .map(|a| {
            let mut t = Tally::default();
            for c in councils.iter().filter(|c| is_inside(&c.key, &a.key)) {
                t.merge(&c.tally);
            }
            AreaSummary {
                key: a.key.clone(),
                name: a.name.clone(),
                tally: t,
            }
        })
        .collect();
    Ok(Street {
        as_of: t,
        commit: manifest.commit.clone(),
        base_url: manifest.base_url.clone(),
        generator: manifest.generator.clone(),
        languages: if records.languages.is_empty() {
            vec!["zh".into()]
        } else {
            records.languages.clone()
        },
        councils,
        areas,
        tally,
        recent,
    })
}

fn keep_newest(recent: &mut Vec<Recent>) {
    recent.sort_by(|a, b| b.cmp(a));
    recent.truncate(RECENT);
}
