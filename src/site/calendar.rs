//! Meeting calendars (SPEC §9): `/calendar.ics` for every council and
//! `/councils/<key>/calendar.ics` for one, so that residents can subscribe to meetings.
//!
//! RFC 5545, written by hand (see docs/design.md): one all-day VEVENT per meeting dated on or
//! before the day, with a UID made of the council key and the minutes' file stem, and a
//! DTSTAMP that is the meeting's own date, so that two builds of the same records give the
//! same bytes and a calendar program never sees a meeting change when nothing did.

use std::fmt::Write as _;

use super::Renderer;
use super::routes::Route;

impl Renderer<'_> {
    /// The calendar of council `council`, or of every council (`None`), in the default
    /// language.
    pub fn calendar(&self, council: Option<usize>) -> Vec<u8> {
        let ctx = &self.ctx;
        let site = ctx.site;
        let lang = ctx.default_lang.as_str();
        let host = host_of(self.base_url());
        let mut meetings = Vec::new();
        for (ci, c) in site.councils.iter().enumerate() {
            if council.is_some_and(|k| k != ci) {
                continue;
            }
            for (mi, m) in c.meetings.iter().enumerate() {
                if let Some(d) = m.date.as_ref().filter(|d| d.value <= ctx.today) {
                    meetings.push((d.value, ci, mi));
                }
            }
        }
        // Councils are sorted by key and meetings by stem: the order is the records'.
        meetings.sort();
        let name = match council {
            Some(ci) => format!(
                "{}{}{}",
                ctx.council_ref(lang, ci).name.text,
                self.ui(lang, "title_sep"),
                self.site_title(lang).text
            ),
            None => self.site_title(lang).text,
        };
        let mut out = String::new();
        line(&mut out, "BEGIN", "VCALENDAR");
        line(&mut out, "VERSION", "2.0");
        line(&mut out, "PRODID", "-//council//meeting calendar//ZH");
        line(&mut out, "CALSCALE", "GREGORIAN");
        line(&mut out, "METHOD", "PUBLISH");
        line(&mut out, "X-WR-CALNAME", &text(&name));
        for (date, ci, mi) in meetings {
            let c = &site.councils[ci];
            let m = &c.meetings[mi];
            let council_name = ctx.council_ref(lang, ci).name.text;
            let summary = match super::views::meeting_title(ctx, lang, m) {
                Some(t) => format!("{}{}{council_name}", t.text, self.ui(lang, "title_sep")),
                None => format!(
                    "{council_name} {}",
                    super::theme::longdate(date.to_string(), lang.to_string())
                ),
            };
            let mut description = String::new();
            let index = &ctx.derived.indexes[ci];
            for (n, it) in m.items.iter().enumerate() {
                let title = it
                    .proposal
                    .as_ref()
                    .and_then(|p| index.get(&p.value.to_ascii_lowercase()))
                    .map(|&pi| ctx.title_of(lang, &c.proposals[pi]).text)
                    .or_else(|| it.proposal.as_ref().map(|p| p.value.clone()))
                    .unwrap_or_default();
                let what = match (&it.action, &it.outcome) {
                    (_, Some(o)) if it.is_decision() => {
                        self.ui(lang, &format!("outcome.{}", o.value))
                    }
                    (Some(a), _) => self.ui(lang, &format!("action.{}", a.value)),
                    _ => String::new(),
                };
                let colon = self.ui(lang, "colon");
                let _ = writeln!(description, "{}. {title}{colon}{what}", n + 1);
            }
            let url = format!("{}{}", self.base_url(), ctx.url(&Route::Meeting(ci, mi)));
            let next = date.tomorrow().unwrap_or(date);
            line(&mut out, "BEGIN", "VEVENT");
            line(
                &mut out,
                "UID",
                &text(&format!("{}/{}@{host}", c.key, m.meta.stem)),
            );
            line(&mut out, "DTSTAMP", &format!("{}T000000Z", compact(date)));
            line(&mut out, "DTSTART;VALUE=DATE", &compact(date));
            line(&mut out, "DTEND;VALUE=DATE", &compact(next));
            line(&mut out, "SUMMARY", &text(&summary));
            if !description.is_empty() {
                line(&mut out, "DESCRIPTION", &text(description.trim_end()));
            }
            if let Some(l) = ctx.text(lang, m.location.as_ref(), &m.translations, "location") {
                line(&mut out, "LOCATION", &text(&l.text));
            }
            line(&mut out, "URL", &url);
            line(&mut out, "END", "VEVENT");
        }
        line(&mut out, "END", "VCALENDAR");
        out.into_bytes()
    }
}

/// `2025-03-08` → `20250308`.
fn compact(d: jiff::civil::Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The host of a base URL (`https://a.example.org/sub/` → `a.example.org`); `localhost` when
/// it has none (a preview served from `/`).
fn host_of(base: &str) -> String {
    base.split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(""))
        .filter(|h| !h.is_empty())
        .unwrap_or("localhost")
        .to_string()
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped; other
/// control characters dropped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `NAME:value` as content lines of at most 75 octets (§3.1): longer lines are folded
/// with CRLF and a space, never inside a UTF-8 character.
fn line(out: &mut String, name: &str, value: &str) {
    let full = format!("{name}:{value}");
    let mut width = 0;
    for c in full.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        line(&mut out, "SUMMARY", &"加装电梯".repeat(10));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "加装电梯".repeat(10)));
    }

    #[test]
    fn text_values_escape_what_rfc_5545_reserves() {
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn hosts_come_from_the_base_url() {
        assert_eq!(
            host_of("https://yishi.example.org/sub/"),
            "yishi.example.org"
        );
        assert_eq!(host_of("/"), "localhost");
    }
}
