//! Rules about files as files: where they are, whether they are text, whether they open
//! with front matter and whether that is valid TOML. All fire while files are read.

pub mod front_matter_missing;
pub mod invalid_utf8;
pub mod misplaced_file;
pub mod toml_syntax;
