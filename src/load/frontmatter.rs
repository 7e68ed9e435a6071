//! Splitting a record into its `+++` TOML front matter and its Markdown body.
//!
//! Offsets are kept so that a TOML error at byte 12 of the front matter is reported at the
//! right line of the whole file (Zola reports it relative to the block).

use std::ops::Range;

/// A record split in two; every range is a byte range of the whole text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The opening `+++` line.
    pub open: Range<usize>,
    /// The TOML between the delimiters.
    pub front: Range<usize>,
    /// The Markdown after the closing `+++` line.
    pub body: Range<usize>,
}

/// Why a text has no usable front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The first line is not `+++`. `yaml` when it is `---` (Zola and Hugo's YAML form).
    NotOpened { yaml: bool },
    /// The block opened on the first line is never closed.
    NotClosed { open: Range<usize> },
}

/// Splits `text` (BOM already removed). The delimiter lines may carry trailing spaces and a
/// `\r`.
pub fn split(text: &str) -> Result<Split, SplitError> {
    let mut lines = LineIter { text, pos: 0 };
    let Some((first, first_range)) = lines.next() else {
        return Err(SplitError::NotOpened { yaml: false });
    };
    if first.trim_end() != "+++" {
        return Err(SplitError::NotOpened {
            yaml: first.trim_end() == "---",
        });
    }
    let front_start = first_range.end;
    for (line, range) in lines {
        if line.trim_end() == "+++" {
            return Ok(Split {
                open: first_range.start..first_range.start + 3,
                front: front_start..range.start,
                body: range.end..text.len(),
            });
        }
    }
    Err(SplitError::NotClosed {
        open: first_range.start..first_range.start + 3,
    })
}

/// Lines with the byte range each spans, line ending included in the range.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (&'a str, Range<usize>);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let end = match self.text[start..].find('\n') {
            Some(i) => start + i + 1,
            None => self.text.len(),
        };
        self.pos = end;
        let line = self.text[start..end].trim_end_matches(['\n', '\r']);
        Some((line, start..end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_offsets_of_the_whole_file() {
        let t = "+++\ntitle = \"x\"\n+++\nbody\n";
        let s = split(t).unwrap();
        assert_eq!(&t[s.front.clone()], "title = \"x\"\n");
        assert_eq!(&t[s.body.clone()], "body\n");
        assert_eq!(s.open, 0..3);
    }

    #[test]
    fn accepts_crlf_and_trailing_spaces_on_delimiters() {
        let t = "+++  \r\na = 1\r\n+++\r\n\r\nbody";
        let s = split(t).unwrap();
        assert_eq!(&t[s.front.clone()], "a = 1\r\n");
        assert_eq!(&t[s.body.clone()], "\r\nbody");
    }

    #[test]
    fn an_empty_front_matter_is_still_front_matter() {
        let s = split("+++\n+++\n").unwrap();
        assert!(s.front.is_empty());
        assert!(s.body.is_empty());
    }

    #[test]
    fn reports_a_missing_or_unclosed_block() {
        assert_eq!(split(""), Err(SplitError::NotOpened { yaml: false }));
        assert_eq!(
            split("# title\n"),
            Err(SplitError::NotOpened { yaml: false })
        );
        assert_eq!(
            split("---\na: 1\n---\n"),
            Err(SplitError::NotOpened { yaml: true })
        );
        assert_eq!(
            split("+++\na = 1\n"),
            Err(SplitError::NotClosed { open: 0..3 })
        );
        // `++++` is not a delimiter.
        assert!(split("+++\na = 1\n++++\n").is_err());
    }
}
