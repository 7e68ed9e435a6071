//! Rules about fields: required, known, well-formed, unique.

pub mod duplicate_id;
pub mod invalid_value;
pub mod missing_field;
pub mod unknown_field;
