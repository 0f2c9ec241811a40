//! Fuzz target `cms`: see `tokenward::fuzz_targets::cms` for what it feeds and checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tokenward::fuzz_targets::cms(data));
