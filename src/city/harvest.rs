//! Harvesting one street: read its `data/records.json` and `data/manifest.json`, and keep the
//! last good harvest in the harvest store (`harvest/<id>/` beside city.toml).
//!
//! The store holds, per source, `harvest.json` (the SHA-256 of the records.json harvested,
//! the day it was last read, the street as derived) and a folder named after that hash with
//! the bytes harvested (`records.json`, `manifest.json`) and the street's rows
//! ([`super::street`]). A new harvest is written into its own folder, and `harvest.json` is
//! replaced (atomically) only when the folder is complete: a run stopped half-way leaves the
//! last good harvest in place. A records.json byte-identical to the last one harvested is
//! not parsed again.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::config::{Location, SourceConfig};
use super::fetch::{self, Client, Failure};
use super::published::{Manifest, Records, Unreadable};
use super::street::{self, Street};
use crate::i18n::Msg;
use crate::msg;

/// The store's format: a harvest of another format is derived again from its bytes.
pub const STORE_VERSION: u32 = 1;

/// `harvest/<id>/harvest.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Harvest {
    pub store: u32,
    pub sha256: String,
    /// The last day (the city's `--today`) this source was read and found good.
    pub harvested: Date,
    /// The folder of this harvest, beside harvest.json.
    pub folder: String,
    pub street: Street,
}

/// What became of one source in this run.
#[derive(Debug)]
pub struct SourceResult {
    /// The harvest the city publishes (this run's, or the last good one when `failure`).
    pub harvest: Option<Harvest>,
    /// Where its rows are.
    pub dir: PathBuf,
    /// Why this run could not read it.
    pub failure: Option<Msg>,
    /// Whether records.json was parsed in this run.
    pub parsed: bool,
}

impl SourceResult {
    pub fn stale(&self) -> bool {
        self.failure.is_some()
    }
}

/// How one source is read.
pub struct Harvester<'a> {
    pub city_dir: &'a Path,
    pub store: &'a Path,
    pub client: &'a Client,
    pub limits: fetch::Limits,
    pub today: Date,
}

fn unreadable(file: &str, u: Unreadable) -> Msg {
    match u {
        Unreadable::Parse(detail) => msg!("harvest-not-json", file, detail),
        Unreadable::Version(version) => msg!("harvest-version", file, version = version as i64),
        Unreadable::Value { field, value } => msg!("harvest-bad-value", file, field, value),
    }
}

impl Harvester<'_> {
    fn read(&self, src: &SourceConfig, rel: &str) -> Result<Vec<u8>, Failure> {
        match &src.location {
            Location::Site(dir) => fetch::from_folder(&self.city_dir.join(dir), rel, &self.limits),
            Location::Url(base) => self.client.get(&format!("{base}{rel}")),
        }
    }

    /// Reads source `src`; on failure, falls back to its last good harvest.
    pub fn harvest(&self, src: &SourceConfig) -> SourceResult {
        let home = self.store.join(&src.id);
        let last = read_last(&home);
        let failed = |failure: Msg| SourceResult {
            dir: last
                .as_ref()
                .map(|h| home.join(&h.folder))
                .unwrap_or_default(),
            harvest: last.clone(),
            failure: Some(failure),
            parsed: false,
        };
        let bytes = match self.read(src, "data/records.json") {
            Ok(b) => b,
            Err(f) => return failed(f.msg()),
        };
        let manifest_bytes = match self.read(src, "data/manifest.json") {
            Ok(b) => b,
            Err(f) => return failed(f.msg()),
        };
        let manifest = match Manifest::parse(&manifest_bytes) {
            Ok(m) => m,
            Err(u) => return failed(unreadable("data/manifest.json", u)),
        };
        let sha = crate::audit::provenance::hex(&Sha256::digest(&bytes));
        let base_url = match &src.location {
            Location::Url(u) => u.clone(),
            Location::Site(_) => manifest.base_url.clone(),
        };
        if let Some(mut h) = last.clone().filter(|h| h.sha256 == sha) {
            // The same records: only what the manifest and the day say may have moved.
            let before = (
                h.harvested,
                h.street.commit.clone(),
                h.street.base_url.clone(),
            );
            h.harvested = self.today.max(h.harvested);
            h.street.commit = manifest.commit.clone();
            h.street.base_url = base_url;
            if before
                != (
                    h.harvested,
                    h.street.commit.clone(),
                    h.street.base_url.clone(),
                )
                && let Err(e) = write_harvest(&home, &h)
            {
                return failed(msg!("harvest-store", detail = e.to_string()));
            }
            return SourceResult {
                dir: home.join(&h.folder),
                harvest: Some(h),
                failure: None,
                parsed: false,
            };
        }
        let records = match Records::parse(&bytes) {
            Ok(r) => r,
            Err(u) => return failed(unreadable("data/records.json", u)),
        };
        if records.as_of > self.today {
            return failed(msg!(
                "harvest-after-today",
                as_of = records.as_of.to_string(),
                today = self.today.to_string()
            ));
        }
        let folder = format!("h-{}", &sha[..16]);
        let dir = home.join(&folder);
        let made = (|| -> io::Result<Street> {
            if dir.exists() {
                fs::remove_dir_all(&dir)?;
            }
            fs::create_dir_all(&dir)?;
            fs::write(dir.join("records.json"), &bytes)?;
            fs::write(dir.join("manifest.json"), &manifest_bytes)?;
            let mut street = street::derive(&src.id, &records, &manifest, &dir)?;
            street.base_url = base_url;
            Ok(street)
        })();
        drop(records);
        let street = match made {
            Ok(s) => s,
            Err(e) => {
                let _ = fs::remove_dir_all(&dir);
                return failed(msg!("harvest-store", detail = e.to_string()));
            }
        };
        let h = Harvest {
            store: STORE_VERSION,
            sha256: sha,
            harvested: self.today,
            folder,
            street,
        };
        if let Err(e) = write_harvest(&home, &h) {
            let _ = fs::remove_dir_all(&dir);
            return failed(msg!("harvest-store", detail = e.to_string()));
        }
        if let Some(old) = last.filter(|o| o.folder != h.folder) {
            let _ = fs::remove_dir_all(home.join(old.folder));
        }
        SourceResult {
            dir,
            harvest: Some(h),
            failure: None,
            parsed: true,
        }
    }
}

/// The last good harvest of a source, if the store has a complete one of this format.
fn read_last(home: &Path) -> Option<Harvest> {
    let bytes = fs::read(home.join("harvest.json")).ok()?;
    let h: Harvest = serde_json::from_slice(&bytes).ok()?;
    (h.store == STORE_VERSION && home.join(&h.folder).join(street::DOCS).is_file()).then_some(h)
}

fn write_harvest(home: &Path, h: &Harvest) -> io::Result<()> {
    let tmp = home.join("harvest.json.tmp");
    let mut bytes = serde_json::to_vec_pretty(h).map_err(io::Error::other)?;
    bytes.push(b'\n');
    fs::write(&tmp, bytes)?;
    fs::File::open(&tmp)?.sync_all()?;
    fs::rename(&tmp, home.join("harvest.json"))
}
