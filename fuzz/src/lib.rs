//! The bodies of the fuzz targets, in `targets.rs`: the root crate's `tests/fuzz_replay.rs`
//! runs the same functions over the seeds and every crash found, so a crash stays fixed.
include!("targets.rs");
