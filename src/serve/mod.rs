//! `council serve` (SPEC §6): a live preview for secretaries. The site is built in memory
//! and served on 127.0.0.1 (another interface only when asked with `--bind`); a watcher
//! ([`watch`]) applies each change incrementally (see [`workspace`]) and tells open pages
//! to reload over server-sent events. While the records have errors, every page carries an overlay listing
//! them as `check` words them, over the last good build. Nothing is ever written: not into
//! `public/`, not into the sources.
//!
//! A preview shows records that are not published yet, so it answers only requests meant for
//! it: a `Host` that is an IP address or `localhost` (a web page cannot reach it through a
//! name of its own, "DNS rebinding"). A connection that does not send its request headers
//! within [`HEADER_TIMEOUT`], or stays idle that long between requests, is closed; at most
//! [`MAX_CONNECTIONS`] are open at once. Ctrl-C ends open reload streams and stops the
//! server within a second. Pages render with no lock held: a slow page never makes another
//! request wait.

mod watch;
mod workspace;

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use jiff::civil::Date;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::diag::render;
use crate::error::Error;
use crate::i18n::Lang;
use crate::msg;
use crate::site::theme::escape_html;
pub use workspace::Workspace;

/// The path open pages listen on for reload events.
pub const EVENTS: &str = "/__council/events";
/// The port tried first.
pub const DEFAULT_PORT: u16 = 1111;
/// How long a connection may take to send a request's headers, or stay idle between requests.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How many connections may be open at once; more are closed at once.
pub const MAX_CONNECTIONS: usize = 128;
/// How long open connections get to finish after Ctrl-C.
const GRACE: Duration = Duration::from_millis(300);

#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub path: PathBuf,
    /// `None`: the default port, or a free one when it is taken. `Some(0)`: any free port.
    pub port: Option<u16>,
    pub bind: IpAddr,
    pub today: Option<Date>,
    /// The language of the terminal lines and of the error overlay.
    pub lang: Lang,
}

struct Shared {
    ws: Mutex<Workspace>,
    reload: broadcast::Sender<()>,
    lang: Lang,
    /// Becomes true on Ctrl-C: reload streams end, connections close.
    stop: tokio::sync::watch::Receiver<bool>,
}

/// Runs the preview until Ctrl-C.
pub fn serve(opts: ServeOptions) -> Result<(), Error> {
    let root = crate::load::find_root(&opts.path)?;
    let today = opts.today.unwrap_or_else(crate::check::today);
    let started = std::time::Instant::now();
    let ws = Workspace::open(root.clone(), today);
    let pages = ws
        .good
        .as_ref()
        .map(|g| {
            g.site
                .councils
                .iter()
                .map(|c| c.proposals.len())
                .sum::<usize>()
        })
        .unwrap_or(0);
    let errors = ws.errors.len();
    let (reload, _) = broadcast::channel(16);
    let (stop_tx, stop) = tokio::sync::watch::channel(false);
    let lang = opts.lang;
    let shared = Arc::new(Shared {
        ws: Mutex::new(ws),
        reload,
        lang,
        stop: stop.clone(),
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::other(msg!("serve-cannot-start", detail = e.to_string())))?;
    let result = runtime.block_on(async move {
        let listener = bind(opts.bind, opts.port).await?;
        // Ctrl-C is caught from before the address is announced: whoever reads it and then
        // presses Ctrl-C stops the server cleanly, never kills it.
        #[cfg(unix)]
        let mut interrupt =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
                .map_err(|e| Error::other(msg!("serve-cannot-start", detail = e.to_string())))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::other(msg!("serve-cannot-start", detail = e.to_string())))?;
        let say = |m: crate::i18n::Msg| println!("{}", m.render(lang));
        say(msg!(
            "serve-serving",
            path = &root,
            url = format!("http://{addr}/")
        ));
        let ms = started.elapsed().as_millis() as u64;
        say(match errors {
            0 => msg!("serve-loaded", matters = pages, ms),
            n => msg!("serve-loaded-errors", matters = pages, ms, errors = n),
        });
        if !opts.bind.is_loopback() {
            say(msg!("serve-exposed", address = opts.bind.to_string()));
        }
        use std::io::Write;
        let _ = std::io::stdout().flush();

        let watcher = watch::watch(shared.clone())?;
        let app = Router::new()
            .route(EVENTS, get(events))
            .fallback(get(page))
            .with_state(shared);
        tokio::spawn(async move {
            #[cfg(unix)]
            let _ = interrupt.recv().await;
            #[cfg(not(unix))]
            let _ = tokio::signal::ctrl_c().await;
            let _ = stop_tx.send(true);
        });
        accept(listener, app, stop).await;
        drop(watcher);
        say(msg!("serve-stopped"));
        Ok::<(), Error>(())
    });
    // A page still rendering on a blocking thread is not waited for.
    runtime.shutdown_timeout(GRACE);
    result
}

