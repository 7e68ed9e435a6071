//! The indicators of SPEC §8: how well each council, each area and the whole street answer
//! residents, as of a day T.
//!
//! Each matter's contribution ([`Facts`]) is worked out once from its lifecycle and its
//! chain's track; an indicator of a set of matters (one council, an area, the site) is then a
//! count over their facts ([`Indicators::of`]), never an average of averages. Shares keep their
//! numerator and denominator (`{"n": N, "of": M}`): pages may show a percentage, the data
//! does not round. Pure functions of the model, the lifecycles and the day: no I/O.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::lifecycle::chain::{Chains, Track};
use crate::lifecycle::{EventKind, Lifecycle, State};
use crate::model::{Channel, Council, Outcome, Satisfaction, Site, Status};

/// A share: `n` of `of` matters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub n: usize,
    pub of: usize,
}

impl Share {
    fn count(&mut self, counted: Option<bool>) {
        if let Some(yes) = counted {
            self.of += 1;
            self.n += usize::from(yes);
        }
    }
}

/// The indicators of one set of matters, in the order and with the names of SPEC §8.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Indicators {
    pub matters: usize,
    pub by_state: BTreeMap<&'static str, usize>,
    pub by_channel: BTreeMap<&'static str, usize>,
    pub by_track: BTreeMap<&'static str, usize>,
    pub response_days_median: Option<i64>,
    pub answered_on_time: Share,
    pub completed_on_time: Share,
    pub supervised: Share,
    pub feedback_given: Share,
    pub satisfaction: BTreeMap<&'static str, usize>,
    pub overdue: usize,
    pub unanswered: usize,
}

/// The days an indicator is judged by: T and the limits of site.toml `[lifecycle]`.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub today: Date,
    pub response_days: i64,
    pub feedback_days: i64,
    pub supervision_days: i64,
}

impl Settings {
    pub fn of(site: &Site, today: Date) -> Settings {
        let c = &site.config;
        Settings {
            today,
            response_days: c.response_days,
            feedback_days: c.feedback_days,
            supervision_days: c.supervision_days,
        }
    }
}

/// What one matter counts for. `Option<bool>`: `None` when the matter is not in the share's
/// denominator, else whether it is in the numerator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub state: State,
    pub channel: Channel,
    pub track: Option<Track>,
    pub submitted: Date,
    /// Days from submission to the first meeting item, if it has one.
    pub response_days: Option<i64>,
    pub answered_on_time: Option<bool>,
    pub completed_on_time: Option<bool>,
    pub supervised: Option<bool>,
    pub feedback_given: Option<bool>,
    pub satisfaction: Option<Satisfaction>,
    pub overdue: bool,
    pub unanswered: bool,
}

fn days(from: Date, to: Date) -> i64 {
    (to - from).get_days() as i64
}

/// The facts of matter `pi` of council `c`, whose lifecycle as of T is `lc` and whose chain
/// has `track`.
pub fn facts(
    c: &Council,
    pi: usize,
    lc: &Lifecycle,
    track: Option<Track>,
    s: &Settings,
) -> Option<Facts> {
    let p = &c.proposals[pi];
    let submitted = p.submitted.as_ref()?.value;
    let t = s.today;
    let first_item = lc.events.iter().find_map(|e| match e.kind {
        EventKind::Item { .. } => Some(e.date),
        _ => None,
    });
    let withdrawn = matches!(lc.state, State::Withdrawn);
    let answered_on_time = match first_item {
        Some(d) => Some(days(submitted, d) <= s.response_days),
        None if !withdrawn && days(submitted, t) > s.response_days => Some(false),
        None => None,
    };

    // The adopting decision (when the latest decision adopted the matter) and what followed.
    let adoption = lc.decision.and_then(|(m, i)| {
        let meeting = &c.meetings[m];
        let item = &meeting.items[i];
        (item.outcome.as_deref() == Some(&Outcome::Adopted)).then(|| {
            let date = meeting.date.as_ref().map(|d| d.value).unwrap_or(submitted);
            (date, item.due.as_ref().map(|d| d.value))
        })
    });
    let mut done = None;
    let mut last_report = None;
    let mut visited = false;
    for e in &lc.events {
        match e.kind {
            EventKind::Report { report } if adoption.is_some_and(|(a, _)| e.date >= a) => {
                last_report = Some(e.date);
                let finished = c.reports[report]
                    .status
                    .as_ref()
                    .is_some_and(|st| matches!(st.value, Status::Completed | Status::Accepted));
                if finished && done.is_none() {
                    done = Some(e.date);
                }
            }
            EventKind::Feedback { .. } => visited = true,
            _ => {}
        }
    }
    let completed_on_time = match adoption {
        Some((_, Some(due))) if due <= t || done.is_some() => Some(done.is_some_and(|d| d <= due)),
        _ => None,
    };
    let supervised = match adoption {
        Some((adopted, _))
            if matches!(lc.state, State::Adopted | State::Implementing)
                && days(adopted, t) > s.supervision_days =>
        {
            Some(last_report.is_some_and(|d| days(d, t) < s.supervision_days))
        }
        _ => None,
    };
    let feedback_given = lc
        .final_date
        .filter(|f| days(*f, t) > s.feedback_days)
        .map(|_| visited);
    Some(Facts {
        state: lc.state,
        channel: p.channel,
        track,
        submitted,
        response_days: first_item.map(|d| days(submitted, d)),
        answered_on_time,
        completed_on_time,
        supervised,
        feedback_given,
        satisfaction: lc.feedback,
        overdue: lc.overdue,
        unanswered: lc.unanswered,
    })
}

