//! Fuzz target `csr_template`: see `tokenward::fuzz_targets::csr_template` for what it feeds and checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tokenward::fuzz_targets::csr_template(data));
