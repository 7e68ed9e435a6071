//! Reading a street's published files: from a folder, or over HTTP(S) with `ureq` (rustls,
//! no native TLS). Every download has a connect timeout, a timeout for the whole exchange
//! and a size limit; redirects are followed by hand, at most five, and only to `http:` or
//! `https:` addresses.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use crate::i18n::Msg;
use crate::msg;

/// Limits of every download.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The whole exchange of one file, connecting included.
    pub timeout: Duration,
    /// The largest file read, in bytes.
    pub max_bytes: u64,
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum Failure {
    NotFound(String),
    Status(String, u16),
    Timeout(String),
    TooLarge(String, u64),
    Redirect(String, String),
    Unreachable(String, String),
}

impl Failure {
    pub fn msg(&self) -> Msg {
        match self {
            Failure::NotFound(at) => msg!("fetch-not-found", at),
            Failure::Status(at, status) => msg!("fetch-status", at, status = *status as i64),
            Failure::Timeout(at) => msg!("fetch-timeout", at),
            Failure::TooLarge(at, limit) => {
                msg!("fetch-too-large", at, mib = (*limit / (1024 * 1024)) as i64)
            }
            Failure::Redirect(at, to) => msg!("fetch-redirect", at, to),
            Failure::Unreachable(at, detail) => msg!("fetch-unreachable", at, detail),
        }
    }
}

/// Reads `rel` of a published copy in folder `dir`.
pub fn from_folder(dir: &Path, rel: &str, limits: &Limits) -> Result<Vec<u8>, Failure> {
    let path = dir.join(rel);
    let shown = path.display().to_string();
    let file = std::fs::File::open(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Failure::NotFound(shown.clone()),
        _ => Failure::Unreachable(shown.clone(), e.to_string()),
    })?;
    let meta = file
        .metadata()
        .map_err(|e| Failure::Unreachable(shown.clone(), e.to_string()))?;
    if !meta.is_file() {
        return Err(Failure::NotFound(shown));
    }
    if meta.len() > limits.max_bytes {
        return Err(Failure::TooLarge(shown, limits.max_bytes));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Unreachable(shown.clone(), e.to_string()))?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(Failure::TooLarge(shown, limits.max_bytes));
    }
    Ok(bytes)
}

/// An HTTP client for a harvest: one per run, shared by the threads.
pub struct Client {
    agent: ureq::Agent,
    limits: Limits,
}

impl Client {
    pub fn new(limits: Limits) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(limits.timeout.min(Duration::from_secs(10))))
            .timeout_global(Some(limits.timeout))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(concat!(
                "council/",
                env!("CARGO_PKG_VERSION"),
                " (aggregate)"
            ))
            .build();
        Client {
            agent: config.into(),
            limits,
        }
    }

    /// Fetches `url`, following redirects to HTTP(S) addresses only.
    pub fn get(&self, url: &str) -> Result<Vec<u8>, Failure> {
        let mut at = url.to_string();
        for _ in 0..=5 {
            let mut resp = self
                .agent
                .get(&at)
                .call()
                .map_err(|e| self.failure(&at, e))?;
            let status = resp.status().as_u16();
            if (300..400).contains(&status) {
                let Some(to) = resp.headers().get("location").and_then(|l| l.to_str().ok()) else {
                    return Err(Failure::Status(at, status));
                };
                let next = resolve(&at, to);
                if !super::config::is_http_url(&next) {
                    return Err(Failure::Redirect(at, to.chars().take(100).collect()));
                }
                at = next;
                continue;
            }
            if status == 404 || status == 410 {
                return Err(Failure::NotFound(at));
            }
            if !(200..300).contains(&status) {
                return Err(Failure::Status(at, status));
            }
            return resp
                .body_mut()
                .with_config()
                .limit(self.limits.max_bytes)
                .read_to_vec()
                .map_err(|e| self.failure(&at, e));
        }
        Err(Failure::Redirect(at, String::new()))
    }

    fn failure(&self, at: &str, e: ureq::Error) -> Failure {
        match e {
            ureq::Error::Timeout(_) => Failure::Timeout(at.into()),
            ureq::Error::BodyExceedsLimit(_) => Failure::TooLarge(at.into(), self.limits.max_bytes),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                Failure::Timeout(at.into())
            }
            e => Failure::Unreachable(at.into(), e.to_string()),
        }
    }
}

/// `to` (a `Location` header) read against the address `base`.
fn resolve(base: &str, to: &str) -> String {
    if to.contains("://") || to.starts_with("//") || to.contains(':') && !to.starts_with('/') {
        if let Some(rest) = to.strip_prefix("//") {
            let scheme = base.split("://").next().unwrap_or("https");
            return format!("{scheme}://{rest}");
        }
        return to.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    let host = rest.split('/').next().unwrap_or(rest);
    if to.starts_with('/') {
        return format!("{scheme}://{host}{to}");
    }
    let dir = match base.rfind('/') {
        Some(i) if i > scheme.len() + 2 => &base[..=i],
        _ => return format!("{scheme}://{host}/{to}"),
    };
    format!("{dir}{to}")
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn redirects_are_read_against_the_address() {
        let base = "http://127.0.0.1:8000/a/data/records.json";
        assert_eq!(resolve(base, "/b/x.json"), "http://127.0.0.1:8000/b/x.json");
        assert_eq!(
            resolve(base, "y.json"),
            "http://127.0.0.1:8000/a/data/y.json"
        );
        assert_eq!(resolve(base, "https://e.org/z"), "https://e.org/z");
        assert_eq!(resolve(base, "//e.org/z"), "http://e.org/z");
        assert_eq!(resolve(base, "file:///etc/passwd"), "file:///etc/passwd");
        assert_eq!(resolve(base, "javascript:alert(1)"), "javascript:alert(1)");
    }
}
