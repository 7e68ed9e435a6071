//! Issue 11: a real browser (headless Chromium, driven over the DevTools protocol on a pipe)
//! opens every page and every attachment the hostile fixture site publishes, and no script
//! from the records runs. The records try every way to run script that we know of: tags,
//! event handlers, `javascript:` and `data:` addresses, SVG scripts, animations and
//! `<foreignObject>`, mutation-XSS, text attachments holding HTML. Each payload would write to
//! the console, change `document.title`, open a dialog or fetch a `/pwned…` address; the test
//! listens for all four. Skips without chromium unless `COUNCIL_REQUIRE_BROWSER` is set.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

/// A static file server for `root` on a free port, with the content types a web server
/// gives; every path asked for is logged.
fn serve(root: PathBuf, log: Arc<Mutex<Vec<String>>>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let (root, log) = (root.clone(), log.clone());
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                }
                let path = line.split(' ').nth(1).unwrap_or("/").to_string();
                log.lock().unwrap().push(path.clone());
                let path = path.split(['?', '#']).next().unwrap();
                let path = council::rules::content::broken_link::percent_decode(path);
                let mut file = root.join(path.trim_start_matches('/'));
                if file.is_dir() {
                    file = file.join("index.html");
                }
                let (status, body) = match std::fs::read(&file) {
                    Ok(b) if !path.contains("..") => ("200 OK", b),
                    _ => ("404 Not Found", b"not found".to_vec()),
                };
                let ty = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html; charset=utf-8",
                    Some("css") => "text/css",
                    Some("svg") => "image/svg+xml",
                    Some("xml") => "application/xml",
                    Some("json") => "application/json",
                    Some("txt") => "text/plain; charset=utf-8",
                    Some("csv") => "text/csv; charset=utf-8",
                    _ => "application/octet-stream",
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: {ty}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(&body);
            });
        }
    });
    port
}

/// Chromium driven over `--remote-debugging-pipe`: JSON messages ending in a NUL byte, on
/// file descriptors 3 (to the browser) and 4 (from it).
struct Browser {
    child: std::process::Child,
    to: std::fs::File,
    from: Receiver<Value>,
    next: u64,
    session: String,
    /// Events that arrived while waiting for replies.
    events: Vec<Value>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn launch(chrome: &Path, profile: &Path) -> Browser {
        use std::os::fd::{FromRawFd, RawFd};
        use std::os::unix::process::CommandExt;
        let pipe = || {
            let mut fds = [0 as RawFd; 2];
            // SAFETY: `pipe2` fills the two descriptors; both are owned below.
            assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
            fds
        };
        let (to_browser, from_browser) = (pipe(), pipe());
        let (child_in, child_out) = (to_browser[0], from_browser[1]);
        let mut cmd = std::process::Command::new(chrome);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-pipe",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                // Out of the way first (a pipe may already be 3 or 4), then into place.
                let a = libc::fcntl(child_in, libc::F_DUPFD, 10);
                let b = libc::fcntl(child_out, libc::F_DUPFD, 10);
                if a < 0 || b < 0 || libc::dup2(a, 3) < 0 || libc::dup2(b, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("chromium starts");
        // SAFETY: the parent's ends, owned from here on; the child's ends are closed here.
        let (to, mut from) = unsafe {
            libc::close(child_in);
            libc::close(child_out);
            (
                std::fs::File::from_raw_fd(to_browser[1]),
                std::fs::File::from_raw_fd(from_browser[0]),
            )
        };
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let mut chunk = [0u8; 65536];
            while let Ok(n) = from.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                buf.extend_from_slice(&chunk[..n]);
                while let Some(end) = buf.iter().position(|b| *b == 0) {
                    let msg: Vec<u8> = buf.drain(..=end).collect();
                    if let Ok(v) = serde_json::from_slice(&msg[..msg.len() - 1])
                        && tx.send(v).is_err()
                    {
                        return;
                    }
                }
            }
        });
        let mut b = Browser {
            child,
            to,
            from: rx,
            next: 0,
            session: String::new(),
            events: Vec::new(),
        };
        let target = b.call("Target.createTarget", json!({"url": "about:blank"}), false);
        let id = target["targetId"].as_str().unwrap().to_string();
        let attached = b.call(
            "Target.attachToTarget",
            json!({"targetId": id, "flatten": true}),
            false,
        );
        b.session = attached["sessionId"].as_str().unwrap().to_string();
        for domain in ["Runtime.enable", "Page.enable", "Log.enable"] {
            b.call(domain, json!({}), true);
        }
        b
    }

    /// Sends a command (to the page's session when `page`) and waits for its reply.
    fn call(&mut self, method: &str, params: Value, page: bool) -> Value {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if page {
            msg["sessionId"] = json!(self.session);
        }
        let mut bytes = serde_json::to_vec(&msg).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.from.recv_timeout(left) {
                Ok(v) if v["id"] == json!(id) => {
                    assert!(v.get("error").is_none(), "{method}: {v}");
                    return v["result"].clone();
                }
                Ok(v) => self.event(v),
                Err(RecvTimeoutError::Timeout) => panic!("{method}: no reply in 30 s"),
                Err(RecvTimeoutError::Disconnected) => panic!("{method}: chromium went away"),
            }
        }
    }

    /// Keeps an event; a dialog (`alert`) is dismissed so the page goes on.
    fn event(&mut self, v: Value) {
        if v["method"] == "Page.javascriptDialogOpening" {
            let mut msg = json!({"id": 0, "method": "Page.handleJavaScriptDialog",
                "params": {"accept": true}, "sessionId": self.session});
            self.next += 1;
            msg["id"] = json!(self.next);
            let mut bytes = serde_json::to_vec(&msg).unwrap();
            bytes.push(0);
            let _ = self.to.write_all(&bytes);
        }
        self.events.push(v);
    }

    /// Opens `url`, waits for it to load and settle; returns its title and what happened
    /// that only a script can do.
    fn visit(&mut self, url: &str) -> (String, Vec<String>) {
        self.events.clear();
        self.call("Page.navigate", json!({"url": url}), true);
        let deadline = Instant::now() + Duration::from_secs(15);
        let mut loaded = None;
        loop {
            if self
                .events
                .iter()
                .any(|e| e["method"] == "Page.loadEventFired")
                && loaded.is_none()
            {
                loaded = Some(Instant::now());
            }
            // Timers and handlers get half a second after the load.
            if loaded.is_some_and(|t| t.elapsed() > Duration::from_millis(500))
                || Instant::now() > deadline
            {
                break;
            }
            match self.from.recv_timeout(Duration::from_millis(50)) {
                Ok(v) => self.event(v),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => panic!("chromium went away"),
            }
        }
        let title = self.call(
            "Runtime.evaluate",
            json!({"expression": "document.title", "returnByValue": true}),
            true,
        )["result"]["value"]
            .as_str()
            .unwrap_or("")
            .to_string();
        let ran = self
            .events
            .iter()
            .filter_map(|e| match e["method"].as_str()? {
                "Runtime.consoleAPICalled" => Some(format!("console: {}", e["params"]["args"])),
                "Runtime.exceptionThrown" => {
                    Some(format!("exception: {}", e["params"]["exceptionDetails"]))
                }
                "Page.javascriptDialogOpening" => {
                    Some(format!("dialog: {}", e["params"]["message"]))
                }
                _ => None,
            })
            .collect();
        (title, ran)
    }
}

