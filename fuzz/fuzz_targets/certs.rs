//! Fuzz the certificate parse-and-present path: arbitrary bytes as a certificate object's
//! value, and as an imported file (PEM or DER), must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tokenward::cert;

fuzz_target!(|data: &[u8]| {
    if let Ok(info) = cert::parse(data) {
        // Presenting it must work too.
        let _ = serde_json::to_string(&info).expect("a parsed certificate serialises");
        assert_eq!(info.fingerprint_sha256.len(), 64);
    }
    if let Ok(ders) = cert::split_pem_or_der(data) {
        for der in ders {
            let _ = cert::parse(&der);
        }
    }
});
