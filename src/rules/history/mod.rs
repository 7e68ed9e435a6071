//! The git rules of SPEC §5, reported by `council audit` over the history of the records.
//! Their checks live in `audit`; these files hold their names, severities and docs.

pub mod dated_in_future;
pub mod decision_rewritten;
pub mod late_filing;
pub mod record_deleted;
pub mod unauthorized_commit;
pub mod unsigned_commit;
