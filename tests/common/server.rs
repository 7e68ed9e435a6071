//! `council serve` as a child process, and plain HTTP/1.1 requests to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::TODAY;

pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(root: &std::path::Path) -> Server {
    start_in(root, "en")
}

/// `council serve` speaking `lang` (the overlay and the terminal lines).
pub fn start_in(root: &std::path::Path, lang: &str) -> Server {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("council"))
        .env("COUNCIL_LANG", lang)
        .args(["serve", "--port", "0", "--today", TODAY])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut line).unwrap();
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no URL in `{line}`"));
    // Keep reading stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || {
        let mut sink = String::new();
        while out.read_line(&mut sink).unwrap_or(0) > 0 {
            sink.clear();
        }
    });
    Server { child, port }
}

/// `GET path` with `Host: 127.0.0.1`: the status and the body.
pub fn get(port: u16, path: &str) -> (u16, String) {
    let (status, _, body) = get_host(port, path, "127.0.0.1");
    (status, body)
}

/// `GET path` with the `Host` header `host`: the status, the headers and the body.
pub fn get_host(port: u16, path: &str, host: &str) -> (u16, String, String) {
    raw(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

/// Sends `request` as it is; returns the status, the headers and the body.
pub fn raw(port: u16, request: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (status, head.to_string(), body.to_string())
}

/// Sends Ctrl-C (SIGINT) to the server and waits for it to exit successfully, at most
/// `limit`; returns how long it took.
#[cfg(unix)]
pub fn interrupt(server: &mut Server, limit: Duration) -> Duration {
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(server.child.id() as i32, libc::SIGINT) };
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            return started.elapsed();
        }
        assert!(
            started.elapsed() < limit,
            "still running {:?} after Ctrl-C",
            started.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
