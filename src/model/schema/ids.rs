//! The forms of ids, council keys and references to a matter (SPEC §3, §8).

/// `[a-z0-9][a-z0-9-]*`, the form of every id (SPEC §3).
pub fn is_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// A council key: `/`-separated parts, each an id (`huangtai/grid-03`). SPEC §8 tells a key
/// from the name of an outside body by this form.
pub fn is_key(s: &str) -> bool {
    !s.is_empty() && s.split('/').all(is_id)
}

/// `<council key>/<id>` split into the key and the id, when both are well formed.
pub fn split_matter_ref(s: &str) -> Option<(&str, &str)> {
    let (key, id) = s.rsplit_once('/')?;
    (is_key(key) && is_id(id)).then_some((key, id))
}
