//! Fuzz target `recovery_blob`: see `tokenward::fuzz_targets::recovery_blob` for what it feeds and checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tokenward::fuzz_targets::recovery_blob(data));
