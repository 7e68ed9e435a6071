//! AFL++ target: see `council_fuzz::front_matter`.
fn main() {
    afl::fuzz!(|data: &[u8]| council_fuzz::front_matter(data));
}
