//! The fuzz targets (`fuzz/`, run with AFL++: see docs/robustness.md) over their committed
//! seeds and over every crash they found, minimised (`fuzz/regressions/<target>/`): what once
//! crashed stays fixed, without AFL++ installed.

#[allow(dead_code)]
#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    let mut failed = Vec::new();
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).unwrap();
            if std::panic::catch_unwind(|| run(&data)).is_err() {
                failed.push(f.display().to_string());
            }
            count += 1;
        }
    }
    assert!(count > 0, "no seeds for {target}");
    assert!(failed.is_empty(), "{target} panics on {failed:#?}");
}

#[test]
fn every_target_passes_its_seeds_and_every_crash_found() {
    type Target = fn(&[u8]);
    let targets: [(&str, Target); 4] = [
        ("front_matter", targets::front_matter),
        ("records", targets::records),
        ("markdown", targets::markdown),
        ("personal_data", targets::personal_data),
    ];
    for (name, run) in targets {
        replay(name, run);
    }
}
