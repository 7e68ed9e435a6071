//! A static full-text index for Chinese and English (SPEC §9), loaded by the browser in
//! pieces: a query downloads the few shards that hold its terms and the first table of
//! documents, never the whole index.
//!
//! The input is a list of [`Document`]s (text to index, and what a result shows in each
//! language); the output is a set of files under one folder ([`IndexFiles`]):
//!
//! - `meta.json`: format version, number of documents and shards, documents per table.
//! - `p/<k>.bin`: shard `k` of the postings. A term goes to shard
//!   `fnv1a32(shard key) % shards`; the shard key is the term (a Han character or pair), or
//!   a word's first two characters, so that a prefix query finds every word it may mean in
//!   one shard. A shard is the number of terms, then per term, sorted by its UTF-8 bytes:
//!   its length and bytes, `(length << 1) | bitmap` of its postings, and the postings:
//!   document numbers as ascending deltas (LEB128), or a bitmap when that is smaller.
//! - `d/<lang>/<k>.json`: documents `k*chunk ..` as `[url, title, kind, group, state,
//!   date]` (group an index into `d/<lang>/g.json`, the groups' names in that language).
//!
//! Documents are numbered newest first, so the first results of any query are in the first
//! table. Every byte is a function of the input: terms, shards and tables are sorted.
//!
//! The same builder serves one street's site and (issue 16) a city's index over many
//! streets: nothing here knows councils or pages. Tokenising is in [`tokens`], and the
//! browser's side in the default theme's `search.js`.

pub mod stream;
pub mod tokens;

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use serde::Serialize;

use tokens::Term;

/// The format of the files, in `meta.json`; `search.js` refuses others.
pub const VERSION: u32 = 1;

/// What one result shows, in one language.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    /// From the language's root (`councils/x/proposals/2025-001/`).
    pub url: String,
    pub title: String,
    /// What kind of page (`matter`, `meeting`…): the page has its label.
    pub kind: String,
    /// The group it belongs to (a council), by name.
    pub group: Option<String>,
    /// A state code (`adopted`…), labelled by the page.
    pub state: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// A document to index.
#[derive(Clone, Debug)]
pub struct Document {
    /// Every text to search, in every language.
    pub text: String,
    /// What a result shows, one entry per language of [`Options::languages`], in order.
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub languages: Vec<String>,
    /// Aim for shards of about this many bytes.
    pub shard_bytes: usize,
    /// At most this many shards (a power of two).
    pub max_shards: usize,
    /// Documents per table.
    pub chunk: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            languages: vec!["zh".into()],
            shard_bytes: 16 * 1024,
            max_shards: 2048,
            chunk: 100,
        }
    }
}

/// The files of an index, by path under its folder.
#[derive(Clone, Debug, Default)]
pub struct IndexFiles {
    pub files: BTreeMap<String, Vec<u8>>,
}

#[derive(Serialize)]
pub(crate) struct Meta<'a> {
    pub version: u32,
    pub docs: usize,
    pub shards: usize,
    pub chunk: usize,
    pub languages: &'a [String],
}

/// FNV-1a, 32 bits: a hash the browser computes in three lines.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Builds the index of `docs`.
pub fn build(mut docs: Vec<Document>, opts: &Options) -> IndexFiles {
    // Newest first; undated documents (content pages) last; then by address.
    docs.sort_by(|a, b| {
        let date = |d: &Document| d.entries.first().and_then(|e| e.date.clone());
        let url = |d: &Document| d.entries.first().map(|e| e.url.clone());
        match (date(a), date(b)) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| url(a).cmp(&url(b)))
    });
    let n = docs.len();
    let postings = postings(&mut docs);
    // Encode every term, then choose the number of shards from the total size.
    let encoded: Vec<(u32, Vec<u8>)> = postings
        .par_iter()
        .map(|(term, ids)| {
            let mut out = Vec::new();
            let text = term.text();
            leb128(&mut out, text.len() as u64);
            out.extend_from_slice(text.as_bytes());
            encode_postings(&mut out, ids);
            (fnv1a(term.shard_key().as_bytes()), out)
        })
        .collect();
    let total: usize = encoded.iter().map(|(_, b)| b.len()).sum();
    let shards = total
        .div_ceil(opts.shard_bytes.max(1))
        .next_power_of_two()
        .clamp(1, opts.max_shards.max(1));
    let mut by_shard: Vec<Vec<&Vec<u8>>> = vec![Vec::new(); shards];
    // `postings` is sorted by term, so each shard's terms come in order.
    for (h, bytes) in &encoded {
        by_shard[*h as usize % shards].push(bytes);
    }
    let mut files = BTreeMap::new();
    for (k, terms) in by_shard.into_iter().enumerate() {
        let mut out = Vec::new();
        leb128(&mut out, terms.len() as u64);
        for t in terms {
            out.extend_from_slice(t);
        }
        files.insert(format!("p/{k}.bin"), out);
    }
    for (li, lang) in opts.languages.iter().enumerate() {
        let mut groups: Vec<String> = docs
            .iter()
            .filter_map(|d| d.entries.get(li)?.group.clone())
            .collect();
        groups.sort();
        groups.dedup();
        let group_index: HashMap<&str, usize> = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.as_str(), i))
            .collect();
        for (k, chunk) in docs.chunks(opts.chunk.max(1)).enumerate() {
            let rows: Vec<serde_json::Value> = chunk
                .iter()
                .map(|d| {
                    let e = d.entries.get(li).or(d.entries.first());
                    match e {
                        Some(e) => serde_json::json!([
                            e.url,
                            e.title,
                            e.kind,
                            e.group.as_deref().and_then(|g| group_index.get(g)),
                            e.state,
                            e.date
                        ]),
                        None => serde_json::Value::Null,
                    }
                })
                .collect();
            files.insert(format!("d/{lang}/{k}.json"), json(&rows));
        }
        files.insert(format!("d/{lang}/g.json"), json(&groups));
    }
    let meta = Meta {
        version: VERSION,
        docs: n,
        shards,
        chunk: opts.chunk.max(1),
        languages: &opts.languages,
    };
    files.insert("meta.json".into(), json(&meta));
    IndexFiles { files }
}