#[test]
fn no_script_from_a_hostile_site_runs_in_a_real_browser() {
    let Some(chrome) = chromium() else {
        assert!(
            std::env::var_os("COUNCIL_REQUIRE_BROWSER").is_none(),
            "chromium is required here (COUNCIL_REQUIRE_BROWSER is set) but not installed"
        );
        eprintln!("SKIPPED: chromium is not installed (apt-get install chromium)");
        return;
    };
    let site = site(&["sites/hostile"]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, stderr) = build(site.path(), &public);
    assert_eq!(code, 0, "{stderr}");
    let log = Arc::new(Mutex::new(Vec::new()));
    let port = serve(public.clone(), log.clone());
    let profile = tempfile::tempdir().unwrap();
    let mut browser = Browser::launch(&chrome, profile.path());

    // Every page, and every attachment beside the records and the content pages.
    let mut urls: Vec<String> = tree(&public)
        .into_keys()
        .filter(|rel| {
            rel.ends_with(".html")
                || rel.contains("/files/")
                || !(rel.starts_with('.') || rel.contains('/') || rel.ends_with(".xml"))
        })
        .collect();
    urls.sort();
    assert!(urls.iter().any(|u| u.ends_with("files/plan.svg")));
    assert!(urls.iter().any(|u| u.ends_with("files/notes.txt")));
    assert!(urls.iter().any(|u| u == "about/index.html"));
    let mut problems = Vec::new();
    for rel in &urls {
        let url = format!("http://127.0.0.1:{port}/{rel}");
        let (title, ran) = browser.visit(&url);
        if title.contains("PWNED") {
            problems.push(format!("{rel}: document.title became `{title}`"));
        }
        problems.extend(ran.into_iter().map(|r| format!("{rel}: {r}")));
    }
    let fetched: Vec<String> = log
        .lock()
        .unwrap()
        .iter()
        .filter(|p| p.to_ascii_lowercase().contains("pwned"))
        .cloned()
        .collect();
    problems.extend(
        fetched
            .into_iter()
            .map(|p| format!("the page made the browser fetch {p}")),
    );
    eprintln!("{} pages and attachments opened", urls.len());
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The listener itself works: an unsanitised page with each payload trips it, so the test
/// above cannot pass by not listening.
#[test]
fn the_browser_test_sees_a_script_that_runs() {
    let Some(chrome) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.html"),
        "<title>t</title><img src=x onerror=\"document.title='PWNED';console.log('PWNED');fetch('/pwned-x')\">",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert('PWNED')\"/>",
    )
    .unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let port = serve(dir.path().to_path_buf(), log.clone());
    let profile = tempfile::tempdir().unwrap();
    let mut browser = Browser::launch(&chrome, profile.path());
    let (title, ran) = browser.visit(&format!("http://127.0.0.1:{port}/bad.html"));
    assert_eq!(title, "PWNED");
    assert!(ran.iter().any(|r| r.starts_with("console:")), "{ran:?}");
    let (_, ran) = browser.visit(&format!("http://127.0.0.1:{port}/bad.svg"));
    assert!(ran.iter().any(|r| r.starts_with("dialog:")), "{ran:?}");
    assert!(log.lock().unwrap().iter().any(|p| p == "/pwned-x"));
}
