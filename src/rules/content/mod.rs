//! Rules about what is published: no personal data, no dead links, no HTML that would be
//! stripped.

pub mod broken_link;
pub mod personal_data;
pub mod unsafe_html;