/// Compact JSON with `<`, `>` and `&` escaped: records' text can never be taken for markup.
pub(crate) fn json<T: Serialize>(value: &T) -> Vec<u8> {
    let s = serde_json::to_string(value).expect("index data serialises");
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .into_bytes()
}

/// A hasher for keys that are already well spread (packed characters): one multiply.
#[derive(Default)]
pub(crate) struct MulHasher(u64);

impl Hasher for MulHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<MulHasher>>;

/// Every term with the ascending numbers of the documents that hold it, sorted by term.
/// Terms are split between threads by their key, each thread walking every document in
/// order, so that each list comes out sorted without a merge.
/// The postings of every term of `docs`, sorted by term. The documents' texts are dropped
/// once read: only their entries are needed afterwards.
fn postings(docs: &mut [Document]) -> Vec<(Term, Vec<u32>)> {
    let per_doc: Vec<(Vec<u64>, Vec<String>)> = docs
        .par_iter_mut()
        .map(|d| {
            let (mut han, mut words) = (Vec::new(), Vec::new());
            tokens::index_terms(&d.text, &mut han, &mut words);
            d.text = String::new();
            (han, words)
        })
        .collect();
    let parts = rayon::current_num_threads().max(1);
    let mut lists: Vec<(Term, Vec<u32>)> = (0..parts)
        .into_par_iter()
        .flat_map_iter(|part| {
            let mut han: FastMap<u64, Vec<u32>> = FastMap::default();
            let mut words: FastMap<&str, Vec<u32>> = FastMap::default();
            for (id, (h, w)) in per_doc.iter().enumerate() {
                for &k in h {
                    if (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize % parts == part {
                        han.entry(k).or_default().push(id as u32);
                    }
                }
                for word in w {
                    if fnv1a(word.as_bytes()) as usize % parts == part {
                        words.entry(word.as_str()).or_default().push(id as u32);
                    }
                }
            }
            han.into_iter()
                .map(|(k, ids)| (Term::unpack(k), ids))
                .chain(
                    words
                        .into_iter()
                        .map(|(w, ids)| (Term::Word(w.to_string()), ids)),
                )
                .collect::<Vec<_>>()
        })
        .collect();
    lists.par_sort_by_cached_key(|(t, _)| t.text());
    lists
}

/// Appends `ids` (ascending) as `(len << 1) | bitmap`, then deltas or a bitmap, whichever
/// is smaller.
fn encode_postings(out: &mut Vec<u8>, ids: &[u32]) {
    let mut deltas = Vec::with_capacity(ids.len() * 2);
    let mut last = 0u32;
    for (i, &id) in ids.iter().enumerate() {
        leb128(&mut deltas, if i == 0 { id } else { id - last } as u64);
        last = id;
    }
    let bitmap_len = ids.last().map(|&m| m as usize / 8 + 1).unwrap_or(0);
    if bitmap_len < deltas.len() {
        let mut bits = vec![0u8; bitmap_len];
        for &id in ids {
            bits[id as usize / 8] |= 1 << (id % 8);
        }
        leb128(out, ((bits.len() as u64) << 1) | 1);
        out.extend_from_slice(&bits);
    } else {
        leb128(out, (deltas.len() as u64) << 1);
        out.extend_from_slice(&deltas);
    }
}

pub(crate) fn leb128(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads a shard back (for tests and benchmarks): term → document numbers.
pub fn decode_shard(bytes: &[u8]) -> BTreeMap<String, Vec<u32>> {
    fn read(bytes: &[u8], at: &mut usize) -> u64 {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = bytes[*at];
            *at += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return v;
            }
            shift += 7;
        }
    }
    let mut at = 0;
    let mut out = BTreeMap::new();
    let n = read(bytes, &mut at);
    for _ in 0..n {
        let len = read(bytes, &mut at) as usize;
        let term = String::from_utf8_lossy(&bytes[at..at + len]).into_owned();
        at += len;
        let head = read(bytes, &mut at);
        let len = (head >> 1) as usize;
        let body = &bytes[at..at + len];
        at += len;
        let mut ids = Vec::new();
        if head & 1 == 1 {
            for (i, b) in body.iter().enumerate() {
                for bit in 0..8 {
                    if b & (1 << bit) != 0 {
                        ids.push((i * 8 + bit) as u32);
                    }
                }
            }
        } else {
            let (mut k, mut last) = (0, 0u32);
            while k < body.len() {
                let d = read(body, &mut k) as u32;
                last = if ids.is_empty() { d } else { last + d };
                ids.push(last);
            }
        }
        out.insert(term, ids);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(url: &str, date: &str, text: &str) -> Document {
        Document {
            text: text.into(),
            entries: vec![Entry {
                url: url.into(),
                title: url.into(),
                kind: "matter".into(),
                group: Some("g".into()),
                state: None,
                date: Some(date.into()),
            }],
        }
    }

    fn search(files: &IndexFiles, q: &str) -> Vec<u32> {
        let meta: serde_json::Value = serde_json::from_slice(&files.files["meta.json"]).unwrap();
        let shards = meta["shards"].as_u64().unwrap() as u32;
        let query = tokens::query(q);
        let mut sets: Vec<Vec<u32>> = Vec::new();
        for t in &query.terms {
            let shard = decode_shard(
                &files.files[&format!("p/{}.bin", fnv1a(t.shard_key().as_bytes()) % shards)],
            );
            sets.push(shard.get(&t.text()).cloned().unwrap_or_default());
        }
        for p in &query.prefixes {
            let key = tokens::shard_key(p);
            let shard =
                decode_shard(&files.files[&format!("p/{}.bin", fnv1a(key.as_bytes()) % shards)]);
            let mut ids: Vec<u32> = shard
                .iter()
                .filter(|(t, _)| t.starts_with(p.as_str()))
                .flat_map(|(_, ids)| ids.clone())
                .collect();
            ids.sort();
            ids.dedup();
            sets.push(ids);
        }
        let mut out = sets.first().cloned().unwrap_or_default();
        for s in &sets[1..] {
            out.retain(|id| s.contains(id));
        }
        out
    }

    #[test]
    fn queries_find_substrings_and_word_prefixes_newest_first() {
        let docs = vec![
            doc("a", "2025-01-01", "黄台路41号老旧住宅加装电梯 elevator"),
            doc("b", "2026-03-01", "口袋公园建设，电梯维修"),
            doc("c", "2025-06-01", "垃圾分类投放点 Elevated walkway"),
        ];
        let files = build(
            docs,
            &Options {
                shard_bytes: 8,
                ..Options::default()
            },
        );
        // Numbered newest first: b, c, a.
        assert_eq!(search(&files, "电梯"), vec![0, 2]);
        assert_eq!(search(&files, "加装电梯"), vec![2]);
        assert_eq!(search(&files, "口袋公园"), vec![0]);
        assert_eq!(search(&files, "投放点"), vec![1]);
        assert_eq!(search(&files, "ELEV"), vec![1, 2]);
        assert_eq!(search(&files, "梯"), vec![0, 2]);
        assert!(search(&files, "地铁").is_empty());
    }

    #[test]
    fn the_same_documents_give_the_same_bytes_in_any_order() {
        let docs = vec![
            doc("a", "2025-01-01", "加装电梯"),
            doc("b", "2026-03-01", "口袋公园"),
        ];
        let mut reversed = docs.clone();
        reversed.reverse();
        let a = build(docs, &Options::default());
        let b = build(reversed, &Options::default());
        assert_eq!(a.files, b.files);
    }

    #[test]
    fn postings_use_a_bitmap_when_it_is_smaller() {
        let dense: Vec<u32> = (0..1000).collect();
        let mut out = Vec::new();
        encode_postings(&mut out, &dense);
        assert!(out.len() < 140, "{}", out.len());
        let sparse = [3u32, 900];
        let mut out2 = Vec::new();
        encode_postings(&mut out2, &sparse);
        assert!(out2.len() < 6);
    }
}
