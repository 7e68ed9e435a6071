//! AFL++ target: see `council_fuzz::markdown`.
fn main() {
    afl::fuzz!(|data: &[u8]| council_fuzz::markdown(data));
}
