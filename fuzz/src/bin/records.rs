//! AFL++ target: see `council_fuzz::records`.
fn main() {
    afl::fuzz!(|data: &[u8]| council_fuzz::records(data));
}
