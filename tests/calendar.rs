//! The meeting calendars (SPEC §9) read by a real iCalendar parser (Python's `icalendar`):
//! one all-day event per meeting published as of the day, UIDs that stay the same when the
//! site is built again with more records, and bytes that do not change between builds.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

/// The events of an .ics file as the parser reads them: UID → (DTSTART, DTSTAMP, SUMMARY).
fn events(ics: &Path) -> BTreeMap<String, (String, String, String)> {
    let script = r#"
import json, sys, datetime
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    assert type(start) is datetime.date, 'all-day events: DTSTART is a date'
    out.append([str(e['UID']), start.isoformat(), e.decoded('DTSTAMP').isoformat(), str(e['SUMMARY'])])
print(json.dumps(out))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(ics)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}: {}",
        ics.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<(String, String, String, String)> = serde_json::from_slice(&out.stdout).unwrap();
    rows.into_iter()
        .map(|(uid, start, stamp, summary)| (uid, (start, stamp, summary)))
        .collect()
}

/// The dates of the minutes under `root` dated on or before `today`, by `<key>/<stem>`.
fn meetings_until(root: &Path, today: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(root.join("councils")) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(root.join("councils")).unwrap();
        let rel = rel.to_string_lossy().replace('\\', "/");
        let Some((key, stem)) = rel.split_once("/meetings/") else {
            continue;
        };
        let stem = stem.strip_suffix(".md").unwrap();
        if stem.contains('.') {
            continue; // a translation
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        let date = text
            .lines()
            .find_map(|l| l.strip_prefix("date = "))
            .unwrap()
            .trim()
            .to_string();
        if date.as_str() <= today {
            out.insert(format!("{key}/{stem}"), date);
        }
    }
    out
}

#[test]
fn calendars_hold_one_all_day_event_per_meeting_with_stable_uids() {
    if !outside_tool(
        "python3 with icalendar",
        runs("python3", &["-c", "import icalendar"]),
    ) {
        return;
    }
    let site = states_site();
    let out = site.path().join("public");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    let expected = meetings_until(site.path(), TODAY);
    assert!(expected.len() >= 3, "{expected:?}");
    let whole = events(&out.join("calendar.ics"));
    let uid = |key: &str| format!("{key}@example.org");
    let as_read: BTreeMap<String, String> = whole
        .iter()
        .map(|(u, (start, _, _))| (u.clone(), start.clone()))
        .collect();
    let wanted: BTreeMap<String, String> =
        expected.iter().map(|(k, d)| (uid(k), d.clone())).collect();
    assert_eq!(as_read, wanted, "one event per meeting, on its date");
    for (u, (start, stamp, summary)) in &whole {
        assert_eq!(
            stamp,
            &format!("{start}T00:00:00+00:00"),
            "{u}: DTSTAMP is the meeting's day"
        );
        assert!(!summary.is_empty(), "{u}");
    }
    let council = events(&out.join("councils/demo/grid-01/calendar.ics"));
    assert_eq!(council, whole, "the only council's calendar is the site's");

    // A later meeting, and one dated after the day: the first joins, the second waits,
    // and every event already published keeps its UID and date.
    let before = std::fs::read(out.join("calendar.ics")).unwrap();
    adopt_many(site.path(), 901..=901, "2022-09-20");
    adopt_many(site.path(), 902..=902, "2022-11-01");
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    let after = events(&out.join("calendar.ics"));
    for (u, e) in &whole {
        assert_eq!(after.get(u), Some(e), "{u} changed");
    }
    assert!(after.contains_key(&uid("demo/grid-01/2022-09-20")));
    assert!(!after.contains_key(&uid("demo/grid-01/2022-11-01")));
    assert_eq!(after.len(), whole.len() + 1);

    // The same records give the same bytes.
    std::fs::remove_file(
        site.path()
            .join("councils/demo/grid-01/meetings/2022-09-20.md"),
    )
    .unwrap();
    let (code, err) = build(site.path(), &out);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read(out.join("calendar.ics")).unwrap(), before);
}
