//! AFL++ target: see `council_fuzz::personal_data`.
fn main() {
    afl::fuzz!(|data: &[u8]| council_fuzz::personal_data(data));
}
