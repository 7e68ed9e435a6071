//! Rules about return visits (SPEC §8): a visit follows the matter's final outcome at its
//! council, and every final matter is followed by a visit within `feedback_days`.

pub mod feedback_before_outcome;
pub mod feedback_missing;
