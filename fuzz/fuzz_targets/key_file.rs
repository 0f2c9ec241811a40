//! Fuzz target `key_file`: see `tokenward::fuzz_targets::key_file` for what it feeds and checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tokenward::fuzz_targets::key_file(data));