/// Resolves once the server is told to stop.
async fn stopped(mut stop: tokio::sync::watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await.is_ok();
}

/// Serves connections until `stop` is set, each with a header and idle timeout; then gives
/// open ones [`GRACE`] to finish and drops the rest.
async fn accept(
    listener: tokio::net::TcpListener,
    app: Router,
    stop: tokio::sync::watch::Receiver<bool>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let mut open = tokio::task::JoinSet::new();
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors, or the like: breathe, then go on.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stopped(stop.clone()) => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            continue; // dropped: too many connections
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let stop = stop.clone();
        open.spawn(async move {
            let _slot = slot;
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stopped(stop) => {
                    conn.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(GRACE, conn).await;
                }
            }
        });
        while open.try_join_next().is_some() {}
    }
    let _ = tokio::time::timeout(GRACE, async { while open.join_next().await.is_some() {} }).await;
    open.abort_all();
}

async fn bind(ip: IpAddr, port: Option<u16>) -> Result<tokio::net::TcpListener, Error> {
    let try_bind = |p: u16| tokio::net::TcpListener::bind(SocketAddr::new(ip, p));
    match port {
        Some(p) => try_bind(p).await.map_err(|e| {
            Error::usage(msg!(
                "serve-cannot-listen",
                address = format!("{ip}:{p}"),
                why = crate::error::io_reason(&e)
            ))
        }),
        None => match try_bind(DEFAULT_PORT).await {
            Ok(l) => Ok(l),
            Err(_) => try_bind(0).await.map_err(|e| {
                Error::other(msg!(
                    "serve-cannot-listen",
                    address = ip.to_string(),
                    why = crate::error::io_reason(&e)
                ))
            }),
        },
    }
}

async fn events(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    if !host_allowed(&headers) {
        return misdirected(shared.lang);
    }
    // The stream ends when the server stops, so that Ctrl-C never waits for open pages.
    let stopped = tokio_stream::wrappers::WatchStream::new(shared.stop.clone())
        .filter(|s| *s)
        .map(|_| None);
    let reloads = BroadcastStream::new(shared.reload.subscribe()).map(|_| {
        Some(Ok::<Event, Infallible>(
            Event::default().event("reload").data("reload"),
        ))
    });
    let stream = reloads
        .merge(stopped)
        .take_while(Option::is_some)
        .map(|e| e.expect("taken while some"));
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

async fn page(State(shared): State<Arc<Shared>>, headers: HeaderMap, uri: Uri) -> Response {
    if !host_allowed(&headers) {
        return misdirected(shared.lang);
    }
    let path = uri.path().to_string();
    match tokio::task::spawn_blocking(move || respond(&shared, &path)).await {
        Ok(r) => r,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Whether a request is meant for this preview: its `Host` is an IP address or `localhost`
/// (with any port). A web page that rebinds a name of its own to 127.0.0.1 sends that name,
/// and is refused. A request without `Host` (HTTP/1.0) comes from no browser.
pub fn host_allowed(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST) else {
        return true;
    };
    let Ok(host) = host.to_str() else {
        return false;
    };
    let name = if let Some(rest) = host.strip_prefix('[') {
        match rest.split_once(']') {
            Some((v6, port)) if port.is_empty() || port.starts_with(':') => {
                return v6.parse::<std::net::Ipv6Addr>().is_ok();
            }
            _ => return false,
        }
    } else {
        match host.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => host,
        }
    };
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    name.parse::<std::net::Ipv4Addr>().is_ok()
        || name == "localhost"
        || name.ends_with(".localhost")
}

fn misdirected(lang: Lang) -> Response {
    let mut r = Response::new(Body::from(format!(
        "{}\n",
        msg!("serve-misdirected").render(lang)
    )));
    *r.status_mut() = StatusCode::MISDIRECTED_REQUEST;
    r
}

fn respond(shared: &Shared, url_path: &str) -> Response {
    let decoded = crate::rules::content::broken_link::percent_decode(url_path);
    if decoded.split('/').any(|s| s == "..") {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let rel = decoded.trim_start_matches('/');
    // The workspace is held only to take the last good build and the overlay: pages render
    // with no lock held.
    let (good, overlay, today) = {
        let ws = shared.ws.lock().expect("not poisoned");
        (ws.good.clone(), overlay(&ws, shared.lang), ws.today)
    };
    let Some(good) = good else {
        let html = format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>council serve</title></head><body>{overlay}{}</body></html>",
            reload_script()
        );
        return html_response(StatusCode::OK, html.into_bytes());
    };
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    match good.has(&file, today) {
        Ok(true) => {}
        Ok(false) => {
            if good
                .has(&format!("{file}/index.html"), today)
                .unwrap_or(false)
            {
                // Always a path from the root, never `//host/…` (which a browser would take
                // for another site), built from the folder's own name.
                let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
                if let Ok(v) = HeaderValue::from_str(&format!("/{}/", percent_encode(rel))) {
                    r.headers_mut().insert(header::LOCATION, v);
                }
                return r;
            }
            let body = good
                .get("404.html", today)
                .ok()
                .flatten()
                .map(|b| b.to_vec())
                .unwrap_or_default();
            return html_response(StatusCode::NOT_FOUND, inject(&body, &overlay));
        }
        Err(e) => {
            return html_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("<pre>{}</pre>", escape_html(&e.to_string())).into_bytes(),
            );
        }
    }
    match good.get(&file, today) {
        Ok(Some(bytes)) => {
            if file.ends_with(".html") {
                html_response(StatusCode::OK, inject(&bytes, &overlay))
            } else {
                let mut r = Response::new(Body::from(bytes.to_vec()));
                let headers = r.headers_mut();
                headers.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(content_type(&file)),
                );
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                headers.insert(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                );
                if file.ends_with(".svg") {
                    // The published SVG is sanitised already; this says so to the browser too.
                    headers.insert(
                        header::CONTENT_SECURITY_POLICY,
                        HeaderValue::from_static(
                            "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
                        ),
                    );
                }
                r
            }
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => html_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("<pre>{}</pre>", escape_html(&e.to_string())).into_bytes(),
        ),
    }
}

