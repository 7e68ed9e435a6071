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
    let script = format!(
        "#!/bin/sh\n{MARK}: checks the records before each commit.\n# To skip once: git commit --no-verify\nCOUNCIL=\"$(command -v council || echo {exe})\"\nexec \"$COUNCIL\" check {root}\n",
        exe = shell_quote(&exe.to_string_lossy()),
        root = shell_quote(&root.to_string_lossy()),
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
