//! The public notice (SPEC §9) printed by a real browser: Chromium's `--print-to-pdf` gives
//! exactly one A4 page, and the QR code on it, read back from the printed page with zbarimg,
//! is the matter's address. Ghostscript counts the pages and rasterises the PDF.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

/// The longest notice of `lang` in the demo site's output: if it fits one page, the others do.
fn longest_notice(public: &Path, lang_prefix: &str) -> PathBuf {
    walkdir::WalkDir::new(public.join(lang_prefix))
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.ends_with("notice/index.html"))
        .filter(|p| !lang_prefix.is_empty() || !p.starts_with(public.join("en")))
        .max_by_key(|p| {
            let html = std::fs::read_to_string(p).unwrap();
            // The text, without the QR code's path.
            let qr = html.find("<svg").unwrap();
            let end = html[qr..].find("</svg>").unwrap() + qr;
            (html.len() - (end - qr), p.clone())
        })
        .expect("the demo site has notices")
}

fn pdf_pages(pdf: &Path) -> usize {
    let out = Command::new("gs")
        .args(["-q", "-dNODISPLAY", "-dNOSAFER", "-c"])
        .arg(format!(
            "({}) (r) file runpdfbegin pdfpagecount = quit",
            pdf.display()
        ))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

/// Every `/MediaBox [0 0 w h]` of the PDF, in points.
fn media_boxes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.split("/MediaBox [")
        .skip(1)
        .map(|rest| {
            let n: Vec<f64> = rest
                .split(']')
                .next()
                .unwrap()
                .split_whitespace()
                .map(|x| x.parse().unwrap())
                .collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

#[test]
fn a_notice_prints_on_one_a4_page_with_a_qr_code_of_the_matter() {
    let tools =
        chromium().is_some() && runs("gs", &["--version"]) && runs("zbarimg", &["--version"]);
    if !outside_tool("chromium, ghostscript and zbarimg", tools) {
        return;
    }
    let chrome = chromium().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (tmp, public) = build_demo();
    for lang_prefix in ["", "en"] {
        let notice = longest_notice(&public, lang_prefix);
        let rel = notice
            .strip_prefix(&public)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let pdf = tmp.path().join(format!("notice-{lang_prefix}.pdf"));
        let profile = tempfile::tempdir().unwrap();
        let out = Command::new(&chrome)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", notice.display()))
            .output()
            .unwrap();
        assert!(
            pdf.exists(),
            "{rel}: no PDF: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(pdf_pages(&pdf), 1, "{rel} prints on more than one page");
        for (w, h) in media_boxes(&std::fs::read(&pdf).unwrap()) {
            assert!(
                (w - 595.28).abs() < 2.0 && (h - 841.89).abs() < 2.0,
                "{rel}: page of {w} x {h} pt, not A4"
            );
        }
        // The QR code, read from the printed page.
        let png = tmp.path().join(format!("notice-{lang_prefix}.png"));
        let gs = Command::new("gs")
            .args(["-q", "-sDEVICE=png16m", "-r150", "-o"])
            .arg(&png)
            .arg(&pdf)
            .output()
            .unwrap();
        assert!(
            gs.status.success(),
            "{}",
            String::from_utf8_lossy(&gs.stderr)
        );
        let zbar = Command::new("zbarimg")
            .args(["-q", "--raw"])
            .arg(&png)
            .output()
            .unwrap();
        let decoded = String::from_utf8_lossy(&zbar.stdout);
        let page = rel.strip_suffix("notice/index.html").unwrap();
        let expected = format!("https://yishi.liaoninglu.example.org/{page}");
        assert_eq!(
            decoded.lines().next().unwrap_or(""),
            expected,
            "{rel}: the QR code holds the matter's address"
        );
        // The same verification code on the notice and on the matter page.
        let code_of = |html: &str| {
            let i = html.find("<code class=\"code\">").unwrap() + "<code class=\"code\">".len();
            html[i..i + 19].to_string()
        };
        let notice_html = std::fs::read_to_string(&notice).unwrap();
        let matter_html = std::fs::read_to_string(public.join(page).join("index.html")).unwrap();
        assert_eq!(code_of(&notice_html), code_of(&matter_html), "{rel}");
        // …which is the start of the SHA-256 of the minutes that decided it.
        let records: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(public.join("data/records.json")).unwrap(),
        )
        .unwrap();
        let (key, id) = page
            .trim_start_matches("en/")
            .trim_start_matches("councils/")
            .trim_end_matches('/')
            .split_once("/proposals/")
            .unwrap();
        let matter = records["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["council"] == key && p["id"] == id)
            .unwrap();
        let minutes = matter["events"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|e| e["kind"] == "decided")
            .unwrap()["file"]
            .as_str()
            .unwrap();
        let sum = Command::new("sha256sum")
            .arg(root.join(minutes))
            .output()
            .unwrap();
        let hex = String::from_utf8_lossy(&sum.stdout);
        let grouped: Vec<&str> = (0..4).map(|k| &hex[k * 4..k * 4 + 4]).collect();
        assert_eq!(code_of(&notice_html), grouped.join(" "), "{rel}: {minutes}");
    }
}