/// The lower middle value (SPEC §8: for an even count, the lower of the two middle values).
pub fn lower_median(mut xs: Vec<i64>) -> Option<i64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_unstable();
    Some(xs[(xs.len() - 1) / 2])
}

impl Indicators {
    /// The indicators of a set of matters.
    pub fn of<'a>(facts: impl IntoIterator<Item = &'a Facts>) -> Indicators {
        let mut tally = Tally::default();
        for f in facts {
            tally.add(f);
        }
        tally.indicators()
    }
}

/// The counts behind [`Indicators`], which can be added to one matter at a time and merged
/// with another set's: what a city keeps per street and per council while it reads the
/// streets one by one (issue 16). Merging two tallies counts the union of their matters:
/// the median is taken from the days themselves (a histogram), never from two medians.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub matters: usize,
    /// Per state, in the order of [`State::ALL`].
    pub by_state: [usize; 9],
    /// Per channel, in the order of `Channel::ALL`.
    pub by_channel: [usize; 5],
    /// Per track, in the order of [`Track::ALL`].
    pub by_track: [usize; 3],
    /// Days from submission to the first item → how many matters took that long.
    pub response_days: BTreeMap<i64, usize>,
    pub answered_on_time: Share,
    pub completed_on_time: Share,
    pub supervised: Share,
    pub feedback_given: Share,
    /// Per satisfaction, in the order of `Satisfaction::ALL`.
    pub satisfaction: [usize; 3],
    pub overdue: usize,
    pub unanswered: usize,
}

impl Tally {
    /// Counts one more matter.
    pub fn add(&mut self, f: &Facts) {
        self.matters += 1;
        self.by_state[State::ALL.iter().position(|s| *s == f.state).unwrap_or(0)] += 1;
        self.by_channel[f.channel as usize] += 1;
        if let Some(t) = f.track {
            self.by_track[t as usize] += 1;
        }
        if let Some(d) = f.response_days {
            *self.response_days.entry(d).or_default() += 1;
        }
        self.answered_on_time.count(f.answered_on_time);
        self.completed_on_time.count(f.completed_on_time);
        self.supervised.count(f.supervised);
        self.feedback_given.count(f.feedback_given);
        if let Some(s) = f.satisfaction {
            self.satisfaction[s as usize] += 1;
        }
        self.overdue += usize::from(f.overdue);
        self.unanswered += usize::from(f.unanswered);
    }

    /// Counts the matters of `other` too.
    pub fn merge(&mut self, other: &Tally) {
        fn add<const N: usize>(a: &mut [usize; N], b: &[usize; N]) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        fn share(a: &mut Share, b: &Share) {
            a.n += b.n;
            a.of += b.of;
        }
        self.matters += other.matters;
        add(&mut self.by_state, &other.by_state);
        add(&mut self.by_channel, &other.by_channel);
        add(&mut self.by_track, &other.by_track);
        for (d, n) in &other.response_days {
            *self.response_days.entry(*d).or_default() += n;
        }
        share(&mut self.answered_on_time, &other.answered_on_time);
        share(&mut self.completed_on_time, &other.completed_on_time);
        share(&mut self.supervised, &other.supervised);
        share(&mut self.feedback_given, &other.feedback_given);
        add(&mut self.satisfaction, &other.satisfaction);
        self.overdue += other.overdue;
        self.unanswered += other.unanswered;
    }

    /// The lower middle value of the response days (as [`lower_median`]).
    fn median(&self) -> Option<i64> {
        let n: usize = self.response_days.values().sum();
        if n == 0 {
            return None;
        }
        let mut k = (n - 1) / 2;
        for (d, count) in &self.response_days {
            if k < *count {
                return Some(*d);
            }
            k -= count;
        }
        None
    }

