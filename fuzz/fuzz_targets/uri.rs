//! Fuzz the RFC 7512 URI parser: arbitrary bytes must never panic, and whatever parses must
//! print a URI that parses back to the same value (pin-value aside: it is never printed).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tokenward::uri::Pkcs11Uri;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(uri) = Pkcs11Uri::parse(text) {
        let printed = uri.to_string();
        let again = Pkcs11Uri::parse(&printed).expect("a printed URI parses");
        let mut expected = uri;
        expected.pin_value = None;
        assert_eq!(again, expected, "{printed}");
    }
});
