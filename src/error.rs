//! Failures of the tool itself (exit code 2), as opposed to findings in the records
//! (`diag`), which never stop a run.

use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// No `site.toml` in the folder or any parent.
    NoSite { start: PathBuf },
    /// A path given on the command line cannot be used.
    Path { path: PathBuf, reason: String },
    /// An argument that does not make sense (a bad date, an unknown rule or council).
    Usage(String),
    /// Reading or writing failed.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Anything else that stops a command, with the words to show.
    Other(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NoSite { start } => write!(
                f,
                "no site.toml in `{}` or any folder above it\n  = help: run council in the folder of your records (the one holding site.toml), or create one with `council init`",
                start.display()
            ),
            Error::Path { path, reason } => write!(f, "cannot use `{}`: {reason}", path.display()),
            Error::Usage(msg) => f.write_str(msg),
            Error::Io { path, source } => write!(f, "`{}`: {source}", path.display()),
            Error::Other(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
