//! QR codes for the notices, made with the `qrcode` crate's encoder but with a faster choice of
//! mask: the crate scores each of the eight masks with code that allocates on every module
//! (a fifth of a whole build's CPU, measured with perf on 10,000 matters); this scores them
//! over a flat array of colours with exactly the crate's rules, so it picks the same mask and
//! the codes are the same, module for module (tested against the crate below).

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::types::QrResult;
use qrcode::{Color, EcLevel};

/// The eight masks of a QR code, in the crate's order (the first of equal scores wins).
const PATTERNS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The modules of the QR code of `data` at error correction level M: (width, colours row by
/// row), as `QrCode::with_error_correction_level(data, EcLevel::M)` makes them.
pub fn encode(data: &[u8]) -> QrResult<(usize, Vec<Color>)> {
    let bits = qrcode::bits::encode_auto(data, EcLevel::M)?;
    let version = bits.version();
    let raw = bits.into_bytes();
    let (codewords, ec) = qrcode::ec::construct_codewords(&raw, version, EcLevel::M)?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&codewords, &ec);
    let width = version.width() as usize;
    let best = PATTERNS
        .iter()
        .map(|p| {
            let mut c = canvas.clone();
            c.apply_mask(*p);
            let dark: Vec<bool> = c
                .into_colors()
                .into_iter()
                .map(|m| m == Color::Dark)
                .collect();
            (penalty(&dark, width), dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| dark)
        .expect("eight masks");
    let colors = best
        .into_iter()
        .map(|d| if d { Color::Dark } else { Color::Light })
        .collect();
    Ok((width, colors))
}

/// The crate's penalty score of a masked QR code (`Canvas::compute_total_penalty_scores`),
/// with its arithmetic (16-bit, wrapping as in its release build).
fn penalty(dark: &[bool], w: usize) -> u16 {
    let at = |x: usize, y: usize| dark[y * w + x];
    let mut total = 0u16;
    for horizontal in [true, false] {
        let get = |i: usize, j: usize| if horizontal { at(j, i) } else { at(i, j) };
        // Runs of five or more modules of one colour: length − 2 each.
        for i in 0..w {
            let mut run = 1u16;
            for j in 1..=w {
                if j < w && get(i, j) == get(i, j - 1) {
                    run += 1;
                } else {
                    if run >= 5 {
                        total = total.wrapping_add(run - 2);
                    }
                    run = 1;
                }
            }
        }
        // `#.###.#` without four light modules on one side: 40 each, less the 360 of the
        // three finder patterns themselves.
        const PATTERN: [bool; 7] = [true, false, true, true, true, false, true];
        let mut finder = 0u16;
        for i in 0..w {
            for j in 0..w - 6 {
                if (0..7).any(|k| get(i, j + k) != PATTERN[k]) {
                    continue;
                }
                let dark_in = |from: isize, to: isize| {
                    (from..to).any(|k| k >= 0 && (k as usize) < w && get(i, k as usize))
                };
                let j0 = j as isize;
                if !dark_in(j0 - 4, j0) || !dark_in(j0 + 7, j0 + 11) {
                    finder = finder.wrapping_add(40);
                }
            }
        }
        total = total.wrapping_add(finder.wrapping_sub(360));
    }
    // 2×2 blocks of one colour: 3 each.
    for x in 0..w - 1 {
        for y in 0..w - 1 {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                total = total.wrapping_add(3);
            }
        }
    }
    // The balance of dark and light.
    let darks = dark.iter().filter(|d| **d).count();
    let ratio = darks * 200 / dark.len();
    let balance = ratio.abs_diff(100) as u16;
    total.wrapping_add(balance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_codes_as_the_crate_makes() {
        let mut inputs: Vec<String> = Vec::new();
        for n in 0..300 {
            let lang = ["", "en/"][n % 2];
            inputs.push(format!(
                "https://yishi.liaoninglu.example.org/{lang}councils/community-{:02}/grid-{:02}/proposals/20{:02}-{:03}/notice/",
                n % 13,
                n % 10,
                20 + n % 7,
                n
            ));
            inputs.push("x".repeat(1 + n % 120));
            inputs.push(format!("https://a.example/{n}"));
        }
        for data in &inputs {
            let want =
                qrcode::QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).unwrap();
            let (w, colors) = encode(data.as_bytes()).unwrap();
            assert_eq!(w, want.width(), "{data}");
            assert!(colors == want.to_colors(), "{data}");
        }
    }
}
