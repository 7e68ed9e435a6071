//! The city's data files, made as they are written: `/data/city.json` (SPEC §10: the
//! sources with their provenance, the indicators of the city, of every street and of every
//! council, then every council and every matter of every street in the shape of
//! records.json, each with its `source`), and the search index, streamed from the streets'
//! documents merged newest first. Neither is ever held whole in memory: the rows are copied
//! from the harvest store line by line.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};

use jiff::civil::Date;
use serde::Serialize;

use super::render::{Entry, source_name, street_url};
use super::street::{self, Doc};
use crate::indicators::{Indicators, Tally};
use crate::search::{Document, Entry as Hit, stream::Stream};

#[derive(Serialize)]
struct SourceRow<'a> {
    id: &'a str,
    name: &'a str,
    /// Where the street's site is (its `url`, or the address its manifest names).
    url: Option<String>,
    commit: Option<&'a str>,
    as_of: Option<String>,
    sha256: Option<&'a str>,
    /// The last good harvest is shown: this run could not read the source.
    stale: bool,
    /// The day the harvest shown was last read.
    harvested: Option<String>,
}

#[derive(Serialize)]
struct IndicatorsRow<'a> {
    city: Indicators,
    streets: BTreeMap<&'a str, Indicators>,
    councils: BTreeMap<String, Indicators>,
}

/// Writes `/data/city.json`.
pub fn city_json(
    w: &mut dyn Write,
    today: Date,
    entries: &[Entry<'_>],
    total: &Tally,
) -> io::Result<()> {
    let sources: Vec<SourceRow<'_>> = entries
        .iter()
        .map(|e| {
            let h = e.result.harvest.as_ref();
            SourceRow {
                id: &e.config.id,
                name: &e.config.name,
                url: h.map(|h| h.street.base_url.clone()),
                commit: h.and_then(|h| h.street.commit.as_deref()),
                as_of: h.map(|h| h.street.as_of.to_string()),
                sha256: h.map(|h| h.sha256.as_str()),
                stale: e.result.stale(),
                harvested: h.map(|h| h.harvested.to_string()),
            }
        })
        .collect();
    let mut councils = BTreeMap::new();
    let mut streets = BTreeMap::new();
    for e in entries {
        let Some(s) = e.street() else { continue };
        streets.insert(e.config.id.as_str(), s.tally.indicators());
        for c in &s.councils {
            councils.insert(format!("{}/{}", e.config.id, c.key), c.tally.indicators());
        }
    }
    let indicators = IndicatorsRow {
        city: total.indicators(),
        streets,
        councils,
    };
    writeln!(w, "{{")?;
    writeln!(w, "\"as_of\": {},", street::json_line(&today.to_string()))?;
    writeln!(w, "\"sources\": {},", street::json_line(&sources))?;
    writeln!(w, "\"indicators\": {},", street::json_line(&indicators))?;
    drop(indicators);
    for (key, file) in [
        ("councils", street::COUNCILS),
        ("proposals", street::PROPOSALS),
    ] {
        writeln!(w, "\"{key}\": [")?;
        let mut first = true;
        for e in entries {
            if e.result.harvest.is_none() {
                continue;
            }
            let reader = BufReader::new(File::open(e.result.dir.join(file))?);
            for line in reader.split(b'\n') {
                let line = line?;
                if line.is_empty() {
                    continue;
                }
                if !first {
                    w.write_all(b",\n")?;
                }
                first = false;
                w.write_all(&line)?;
            }
        }
        let end = if key == "councils" { "]," } else { "]" };
        writeln!(w, "\n{end}")?;
    }
    writeln!(w, "}}")
}

/// One street's documents, read a line at a time.
struct Docs {
    lines: std::io::Lines<BufReader<File>>,
    /// The street's site, per city language.
    urls: Vec<String>,
    names: Vec<String>,
}

impl Docs {
    fn next(&mut self) -> io::Result<Option<Doc>> {
        match self.lines.next() {
            None => Ok(None),
            Some(line) => Ok(Some(
                serde_json::from_str(&line?).map_err(io::Error::other)?,
            )),
        }
    }
}

/// The city's search index: every matter of every street, newest first (then by address),
/// each result linking to the matter on its street's site. `emit` gets every file.
pub fn search_index(
    languages: &[String],
    config: &super::config::CityConfig,
    entries: &[Entry<'_>],
    emit: &mut impl FnMut(String, Vec<u8>),
) -> io::Result<usize> {
    let mut streams: Vec<Docs> = Vec::new();
    for e in entries {
        let Some(street) = e.street() else { continue };
        streams.push(Docs {
            lines: BufReader::new(File::open(e.result.dir.join(street::DOCS))?).lines(),
            urls: languages.iter().map(|l| street_url(street, l)).collect(),
            names: languages
                .iter()
                .map(|l| source_name(config, e.config, l).text)
                .collect(),
        });
    }
    let groups: Vec<Vec<String>> = (0..languages.len())
        .map(|li| streams.iter().map(|s| s.names[li].clone()).collect())
        .collect();
    let opts = crate::search::Options {
        languages: languages.to_vec(),
        ..crate::search::Options::default()
    };
    let mut index = Stream::new(opts, groups);
    // The next document of each street, ordered newest first, then by address.
    let mut heap = BinaryHeap::new();
    let mut head: Vec<Option<Doc>> = Vec::with_capacity(streams.len());
    for (i, s) in streams.iter_mut().enumerate() {
        let d = s.next()?;
        if let Some(d) = &d {
            heap.push((d.0, Reverse(format!("{}{}", s.urls[0], d.1)), Reverse(i)));
        }
        head.push(d);
    }
    while let Some((_, _, Reverse(i))) = heap.pop() {
        let (date, url, title, state, council) = head[i].take().expect("a document waits");
        let s = &streams[i];
        let mut text = String::with_capacity(title.len() + council.len() + 64);
        for part in [&title, &council] {
            text.push_str(part);
            text.push('\n');
        }
        for n in &s.names {
            text.push_str(n);
            text.push('\n');
        }
        let date = date.to_string();
        let doc = Document {
            text,
            entries: (0..languages.len())
                .map(|li| Hit {
                    url: format!("{}{url}", s.urls[li]),
                    title: title.clone(),
                    kind: "matter".into(),
                    group: Some(s.names[li].clone()),
                    state: Some(state.clone()),
                    date: Some(date.clone()),
                })
                .collect(),
        };
        index.add(&doc, emit);
        let next = streams[i].next()?;
        if let Some(d) = &next {
            heap.push((
                d.0,
                Reverse(format!("{}{}", streams[i].urls[0], d.1)),
                Reverse(i),
            ));
        }
        head[i] = next;
    }
    let n = index.len();
    index.finish(emit);
    Ok(n)
}
