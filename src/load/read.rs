//! Reading one file of the site: only a regular file inside it (a symbolic link out of the
//! site is a finding, never opened), within the size limits, as UTF-8 text.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use super::{FoundFile, resolve_inside};
use crate::diag::{Diagnostic, Source};
use crate::rules;

/// The largest text file council reads as a source: a record, a translation, a content
/// page, a `.toml` file, a text attachment (2 MiB; long minutes are a few hundred kB). A
/// larger file is a `misplaced-file` finding and is not read, so that a stray export cannot
/// make a build take gigabytes of memory.
pub const MAX_TEXT_BYTES: u64 = 2 << 20;

/// The largest attachment or static file council publishes (50 MiB: a scanned PDF of signed
/// minutes is a few MB).
pub const MAX_FILE_BYTES: u64 = 50 << 20;

/// The file `rel` (relative to `root`) as a file council may read: a regular file, or a
/// symbolic link to a regular file inside the site. Anything else (a link out of the site,
/// a link to a folder, a device, a pipe) is a `misplaced-file` finding and is never opened.
pub fn file_inside(root: &Path, rel: &str) -> Result<FoundFile, Box<Diagnostic>> {
    let path = root.join(rel);
    let meta = fs::symlink_metadata(&path)
        .map_err(|e| rules::files::misplaced_file::unreadable(rel, &e))?;
    if meta.file_type().is_symlink() {
        return match resolve_inside(root, &path) {
            Some(target) if target.is_file() => Ok(FoundFile {
                rel: rel.to_string(),
                abs: target,
            }),
            Some(_) => Err(Box::new(
                rules::files::misplaced_file::symlink_not_followed(rel, true),
            )),
            None => Err(Box::new(
                rules::files::misplaced_file::symlink_not_followed(rel, false),
            )),
        };
    }
    if !meta.is_file() {
        return Err(Box::new(rules::files::misplaced_file::not_regular(rel)));
    }
    Ok(FoundFile {
        rel: rel.to_string(),
        abs: path,
    })
}

/// Reads a file as UTF-8 text (a leading BOM dropped). A file that is not UTF-8 becomes an
/// `invalid-utf8` finding pointing at the first bad byte; a file larger than
/// [`MAX_TEXT_BYTES`] or that is not a regular file, a `misplaced-file` finding.
pub fn read_source(file: &FoundFile) -> Result<Arc<Source>, Box<Diagnostic>> {
    let bytes = read_limited(file, MAX_TEXT_BYTES)?;
    source_from_bytes(&file.rel, bytes)
}

/// The bytes of `file`, when it is a regular file of at most `limit` bytes.
pub fn read_limited(file: &FoundFile, limit: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
    use std::io::Read;
    let unreadable =
        |e: std::io::Error| Box::new(rules::files::misplaced_file::unreadable(&file.rel, &e));
    let f = fs::File::open(&file.abs).map_err(unreadable)?;
    let meta = f.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Box::new(rules::files::misplaced_file::not_regular(
            &file.rel,
        )));
    }
    if meta.len() > limit {
        return Err(Box::new(rules::files::misplaced_file::too_large(
            &file.rel,
            meta.len(),
            limit,
        )));
    }
    // The file may grow while it is read: never take more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(Box::new(rules::files::misplaced_file::too_large(
            &file.rel,
            bytes.len() as u64,
            limit,
        )));
    }
    Ok(bytes)
}

/// The same as [`read_source`] for bytes from elsewhere (a git blob).
pub fn source_from_bytes(rel: &str, mut bytes: Vec<u8>) -> Result<Arc<Source>, Box<Diagnostic>> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source::new(rel, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            Err(Box::new(rules::files::invalid_utf8::diagnostic(
                rel, &bytes, valid,
            )))
        }
    }
}
