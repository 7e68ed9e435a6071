//! `cargo bench --bench aggregate [-- --streets 1000 --matters 1000 --dir /dev/shm/…]`:
//! `council aggregate` over a city of `streets` streets of `matters` matters each (SPEC §10;
//! see docs/benchmarks.md).
//!
//! One synthetic street (benches/synth) is built by `council build`; its published
//! `data/records.json` and `data/manifest.json` are then replicated for every street of the
//! city, each with its own council keys, matter titles (a street-specific prefix, so that
//! the search index has a city's variety of terms) and commit: the files `build` emits, not
//! 1,000 builds. Then, each timed by /usr/bin/time (wall, user+system CPU, peak RSS):
//! 1. a first harvest (empty store and output);
//! 2. a re-run with nothing changed;
//! 3. a re-run where one street changed (one matter's title).

mod synth;

use std::path::{Path, PathBuf};
use std::process::Command;

const HAN: &str = "东西南北中上下前后左右新老大小长安平和兴华荣盛泰昌明德仁义礼智信春夏秋冬山水林田湖海江河桥港湾";

fn timed(cmd: &mut Command) -> (f64, f64, f64, String) {
    let prog = cmd.get_program().to_owned();
    let args: Vec<_> = cmd.get_args().map(|a| a.to_owned()).collect();
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("TIME %e %U %S %M")
        .arg(prog)
        .args(args)
        .output()
        .expect("/usr/bin/time runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    let line = err.lines().rev().find(|l| l.starts_with("TIME ")).unwrap();
    let v: Vec<f64> = line[5..].split(' ').map(|x| x.parse().unwrap()).collect();
    (v[0], v[1] + v[2], v[3] / 1024.0, err)
}

/// The street-specific name of street `i`: two Han characters.
fn prefix(i: usize) -> String {
    let han: Vec<char> = HAN.chars().collect();
    let n = han.len();
    format!("{}{}", han[i % n], han[(i / n) % n])
}

/// Street `i`'s copy of the published files of `from`.
fn replicate(from: &Path, to: &Path, i: usize, records: &str, manifest: &str) {
    let p = prefix(i);
    let records = records
        .replace("\"title\": \"", &format!("\"title\": \"{p}"))
        .replace("\"councils/", &format!("\"councils/s{i}-"))
        .replace("\"council\": \"", &format!("\"council\": \"s{i}-"))
        .replace("\"key\": \"", &format!("\"key\": \"s{i}-"));
    let manifest = manifest.replace("\"commit\": null", &format!("\"commit\": \"{i:040x}\""));
    let data = to.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("records.json"), records).unwrap();
    std::fs::write(data.join("manifest.json"), manifest).unwrap();
    let _ = from;
}

fn main() {
    let streets: usize = synth::arg("--streets")
        .map(|s| s.parse().unwrap())
        .unwrap_or(1000);
    let matters: usize = synth::arg("--matters")
        .map(|s| s.parse().unwrap())
        .unwrap_or(1000);
    let dir =
        PathBuf::from(synth::arg("--dir").unwrap_or_else(|| "/dev/shm/council-city-bench".into()));
    let council = env!("CARGO_BIN_EXE_council");
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = synth::site(manifest_dir, matters);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let built = dir.join("built");
    let o = Command::new(council)
        .args(["build", "--today", synth::TODAY, "-o"])
        .arg(&built)
        .arg(&site)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let records = std::fs::read_to_string(built.join("data/records.json")).unwrap();
    let manifest = std::fs::read_to_string(built.join("data/manifest.json")).unwrap();
    eprintln!(
        "one street: records.json {:.1} MiB, manifest.json {:.1} MiB",
        records.len() as f64 / 1048576.0,
        manifest.len() as f64 / 1048576.0
    );
    let city = dir.join("city");
    let mut toml = String::from(
        "title = \"基准城市\"\nbase_url = \"https://city.example.org/\"\nlanguages = [\"zh\", \"en\"]\n",
    );
    for i in 0..streets {
        replicate(
            &built,
            &city.join(format!("streets/s{i}")),
            i,
            &records,
            &manifest,
        );
        toml.push_str(&format!(
            "\n[[sources]]\nid = \"s{i}\"\nname = \"{}街道\"\nsite = \"streets/s{i}\"\n",
            prefix(i)
        ));
    }
    std::fs::write(city.join("city.toml"), toml).unwrap();
    eprintln!(
        "{streets} streets of {matters} matters written to {}",
        city.display()
    );
    let run = |what: &str| {
        let (wall, cpu, rss, err) = timed(
            Command::new(council)
                .args(["aggregate", "--lang", "en", "--today", "2030-01-02"])
                .arg(&city),
        );
        let summary = err
            .lines()
            .find(|l| l.starts_with("harvested"))
            .unwrap_or("");
        println!("{what}: wall {wall:.1} s, CPU {cpu:.1} s, peak RSS {rss:.0} MiB\n  {summary}");
    };
    run("first harvest");
    run("re-run, nothing changed");
    let one = city.join("streets/s7/data/records.json");
    let text = std::fs::read_to_string(&one).unwrap();
    std::fs::write(&one, text.replacen("\"title\": \"", "\"title\": \"改", 1)).unwrap();
    run("re-run, one street changed");
    let size = |p: &Path| -> u64 {
        walkdir::WalkDir::new(p)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    };
    println!(
        "output {:.0} MiB (city.json {:.0} MiB), harvest store {:.0} MiB",
        size(&city.join("public")) as f64 / 1048576.0,
        std::fs::metadata(city.join("public/data/city.json"))
            .unwrap()
            .len() as f64
            / 1048576.0,
        size(&city.join("harvest")) as f64 / 1048576.0
    );
}