/// A path for a `Location` header: every byte but unreserved ones and `/` percent-encoded.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn html_response(status: StatusCode, body: Vec<u8>) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next().unwrap_or("") {
        "css" => "text/css; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The reload script, injected by `serve` only (never into `build` output).
fn reload_script() -> String {
    format!(
        "<script>new EventSource(\"{EVENTS}\").addEventListener(\"reload\",function(){{location.reload()}});</script>"
    )
}

/// The error overlay: every error, worded as `check` words it, in `lang`. Empty when there
/// are none.
fn overlay(ws: &Workspace, lang: Lang) -> String {
    let (count, text) = if let Some(theme) = &ws.theme_error {
        (1, theme.render(lang))
    } else if ws.errors.is_empty() {
        return String::new();
    } else {
        (ws.errors.len(), render::human(&ws.errors, false, lang))
    };
    let note = if ws.good.is_some() {
        msg!("overlay-last-good")
    } else {
        msg!("overlay-nothing")
    };
    let title = msg!("overlay-title", errors = count, note).render(lang);
    format!(
        "<div id=\"council-overlay\" role=\"alert\" lang=\"{code}\" style=\"all:initial;display:block;position:relative;z-index:2147483647;background:#fff4f4;color:#1d1d1f;border-bottom:4px solid #9c1c1c;padding:12px 16px;font:15px/1.5 system-ui,sans-serif\">\
<strong style=\"color:#9c1c1c\">{}</strong>\
<pre style=\"white-space:pre-wrap;overflow-x:auto;font:13px/1.45 ui-monospace,monospace;margin:8px 0 0\">{}</pre></div>",
        escape_html(&title),
        escape_html(&text),
        code = lang.code(),
    )
}

/// `html` with the overlay after `<body>` and the reload script before `</body>`.
fn inject(html: &[u8], overlay: &str) -> Vec<u8> {
    let s = String::from_utf8_lossy(html);
    let script = reload_script();
    let mut out = String::with_capacity(s.len() + overlay.len() + script.len());
    match s.find("<body>") {
        Some(i) => {
            out.push_str(&s[..i + 6]);
            out.push_str(overlay);
            out.push_str(&s[i + 6..]);
        }
        None => {
            out.push_str(overlay);
            out.push_str(&s);
        }
    }
    match out.rfind("</body>") {
        Some(i) => out.insert_str(i, &script),
        None => out.push_str(&script),
    }
    out.into_bytes()
}
