//! Attachments: the files beside the records (`councils/…/files/`) and the content pages
//! that are published as they are. Only types that cannot run script on the site's origin
//! are published (SPEC §5 `misplaced-file`): PDF, PNG, JPEG, GIF and WebP by their first
//! bytes, plain text, and SVG, which is published sanitised (see `crate::svg`). An HTML page,
//! a Word document or a text file saved as a record is reported, not published.

use std::io::Read;

use super::FoundFile;
use crate::diag::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use crate::rules::files::misplaced_file;

/// What kind of attachment a file is, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachmentKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    /// Parsed and written again from an allow-list.
    Svg,
    /// UTF-8 text (`.txt`, `.csv`, `.tsv`, `.json`), scanned for personal data.
    Text,
}

/// The extensions published, for messages.
pub const ALLOWED: &str = "pdf, png, jpg, jpeg, gif, webp, svg, txt, csv, tsv, json";

impl AttachmentKind {
    /// The kind of the file `name`, or `None` when it is not published.
    pub fn of(name: &str) -> Option<AttachmentKind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "pdf" => AttachmentKind::Pdf,
            "png" => AttachmentKind::Png,
            "jpg" | "jpeg" => AttachmentKind::Jpeg,
            "gif" => AttachmentKind::Gif,
            "webp" => AttachmentKind::Webp,
            "svg" => AttachmentKind::Svg,
            "txt" | "csv" | "tsv" | "json" => AttachmentKind::Text,
            _ => return None,
        })
    }

    /// Whether it is read as text (and scanned for personal data).
    pub fn is_text(self) -> bool {
        matches!(self, AttachmentKind::Svg | AttachmentKind::Text)
    }

    fn words(self) -> Msg {
        match self {
            AttachmentKind::Pdf => msg!("kind-pdf"),
            AttachmentKind::Png => msg!("kind-png"),
            AttachmentKind::Jpeg => msg!("kind-jpeg"),
            AttachmentKind::Gif => msg!("kind-gif"),
            AttachmentKind::Webp => msg!("kind-webp"),
            AttachmentKind::Svg => msg!("kind-svg"),
            AttachmentKind::Text => msg!("kind-text"),
        }
    }

    /// Whether a binary file's first bytes are those of its kind (a `.png` that holds
    /// HTML would be taken for a page by a browser that sniffs).
    fn matches(self, head: &[u8]) -> bool {
        match self {
            // The PDF header may follow some bytes of junk (the format allows 1 kB).
            AttachmentKind::Pdf => head.windows(5).any(|w| w == b"%PDF-"),
            AttachmentKind::Png => head.starts_with(b"\x89PNG\r\n\x1a\n"),
            AttachmentKind::Jpeg => head.starts_with(b"\xff\xd8\xff"),
            AttachmentKind::Gif => head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a"),
            AttachmentKind::Webp => {
                head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP"
            }
            AttachmentKind::Svg | AttachmentKind::Text => true,
        }
    }
}

/// Checks a binary attachment's size and first bytes; `Err` holds the finding.
pub fn check_binary(file: &FoundFile, kind: AttachmentKind) -> Result<(), Box<Diagnostic>> {
    let unreadable = |e: std::io::Error| Box::new(misplaced_file::unreadable(&file.rel, &e));
    let f = std::fs::File::open(&file.abs).map_err(unreadable)?;
    let len = f.metadata().map_err(unreadable)?.len();
    if len > super::MAX_FILE_BYTES {
        return Err(Box::new(misplaced_file::too_large(
            &file.rel,
            len,
            super::MAX_FILE_BYTES,
        )));
    }
    let mut head = Vec::with_capacity(1024);
    f.take(1024).read_to_end(&mut head).map_err(unreadable)?;
    if !kind.matches(&head) {
        return Err(Box::new(misplaced_file::wrong_content(
            &file.rel,
            kind.words(),
        )));
    }
    Ok(())
}
