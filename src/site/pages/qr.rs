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
/// with its arithmetic (16-bit, wrapping as in its release build). Rows and columns are
/// bit sets (bit `x` set when module `x` is dark), so that each rule looks at a whole line
/// at once; codes wider than 64 modules (longer than any address) take the plain path.
fn penalty(dark: &[bool], w: usize) -> u16 {
    if w > 64 {
        return penalty_plain(dark, w);
    }
    let mut rows = vec![0u64; w];
    let mut cols = vec![0u64; w];
    for y in 0..w {
        for x in 0..w {
            if dark[y * w + x] {
                rows[y] |= 1 << x;
                cols[x] |= 1 << y;
            }
        }
    }
    let full = if w == 64 { u64::MAX } else { (1u64 << w) - 1 };
    let mut total = 0u16;
    for lines in [&rows, &cols] {
        let mut finder = 0u16;
        for &r in lines.iter() {
            // Runs of five or more modules of one colour: length − 2 each. A bit of `change`
            // marks the last module of a run.
            let change = ((r ^ (r >> 1)) & (full >> 1)) | (1 << (w - 1));
            let (mut c, mut start) = (change, 0u32);
            while c != 0 {
                let end = c.trailing_zeros();
                let run = (end + 1 - start) as u16;
                if run >= 5 {
                    total = total.wrapping_add(run - 2);
                }
                start = end + 1;
                c &= c - 1;
            }
            // `#.###.#` (at every start at once) without four light modules on one side: 40
            // each, less the 360 of the three finder patterns themselves.
            let mut at = full >> 6;
            for (k, d) in [true, false, true, true, true, false, true]
                .iter()
                .enumerate()
            {
                at &= if *d { r >> k } else { !r >> k };
            }
            while at != 0 {
                let j = at.trailing_zeros() as usize;
                let before = if j >= 4 {
                    (r >> (j - 4)) & 0xF
                } else {
                    r & ((1 << j) - 1)
                };
                let after = if j + 7 >= w { 0 } else { (r >> (j + 7)) & 0xF };
                if before == 0 || after == 0 {
                    finder = finder.wrapping_add(40);
                }
                at &= at - 1;
            }
        }
        total = total.wrapping_add(finder.wrapping_sub(360));
    }
    // 2×2 blocks of one colour: 3 each.
    for y in 0..w - 1 {
        let (a, b) = (rows[y], rows[y + 1]);
        let same = !(a ^ (a >> 1)) & !(b ^ (b >> 1)) & !(a ^ b) & (full >> 1);
        total = total.wrapping_add(3 * same.count_ones() as u16);
    }
    // The balance of dark and light.
    let darks: usize = rows.iter().map(|r| r.count_ones() as usize).sum();
    let ratio = darks * 200 / dark.len();
    total.wrapping_add(ratio.abs_diff(100) as u16)
}

/// [`penalty`] module by module, for any width.
fn penalty_plain(dark: &[bool], w: usize) -> u16 {
    let at = |x: usize, y: usize| dark[y * w + x];
    let mut total = 0u16;
    for horizontal in [true, false] {
        let get = |i: usize, j: usize| if horizontal { at(j, i) } else { at(i, j) };
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
    for x in 0..w - 1 {
        for y in 0..w - 1 {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                total = total.wrapping_add(3);
            }
        }
    }
    let darks = dark.iter().filter(|d| **d).count();
    let ratio = darks * 200 / dark.len();
    total.wrapping_add(ratio.abs_diff(100) as u16)
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
            inputs.push(format!("{n}").repeat(1 + n % 60));
            inputs.push(format!("https://a.example/{n}"));
        }
        for data in &inputs {
            let want =
                qrcode::QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).unwrap();
            let (w, colors) = encode(data.as_bytes()).unwrap();
            assert_eq!(w, want.width(), "{data}");
            assert!(colors == want.to_colors(), "{data}");
            let dark: Vec<bool> = colors.iter().map(|c| *c == Color::Dark).collect();
            assert_eq!(penalty(&dark, w), penalty_plain(&dark, w), "{data}");
        }
    }
}
