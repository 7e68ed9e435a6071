//! `/data/decisions.csv`: one row per decision.

use crate::site::views::{self, Ctx};

/// The columns of `/data/decisions.csv`. `track` (SPEC §8) is last, so that programs reading
/// the v1 columns by position keep working.
pub const CSV_COLUMNS: [&str; 14] = [
    "date",
    "council",
    "proposal",
    "title",
    "outcome",
    "yes",
    "no",
    "abstain",
    "owner",
    "due",
    "referred_to",
    "meeting_file",
    "url",
    "track",
];

/// `/data/decisions.csv`: one row per decision, newest first. UTF-8 with a byte-order mark
/// (spreadsheet programs need it to read Chinese); fields that a spreadsheet would take for
/// a formula are prefixed with `'`.
pub fn decisions_csv(ctx: &Ctx<'_>) -> Vec<u8> {
    let lang = ctx.default_lang.clone();
    let mut out = String::from("\u{feff}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    let order = views::decision_order(ctx);
    let rows = views::decision_rows(ctx, &lang, &order);
    for (at, d) in order.iter().zip(rows) {
        let meeting_file = &ctx.site.councils[at.ci].meetings[at.mi].meta.source.path;
        let track = ctx
            .derived
            .chains
            .chain(at.ci, at.pi)
            .and_then(|c| c.track)
            .map(|t| t.as_str());
        let v = d.terms.votes;
        let row = [
            d.date.clone(),
            d.council.key.clone(),
            d.matter.id.clone(),
            d.matter.title.text.clone(),
            d.terms.outcome.unwrap_or_default().to_string(),
            v.map(|v| v.yes.to_string()).unwrap_or_default(),
            v.map(|v| v.no.to_string()).unwrap_or_default(),
            v.map(|v| v.abstain.to_string()).unwrap_or_default(),
            d.terms.owner.map(|o| o.text).unwrap_or_default(),
            d.terms.due.unwrap_or_default(),
            d.terms.referred_to.map(|r| r.text).unwrap_or_default(),
            meeting_file.clone(),
            d.matter.url.clone(),
            track.unwrap_or_default().to_string(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// A cell as a spreadsheet cannot take it for a formula: a cell whose first character other
/// than blanks and line breaks (which spreadsheets skip) starts a formula, in half or full
/// width, gets a leading `'` (OWASP's CSV injection advice); numbers such as `-5` stay.
fn csv_cell(s: &str) -> String {
    let formula = s.starts_with(['\t', '\r'])
        || s.trim_start()
            .starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']);
    let s = if formula && s.trim().parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-5"), "-5");
        assert_eq!(csv_cell(" =1+2"), "' =1+2");
        assert_eq!(csv_cell("\n=1+2"), "\"'\n=1+2\"");
        assert_eq!(csv_cell("＝1+2"), "'＝1+2");
        assert_eq!(csv_cell("居委会"), "居委会");
    }
}
