//! How text becomes terms, on both sides: the index (here) and the query (`search.js` in the
//! default theme does exactly the same, and a test holds the two together).
//!
//! - Text is folded first: full-width ASCII (`ＡＢＣ１２３`) becomes ASCII, ASCII letters
//!   lowercase.
//! - A run of Han characters gives every single character and every pair of neighbours
//!   (bigram): any substring of two or more characters is then found by the bigrams that
//!   cover it, a single character by its own entry.
//! - A run of ASCII letters and digits is a word, found by any prefix of it (the index keeps
//!   whole words; shards group words by their first two characters, see [`shard_key`]).
//! - Everything else separates.

/// A term of the index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Term {
    /// One Han character.
    Han(char),
    /// Two neighbouring Han characters.
    Pair(char, char),
    /// An ASCII word, lowercase.
    Word(String),
}

impl Term {
    /// The term as stored in a shard: its UTF-8 text.
    pub fn text(&self) -> String {
        match self {
            Term::Han(c) => c.to_string(),
            Term::Pair(a, b) => format!("{a}{b}"),
            Term::Word(w) => w.clone(),
        }
    }

    /// What decides the term's shard: the term itself, or a word's first two characters (so
    /// that every word a prefix query can mean is in one shard).
    pub fn shard_key(&self) -> String {
        match self {
            Term::Word(w) => shard_key(w),
            t => t.text(),
        }
    }

    /// A compact key for counting (Han terms only).
    pub(crate) fn packed(&self) -> Option<u64> {
        match self {
            Term::Han(c) => Some(*c as u64),
            Term::Pair(a, b) => Some((1 << 42) | ((*a as u64) << 21) | *b as u64),
            Term::Word(_) => None,
        }
    }

    pub(crate) fn unpack(key: u64) -> Term {
        let c = |v: u64| char::from_u32((v & 0x1F_FFFF) as u32).unwrap_or('\u{FFFD}');
        if key >> 42 == 1 {
            Term::Pair(c(key >> 21), c(key))
        } else {
            Term::Han(c(key))
        }
    }
}

/// The shard key of a word: its first two characters.
pub fn shard_key(word: &str) -> String {
    word.chars().take(2).collect()
}

/// Whether `c` is a Han character (CJK Unified Ideographs and their extensions, the
/// compatibility block, and 〇).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

/// Full-width ASCII to ASCII, ASCII letters to lowercase.
pub fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Calls `han` with each run of Han characters and `word` with each ASCII word of `text`.
pub fn runs(text: &str, mut han: impl FnMut(&[char]), mut word: impl FnMut(&str)) {
    let mut run: Vec<char> = Vec::new();
    let mut w = String::new();
    for c in text.chars().map(fold).chain(std::iter::once(' ')) {
        if is_han(c) {
            if !w.is_empty() {
                word(&w);
                w.clear();
            }
            run.push(c);
        } else {
            if !run.is_empty() {
                han(&run);
                run.clear();
            }
            if c.is_ascii_alphanumeric() {
                w.push(c);
            } else if !w.is_empty() {
                word(&w);
                w.clear();
            }
        }
    }
}

/// Every term of `text`, each once (in no particular order): what the index stores.
pub fn index_terms(text: &str, han: &mut Vec<u64>, words: &mut Vec<String>) {
    runs(
        text,
        |run| {
            for (i, &c) in run.iter().enumerate() {
                han.push(Term::Han(c).packed().expect("han"));
                if let Some(&d) = run.get(i + 1) {
                    han.push(Term::Pair(c, d).packed().expect("pair"));
                }
            }
        },
        |w| words.push(w.to_string()),
    );
    han.sort_unstable();
    han.dedup();
    words.sort_unstable();
    words.dedup();
    // A build holds every document's terms at once: not the room their repeats took.
    han.shrink_to_fit();
    words.shrink_to_fit();
}

/// What a query looks for: Han terms that must all be present (a lone character, or the
/// bigrams that cover a longer run: the first, every second one, and the last), and word
/// prefixes that must each match some word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub prefixes: Vec<String>,
}

pub fn query(text: &str) -> Query {
    let mut q = Query::default();
    runs(
        text,
        |run| {
            if run.len() == 1 {
                q.terms.push(Term::Han(run[0]));
                return;
            }
            let mut i = 0;
            while i + 1 < run.len() {
                q.terms.push(Term::Pair(run[i], run[i + 1]));
                i += 2;
            }
            if run.len() % 2 == 1 {
                q.terms
                    .push(Term::Pair(run[run.len() - 2], run[run.len() - 1]));
            }
        },
        |w| q.prefixes.push(w.to_string()),
    );
    q.terms.sort();
    q.terms.dedup();
    q.prefixes.sort();
    q.prefixes.dedup();
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let (mut han, mut words) = (Vec::new(), Vec::new());
        index_terms(text, &mut han, &mut words);
        let mut out: Vec<String> = han.into_iter().map(|k| Term::unpack(k).text()).collect();
        out.extend(words);
        out.sort();
        out
    }

    #[test]
    fn han_runs_give_characters_and_pairs_and_ascii_gives_words() {
        assert_eq!(
            terms("加装电梯 Elevator-2025，３号楼"),
            [
                "2025", "3", "elevator", "加", "加装", "号", "号楼", "梯", "楼", "电", "电梯",
                "装", "装电"
            ]
        );
    }

    #[test]
    fn queries_cover_a_run_with_as_few_pairs_as_possible() {
        let q = query("口袋公园");
        assert_eq!(
            q.terms,
            vec![Term::Pair('公', '园'), Term::Pair('口', '袋')]
        );
        let q = query("垃圾分类投放点");
        let texts: Vec<String> = q.terms.iter().map(Term::text).collect();
        assert_eq!(texts, ["分类", "垃圾", "投放", "放点"]);
        let q = query("梯 Elev");
        assert_eq!(q.terms, vec![Term::Han('梯')]);
        assert_eq!(q.prefixes, ["elev"]);
    }

    #[test]
    fn packed_keys_round_trip() {
        for t in [Term::Han('电'), Term::Pair('电', '梯'), Term::Han('𠀀')] {
            assert_eq!(Term::unpack(t.packed().unwrap()), t);
        }
    }
}
