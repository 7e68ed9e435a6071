//! `council hook install`: a git pre-commit hook that runs `council check` before each
//! commit, so that records with errors are not committed.

use std::path::Path;

use crate::error::Error;

const MARK: &str = "# Installed by `council hook install`";

/// Installs the hook in the repository holding the site at `path`; returns its path.
pub fn install(path: &Path) -> Result<std::path::PathBuf, Error> {
    let root = crate::load::find_root(path)?;
    let repo = git2::Repository::discover(&root).map_err(|_| {
        Error::Other(format!(
            "`{}` is not in a git repository\n  = help: run `git init` in the site's folder first",
            root.display()
        ))
    })?;
    let hooks = repo.path().join("hooks");
    std::fs::create_dir_all(&hooks).map_err(|e| Error::io(&hooks, e))?;
    let hook = hooks.join("pre-commit");
    if let Ok(existing) = std::fs::read_to_string(&hook)
        && !existing.contains(MARK)
    {
        return Err(Error::Usage(format!(
            "`{}` already exists and is not council's; council does not overwrite it\n  = help: add the line `council check \"{}\" || exit 1` to your hook",
            hook.display(),
            root.display()
        )));
    }
    let exe = std::env::current_exe().map_err(|e| Error::Other(e.to_string()))?;
    // The site's folder inside the repository, so the hook works wherever the clone is.
    let workdir = repo
        .workdir()
        .map(|w| w.canonicalize().unwrap_or_else(|_| w.to_path_buf()));
    let site = workdir
        .as_deref()
        .and_then(|w| root.strip_prefix(w).ok())
        .map(|p| crate::load::rel_path(Path::new(""), p))
        .unwrap_or_default();
    let site = if site.is_empty() {
        ".".to_string()
    } else {
        site
    };
    // What is checked is what will be committed: the index, exported to a temporary
    // folder, not the working files (which may differ from what was staged).
    let script = format!(
        "#!/bin/sh\n{MARK}: checks the records about to be committed.\n# To skip once: git commit --no-verify\nCOUNCIL=\"$(command -v council || echo {exe})\"\nSTAGED=\"$(mktemp -d)\" || exit 1\ntrap 'rm -rf \"$STAGED\"' EXIT\ngit checkout-index --all --prefix=\"$STAGED/\" || exit 1\n\"$COUNCIL\" check \"$STAGED/\"{site}\n",
        exe = shell_quote(&exe.to_string_lossy()),
        site = shell_quote(&site),
    );
    std::fs::write(&hook, script).map_err(|e| Error::io(&hook, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755));
    }
    Ok(hook)
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
