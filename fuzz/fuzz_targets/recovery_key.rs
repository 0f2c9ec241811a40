//! Fuzz target `recovery_key`: see `tokenward::fuzz_targets::recovery_key` for what it feeds and checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tokenward::fuzz_targets::recovery_key(data));
