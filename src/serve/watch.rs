//! The preview's eyes: the site's folder watched, its changes applied as they settle, the
//! changed pages rendered again and open pages told to reload.

use std::sync::Arc;
use std::time::Duration;

use super::{Shared, workspace};
use crate::error::Error;
use crate::msg;

/// Watches the site and applies changes as they settle.
pub(super) fn watch(
    shared: Arc<Shared>,
) -> Result<
    notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    Error,
> {
    let root = shared.ws.lock().expect("not poisoned").root.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(25),
        Some(Duration::from_millis(10)),
        tx,
    )
    .map_err(|e| Error::other(msg!("serve-cannot-watch", detail = e.to_string())))?;
    debouncer
        .watch(&root, notify::RecursiveMode::Recursive)
        .map_err(|e| Error::other(msg!("serve-cannot-watch", detail = e.to_string())))?;
    std::thread::spawn(move || {
        for result in rx {
            let Ok(events) = result else { continue };
            // Only what changes content: reading files (ours included) also makes events.
            let mut paths: Vec<String> = events
                .iter()
                .filter(|e| changes_content(&e.kind))
                .flat_map(|e| e.paths.iter())
                .filter_map(|p| relevant(&root, p))
                .collect();
            paths.sort();
            paths.dedup();
            if paths.is_empty() {
                continue;
            }
            let (applied, good, today) = {
                let mut ws = shared.ws.lock().expect("not poisoned");
                let applied = ws.apply(&paths);
                (applied, ws.good.clone(), ws.today)
            };
            // The changed pages render now, with the workspace free for requests.
            let rendered = good
                .map(|g| workspace::warm(&g, &applied.warm, today))
                .unwrap_or(0);
            let _ = shared.reload.send(());
            let now = jiff::ZonedDateTime::now().strftime("%H:%M:%S");
            let status = if applied.errors > 0 {
                msg!("serve-status-errors", errors = applied.errors)
            } else if applied.full {
                msg!("serve-status-reloaded")
            } else {
                msg!(
                    "serve-status-rendered",
                    rendered = rendered,
                    invalidated = applied.invalidated
                )
            };
            println!(
                "[{now}] {}",
                msg!(
                    "serve-applied",
                    what = &applied.what,
                    status,
                    ms = applied.started.elapsed().as_millis() as u64
                )
                .render(shared.lang)
            );
            use std::io::Write;
            let _ = std::io::stdout().flush();
        }
    });
    Ok(debouncer)
}

fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
            | EventKind::Any
    )
}

/// A changed path that matters to the site, relative to its root.
fn relevant(root: &std::path::Path, path: &std::path::Path) -> Option<String> {
    let rel = crate::load::rel_path(
        root,
        path.strip_prefix(root)
            .ok()
            .map(|r| root.join(r))
            .as_deref()?,
    );
    let first = rel.split('/').next()?;
    if !matches!(
        first,
        "site.toml" | "councils" | "content" | "static" | "themes"
    ) {
        return None;
    }
    let name = rel.rsplit('/').next()?;
    if name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name == "4913"
    {
        return None;
    }
    Some(rel)
}