    /// The indicators of the matters counted.
    pub fn indicators(&self) -> Indicators {
        let keyed = |names: &[&'static str], counts: &[usize]| -> BTreeMap<&'static str, usize> {
            names.iter().copied().zip(counts.iter().copied()).collect()
        };
        let states: Vec<&'static str> = State::ALL.iter().map(|s| s.as_str()).collect();
        let tracks: Vec<&'static str> = Track::ALL.iter().map(|t| t.as_str()).collect();
        Indicators {
            matters: self.matters,
            by_state: keyed(&states, &self.by_state),
            by_channel: keyed(Channel::ALL, &self.by_channel),
            by_track: keyed(&tracks, &self.by_track),
            response_days_median: self.median(),
            answered_on_time: self.answered_on_time,
            completed_on_time: self.completed_on_time,
            supervised: self.supervised,
            feedback_given: self.feedback_given,
            satisfaction: keyed(Satisfaction::ALL, &self.satisfaction),
            overdue: self.overdue,
            unanswered: self.unanswered,
        }
    }
}

/// The indicators of the site, of every area (by its folder under `councils/`) and of every
/// council (by key), and the facts they were counted from.
#[derive(Clone, Debug, Default)]
pub struct All {
    /// Per council, per proposal: the matter's facts (`None` when not published as of T).
    pub facts: Vec<Vec<Option<Facts>>>,
    pub site: Indicators,
    pub areas: BTreeMap<String, Indicators>,
    pub councils: BTreeMap<String, Indicators>,
}

impl All {
    pub fn build(
        site: &Site,
        lifecycles: &[Vec<Option<Lifecycle>>],
        chains: &Chains,
        settings: &Settings,
    ) -> All {
        let facts: Vec<Vec<Option<Facts>>> = site
            .councils
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                (0..c.proposals.len())
                    .map(|pi| {
                        let lc = lifecycles[ci][pi].as_ref()?;
                        let track = chains.chain(ci, pi).and_then(|ch| ch.track);
                        facts(c, pi, lc, track, settings)
                    })
                    .collect()
            })
            .collect();
        let of_council = |ci: usize| facts[ci].iter().flatten();
        let councils = site
            .councils
            .iter()
            .enumerate()
            .map(|(ci, c)| (c.key.clone(), Indicators::of(of_council(ci))))
            .collect();
        let areas = site
            .areas
            .iter()
            .map(|a| {
                let inside = site
                    .councils
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| is_inside(&c.key, &a.key))
                    .flat_map(|(ci, _)| of_council(ci));
                (a.key.clone(), Indicators::of(inside))
            })
            .collect();
        let all = Indicators::of(facts.iter().flatten().flatten());
        All {
            site: all,
            areas,
            councils,
            facts,
        }
    }
}

/// Whether council `key` sits in the area folder `area` (at any depth; `""` is `councils/`).
pub fn is_inside(key: &str, area: &str) -> bool {
    area.is_empty()
        || (key.len() > area.len() && key.starts_with(area) && key.as_bytes()[area.len()] == b'/')
}

/// One calendar month of the monthly chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Month {
    pub year: i16,
    pub month: i8,
    /// Matters submitted in the month.
    pub submitted: usize,
    /// Decisions taken in the month: adopted, rejected and referred (not deferred).
    pub decided: usize,
}

/// The 12 calendar months ending with T's month, oldest first: matters submitted and
/// decisions taken in each, up to T.
pub fn monthly(site: &Site, lifecycles: &[Vec<Option<Lifecycle>>], today: Date) -> Vec<Month> {
    let first = today.first_of_month();
    let mut months: Vec<Month> = (0..12)
        .rev()
        .map(|back| {
            let d = first
                .checked_sub(jiff::Span::new().months(back))
                .unwrap_or(first);
            Month {
                year: d.year(),
                month: d.month(),
                submitted: 0,
                decided: 0,
            }
        })
        .collect();
    let slot = |d: Date| {
        months
            .iter()
            .position(|m| m.year == d.year() && m.month == d.month())
    };
    let mut submitted = Vec::new();
    let mut decided = Vec::new();
    for (ci, c) in site.councils.iter().enumerate() {
        for (pi, lc) in lifecycles[ci].iter().enumerate() {
            let Some(lc) = lc else { continue };
            if let Some(s) = &c.proposals[pi].submitted {
                submitted.extend(slot(s.value));
            }
            for e in &lc.events {
                if let EventKind::Item { meeting, item } = e.kind {
                    let it = &c.meetings[meeting].items[item];
                    let counts = it.is_decision()
                        && matches!(
                            it.outcome.as_deref(),
                            Some(Outcome::Adopted | Outcome::Rejected | Outcome::Referred)
                        );
                    if counts {
                        decided.extend(slot(e.date));
                    }
                }
            }
        }
    }
    for i in submitted {
        months[i].submitted += 1;
    }
    for i in decided {
        months[i].decided += 1;
    }
    months
}

#[cfg(test)]
mod tests;
