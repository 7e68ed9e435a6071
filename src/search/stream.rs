//! The same index as [`super::build`], made from documents given one at a time in their
//! final order (newest first), so that the documents are never all held: a city of a
//! million matters (issue 16) streams its streets' documents through it. Tables are handed
//! out as they fill; the postings, delta-encoded as they grow, are the only state, and the
//! shards are made from them at the end. The groups must be known up front (a city's
//! streets), since each table row names its group by its index in the sorted list.
//!
//! For the same documents in the same order and the same groups, the files are byte for
//! byte those of [`super::build`] (a test below holds the two together).

use std::collections::HashMap;

use super::tokens::{self, Term};
use super::{Document, FastMap, IndexFiles, Meta, Options, VERSION, fnv1a, json, leb128};

/// One term's postings as they grow: ascending document numbers as LEB128 deltas.
#[derive(Default)]
struct Growing {
    deltas: Vec<u8>,
    last: u32,
    count: u32,
}

impl Growing {
    fn push(&mut self, id: u32) {
        let d = if self.count == 0 { id } else { id - self.last };
        leb128(&mut self.deltas, d as u64);
        self.last = id;
        self.count += 1;
    }

    /// `(len << 1) | bitmap`, then the deltas or a bitmap, whichever is smaller (as
    /// `encode_postings`).
    fn encode(&self, out: &mut Vec<u8>) {
        let bitmap_len = if self.count == 0 {
            0
        } else {
            self.last as usize / 8 + 1
        };
        if bitmap_len < self.deltas.len() {
            let mut bits = vec![0u8; bitmap_len];
            let (mut at, mut id) = (0, 0u32);
            for i in 0..self.count {
                let (mut v, mut shift) = (0u64, 0);
                loop {
                    let b = self.deltas[at];
                    at += 1;
                    v |= ((b & 0x7f) as u64) << shift;
                    if b & 0x80 == 0 {
                        break;
                    }
                    shift += 7;
                }
                id = if i == 0 { v as u32 } else { id + v as u32 };
                bits[id as usize / 8] |= 1 << (id % 8);
            }
            leb128(out, ((bits.len() as u64) << 1) | 1);
            out.extend_from_slice(&bits);
        } else {
            leb128(out, (self.deltas.len() as u64) << 1);
            out.extend_from_slice(&self.deltas);
        }
    }
}

/// An index made one document at a time.
pub struct Stream {
    opts: Options,
    /// Per language: the sorted groups and their indices.
    groups: Vec<(Vec<String>, HashMap<String, usize>)>,
    han: FastMap<u64, Growing>,
    words: HashMap<String, Growing>,
    /// Per language, the rows of the table being filled.
    rows: Vec<Vec<serde_json::Value>>,
    docs: usize,
    scratch: (Vec<u64>, Vec<String>),
}

impl Stream {
    /// `groups[i]`: every group a result may name in language `opts.languages[i]`.
    pub fn new(opts: Options, groups: Vec<Vec<String>>) -> Stream {
        let groups = opts
            .languages
            .iter()
            .enumerate()
            .map(|(li, _)| {
                let mut g = groups.get(li).cloned().unwrap_or_default();
                g.sort();
                g.dedup();
                let index = g.iter().enumerate().map(|(i, s)| (s.clone(), i)).collect();
                (g, index)
            })
            .collect();
        let n = opts.languages.len();
        Stream {
            opts,
            groups,
            han: FastMap::default(),
            words: HashMap::new(),
            rows: vec![Vec::new(); n],
            docs: 0,
            scratch: (Vec::new(), Vec::new()),
        }
    }

    /// Adds the next document (newest first, as [`super::build`] orders them); `emit` gets
    /// each table as soon as it is full.
    pub fn add(&mut self, doc: &Document, emit: &mut impl FnMut(String, Vec<u8>)) {
        let id = self.docs as u32;
        self.docs += 1;
        let (han, words) = &mut self.scratch;
        han.clear();
        words.clear();
        tokens::index_terms(&doc.text, han, words);
        for k in han.iter() {
            self.han.entry(*k).or_default().push(id);
        }
        for w in words.drain(..) {
            self.words.entry(w).or_default().push(id);
        }
        for (li, lang) in self.opts.languages.iter().enumerate() {
            let row = match doc.entries.get(li).or(doc.entries.first()) {
                Some(e) => serde_json::json!([
                    e.url,
                    e.title,
                    e.kind,
                    e.group.as_deref().and_then(|g| self.groups[li].1.get(g)),
                    e.state,
                    e.date
                ]),
                None => serde_json::Value::Null,
            };
            self.rows[li].push(row);
            if self.rows[li].len() == self.opts.chunk.max(1) {
                let k = (self.docs - 1) / self.opts.chunk.max(1);
                emit(
                    format!("d/{lang}/{k}.json"),
                    json(&std::mem::take(&mut self.rows[li])),
                );
            }
        }
    }

