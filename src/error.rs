//! Failures of the tool itself (exit code 2), as opposed to findings in the records
//! (`diag`), which never stop a run. Their words are messages ([`Msg`]), shown in the
//! language of the run.

use std::path::PathBuf;

use crate::i18n::{Lang, Msg};
use crate::msg;

#[derive(Debug)]
pub enum Error {
    /// No `site.toml` in the folder or any parent.
    NoSite { start: PathBuf },
    /// A path given on the command line cannot be used.
    Path { path: PathBuf, reason: Msg },
    /// An argument that does not make sense (a bad date, an unknown rule or council).
    Usage { message: Msg, help: Option<Msg> },
    /// Reading or writing failed.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Anything else that stops a command.
    Other { message: Msg, help: Option<Msg> },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn usage(message: Msg) -> Error {
        Error::Usage {
            message,
            help: None,
        }
    }

    pub fn other(message: Msg) -> Error {
        Error::Other {
            message,
            help: None,
        }
    }

    /// The same error with one concrete action that fixes it.
    pub fn help(self, h: Msg) -> Error {
        match self {
            Error::Usage { message, .. } => Error::Usage {
                message,
                help: Some(h),
            },
            Error::Other { message, .. } => Error::Other {
                message,
                help: Some(h),
            },
            other => other,
        }
    }

    /// The error in `lang`, its help on a line of its own (`  = help: …`).
    pub fn render(&self, lang: Lang) -> String {
        let (message, help) = match self {
            Error::NoSite { start } => (
                msg!("error-no-site", path = start),
                Some(msg!("error-no-site-help")),
            ),
            Error::Path { path, reason } => (msg!("error-path", path, reason), None),
            Error::Usage { message, help } | Error::Other { message, help } => {
                (message.clone(), help.clone())
            }
            Error::Io { path, source } => (msg!("error-io", path, why = io_reason(source)), None),
        };
        let mut out = message.render(lang);
        if let Some(h) = help {
            out.push_str(&msg!("error-help-line", help = h).render(lang));
        }
        out
    }
}

/// Why reading or writing failed, in words: the common cases translated, others as the
/// system says them.
pub fn io_reason(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => msg!("io-not-found"),
        ErrorKind::PermissionDenied => msg!("io-permission-denied"),
        ErrorKind::AlreadyExists => msg!("io-exists"),
        ErrorKind::IsADirectory => msg!("io-is-a-folder"),
        ErrorKind::NotADirectory => msg!("io-not-a-folder"),
        ErrorKind::StorageFull => msg!("io-disk-full"),
        _ => msg!("io-other", detail = e.to_string()),
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Error {}
