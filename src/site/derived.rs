//! What publishing derives from the records as of a day, kept apart from the pages so that
//! `serve` can derive one council again after an edit.

use jiff::civil::Date;

use crate::indicators;
use crate::lifecycle::Timelines;
use crate::lifecycle::chain::Chains;
use crate::model::Site;

/// What publishing derives from the records as of a day: each matter's lifecycle, an index
/// of proposals by id per council, the chains across councils and the indicators.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    /// Per council, per proposal: the lifecycle (`None` if not yet submitted).
    pub lifecycles: Vec<Vec<Option<crate::lifecycle::Lifecycle>>>,
    /// Per council: proposal id (lowercase) → index.
    pub indexes: Vec<std::collections::HashMap<String, usize>>,
    pub chains: Chains,
    pub indicators: indicators::All,
    /// The 12 months of the monthly chart, for the whole site.
    pub monthly: Vec<indicators::Month>,
}

impl Derived {
    pub fn new(site: &Site, timelines: &Timelines, today: Date) -> Derived {
        let mut d = Derived::default();
        for ci in 0..site.councils.len() {
            d.lifecycles.push(Vec::new());
            d.indexes.push(Default::default());
            d.update_council(site, timelines, today, ci);
        }
        d.link(site, today);
        d
    }

    /// Follows matters across councils and counts the indicators again: after
    /// [`Derived::update_council`], once for all the councils updated.
    pub fn link(&mut self, site: &Site, today: Date) {
        self.chains = Chains::build(site, &self.lifecycles);
        let settings = indicators::Settings::of(site, today);
        self.indicators = indicators::All::build(site, &self.lifecycles, &self.chains, &settings);
        self.monthly = indicators::monthly(site, &self.lifecycles, today);
    }

    /// Derives council `ci` again (after its records changed); call [`Derived::link`] after.
    pub fn update_council(&mut self, site: &Site, timelines: &Timelines, today: Date, ci: usize) {
        let c = &site.councils[ci];
        self.lifecycles[ci] = c
            .proposals
            .iter()
            .enumerate()
            .map(|(pi, p)| {
                crate::lifecycle::derive(
                    c,
                    p,
                    timelines.of(ci, pi),
                    today,
                    site.config.response_days,
                )
            })
            .collect();
        self.indexes[ci] = crate::lifecycle::proposal_index(c);
    }
}