    /// The documents added so far.
    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// The rest of the files: the last tables, the groups, the shards and `meta.json`.
    pub fn finish(mut self, emit: &mut impl FnMut(String, Vec<u8>)) {
        let chunk = self.opts.chunk.max(1);
        for (li, lang) in self.opts.languages.iter().enumerate() {
            if !self.rows[li].is_empty() {
                let k = (self.docs - 1) / chunk;
                emit(
                    format!("d/{lang}/{k}.json"),
                    json(&std::mem::take(&mut self.rows[li])),
                );
            }
            emit(format!("d/{lang}/g.json"), json(&self.groups[li].0));
        }
        let mut terms: Vec<(String, Term, Growing)> = self
            .han
            .drain()
            .map(|(k, g)| {
                let t = Term::unpack(k);
                (t.text(), t, g)
            })
            .chain(
                self.words
                    .drain()
                    .map(|(w, g)| (w.clone(), Term::Word(w), g)),
            )
            .collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let encoded: Vec<(u32, Vec<u8>)> = terms
            .into_iter()
            .map(|(text, term, g)| {
                let mut out = Vec::new();
                leb128(&mut out, text.len() as u64);
                out.extend_from_slice(text.as_bytes());
                g.encode(&mut out);
                (fnv1a(term.shard_key().as_bytes()), out)
            })
            .collect();
        let total: usize = encoded.iter().map(|(_, b)| b.len()).sum();
        let shards = total
            .div_ceil(self.opts.shard_bytes.max(1))
            .next_power_of_two()
            .clamp(1, self.opts.max_shards.max(1));
        let mut by_shard: Vec<Vec<u8>> = vec![Vec::new(); shards];
        let mut counts = vec![0u64; shards];
        for (h, bytes) in &encoded {
            let k = *h as usize % shards;
            by_shard[k].extend_from_slice(bytes);
            counts[k] += 1;
        }
        drop(encoded);
        for (k, body) in by_shard.into_iter().enumerate() {
            let mut out = Vec::with_capacity(body.len() + 4);
            leb128(&mut out, counts[k]);
            out.extend_from_slice(&body);
            emit(format!("p/{k}.bin"), out);
        }
        let meta = Meta {
            version: VERSION,
            docs: self.docs,
            shards,
            chunk,
            languages: &self.opts.languages,
        };
        emit("meta.json".into(), json(&meta));
    }
}

/// Builds the index of `docs` (already in order) in one go: for tests.
pub fn all(docs: &[Document], opts: &Options, groups: Vec<Vec<String>>) -> IndexFiles {
    let mut files = std::collections::BTreeMap::new();
    let mut emit = |path: String, bytes: Vec<u8>| {
        files.insert(path, bytes);
    };
    let mut s = Stream::new(opts.clone(), groups);
    for d in docs {
        s.add(d, &mut emit);
    }
    s.finish(&mut emit);
    IndexFiles { files }
}

#[cfg(test)]
mod tests {
    use super::super::{Entry, build};
    use super::*;

    #[test]
    fn a_streamed_index_is_byte_for_byte_the_built_one() {
        let texts = [
            "黄台路41号老旧住宅加装电梯 elevator",
            "口袋公园建设，电梯维修",
            "垃圾分类投放点 Elevated walkway",
            "楼道照明改造 lighting",
            "树枝修剪",
        ];
        let docs: Vec<Document> = (0..250)
            .map(|i| Document {
                text: format!("{} {}", texts[i % texts.len()], i),
                entries: ["zh", "en"]
                    .iter()
                    .map(|l| Entry {
                        url: format!("https://s{}.example.org/{l}/m/{i:03}/", i % 3),
                        title: format!("{l}{i}"),
                        kind: "matter".into(),
                        group: Some(format!("street {}", i % 3)),
                        state: Some("adopted".into()),
                        date: Some(format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                    })
                    .collect(),
            })
            .collect();
        let opts = Options {
            languages: vec!["zh".into(), "en".into()],
            shard_bytes: 512,
            ..Options::default()
        };
        let built = build(docs.clone(), &opts);
        let mut ordered = docs;
        ordered.sort_by(|a, b| {
            let (x, y) = (&a.entries[0], &b.entries[0]);
            y.date.cmp(&x.date).then_with(|| x.url.cmp(&y.url))
        });
        let groups: Vec<Vec<String>> = vec![(0..3).map(|i| format!("street {i}")).collect(); 2];
        let streamed = all(&ordered, &opts, groups);
        assert_eq!(
            built.files.keys().collect::<Vec<_>>(),
            streamed.files.keys().collect::<Vec<_>>()
        );
        for (k, v) in &built.files {
            assert!(streamed.files[k] == *v, "{k} differs");
        }
    }
}
