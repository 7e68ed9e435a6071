//! council: validate, audit and publish the records of neighbourhood grid consultation
//! councils (网格议事会).
//!
//! The library is a pipeline with visible stages:
//!
//! - [`load`] finds the site and its files and reads them as text;
//! - [`model`] reads each file into typed, spanned records;
//! - [`rules`] check the records and push [`diag::Diagnostic`]s;
//! - [`lifecycle`] derives each matter's state as of a day, and its chain across councils;
//! - [`indicators`] count how well each council, area and the street answer residents;
//! - [`check`] runs these stages for `council check`;
//! - [`site`] publishes the records as a website (`council build`), SVG attachments through
//!   [`svg`];
//! - [`search`] makes the site's static full-text index (used by [`site`]);
//! - [`serve`] previews the site while it is edited (`council serve`);
//! - [`audit`] reads the git history of the records (`council audit`, `council log`);
//! - [`secretary`] holds the daily tools (`council init`, `new`, `status`, `hook`).
//!
//! The command line (`main.rs`) is a thin layer: each command turns its arguments into an
//! options struct and makes one call into this library.

pub mod audit;
pub mod check;
pub mod city;
pub mod diag;
pub mod error;
pub mod i18n;
pub mod indicators;
pub mod lifecycle;
pub mod load;
pub mod markdown;
pub mod model;
pub mod privacy;
pub mod rules;
pub mod search;
pub mod secretary;
pub mod serve;
pub mod site;
pub mod svg;

#[cfg(test)]
pub(crate) mod testsite;

pub use error::Error;
