//! The secretary's daily tools (SPEC §6): `council init` for a new repository, `council
//! new` for a record that only needs its blanks filled, `council status` for what the
//! council still owes residents, and `council hook install` for a check before each commit.
//!
//! Records are written from templates with every value escaped as TOML; what the secretary
//! must fill in is marked `【请填写：…】` (and `check` reports any such mark left behind).
//! A file is never overwritten.

pub mod hook;
pub mod init;
pub mod new;
pub mod status;

use std::path::Path;

use crate::error::Error;
use crate::msg;

/// A TOML string literal for `s`.
pub fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Writes `text` to a new file `path`; refuses if anything is there.
pub fn create(path: &Path, text: &str) -> Result<(), Error> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::usage(msg!("record-exists", path))
            } else {
                Error::io(path, e)
            }
        })?;
    f.write_all(text.as_bytes()).map_err(|e| Error::io(path, e))
}
