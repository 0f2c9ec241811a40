//! Fuzz target `pkcs12`: see `tokenward::fuzz_targets::pkcs12` for what it feeds and checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tokenward::fuzz_targets::pkcs12(data));
