//! Writes a synthetic site: `cargo bench --bench gen_site -- --matters 10000 --out DIR`
//! (`--v1`: without referrals and return visits, as before SPEC v2; `--languages 1`: in
//! Chinese only).

mod synth;

fn main() {
    let matters: usize = synth::arg("--matters")
        .map(|m| m.parse().expect("--matters N"))
        .unwrap_or(1000);
    let out = std::path::PathBuf::from(synth::arg("--out").expect("--out DIR"));
    if out.exists() && std::fs::read_dir(&out).unwrap().next().is_some() {
        eprintln!("{} is not empty", out.display());
        std::process::exit(2);
    }
    let t = std::time::Instant::now();
    let mut spec = synth::Spec::for_matters(matters);
    if std::env::args().any(|a| a == "--v1") {
        spec = spec.v1();
    }
    spec.one_language = synth::arg("--languages").as_deref() == Some("1");
    let n = synth::generate(&spec, &out);
    eprintln!(
        "wrote {n} files for {matters} matters to {} in {:.1?} (check it as of {})",
        out.display(),
        t.elapsed(),
        synth::TODAY
    );
}
