//! RFC 7512 PKCS#11 URIs: the RFC's own examples, round trips, matching and bad input.

use proptest::prelude::*;
use tokenward::uri::{ObjectType, Pkcs11Uri, TokenFields, UriError, UriWarning};

/// The examples of RFC 7512 section 6.
const RFC_EXAMPLES: &[&str] = &[
    "pkcs11:",
    "pkcs11:object=my-pubkey;type=public",
    "pkcs11:object=my-key;type=private?pin-source=file:/etc/token",
    "pkcs11:token=The%20Software%20PKCS%2311%20Softtoken;manufacturer=Snake%20Oil,%20Inc.;model=1.0;object=my-certificate;type=cert;id=%69%95%3E%5C%F4%BD%EC%91;serial=?pin-source=file:/etc/token_pin",
    "pkcs11:object=my-sign-key;type=private?module-name=mypkcs11",
    "pkcs11:object=my-sign-key;type=private?module-path=/mnt/libmypkcs11.so.1",
    "pkcs11:token=Software%20PKCS%2311%20softtoken;manufacturer=Snake%20Oil,%20Inc.?pin-value=the-pin",
    "pkcs11:slot-description=Sun%20Metaslot",
    "pkcs11:library-manufacturer=Snake%20Oil,%20Inc.;library-description=Soft%20Token%20Library;library-version=1.23",
    "pkcs11:token=My%20token%25%20created%20by%20Joe;library-version=3;id=%01%02%03%Ba%dd%Ca%fe%04%05%06",
    "pkcs11:token=A%20name%20with%20a%20substring%20%25%3B;object=my-certificate;type=cert",
    "pkcs11:token=Name%20with%20a%20small%20A%20with%20acute:%20%C3%A1;object=my-certificate;type=cert",
    "pkcs11:token=my-token;object=my-certificate;type=cert;vendor-aaa=value-a?pin-source=file:/etc/token_pin&vendor-bbb=value-b",
];

#[test]
fn every_rfc_example_parses_and_round_trips() {
    for text in RFC_EXAMPLES {
        let uri = Pkcs11Uri::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let printed = uri.to_string();
        let again = Pkcs11Uri::parse(&printed).unwrap_or_else(|e| panic!("{printed}: {e}"));
        // pin-value is never printed; everything else survives the round trip.
        let mut expected = uri.clone();
        expected.pin_value = None;
        assert_eq!(again, expected, "{text} -> {printed}");
    }
}

#[test]
fn rfc_values_are_decoded() {
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[3]).unwrap();
    assert_eq!(uri.token.as_deref(), Some("The Software PKCS#11 Softtoken"));
    assert_eq!(uri.manufacturer.as_deref(), Some("Snake Oil, Inc."));
    assert_eq!(uri.model.as_deref(), Some("1.0"));
    assert_eq!(uri.serial.as_deref(), Some(""));
    assert_eq!(uri.object_type, Some(ObjectType::Cert));
    assert_eq!(
        uri.id,
        Some(vec![0x69, 0x95, 0x3e, 0x5c, 0xf4, 0xbd, 0xec, 0x91])
    );
    assert_eq!(uri.pin_source.as_deref(), Some("file:/etc/token_pin"));

    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[8]).unwrap();
    assert_eq!(uri.library_version, Some((1, 23)));
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[9]).unwrap();
    assert_eq!(uri.token.as_deref(), Some("My token% created by Joe"));
    assert_eq!(uri.library_version, Some((3, 0)));
    assert_eq!(
        uri.id.as_deref(),
        Some(&[1, 2, 3, 0xba, 0xdd, 0xca, 0xfe, 4, 5, 6][..])
    );
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[10]).unwrap();
    assert_eq!(uri.token.as_deref(), Some("A name with a substring %;"));
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[11]).unwrap();
    assert_eq!(
        uri.token.as_deref(),
        Some("Name with a small A with acute: á")
    );
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[5]).unwrap();
    assert_eq!(uri.module_path.as_deref(), Some("/mnt/libmypkcs11.so.1"));
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[4]).unwrap();
    assert_eq!(uri.module_name.as_deref(), Some("mypkcs11"));
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[7]).unwrap();
    assert_eq!(uri.slot_description.as_deref(), Some("Sun Metaslot"));
}

#[test]
fn pin_value_is_accepted_with_a_warning_and_never_shown() {
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[6]).unwrap();
    assert_eq!(uri.pin_value.as_ref().map(|p| p.expose()), Some("the-pin"));
    assert_eq!(uri.warnings(), vec![UriWarning::PinValue]);
    assert!(!uri.to_string().contains("the-pin"));
    assert!(!format!("{uri:?}").contains("the-pin"));
    let err = Pkcs11Uri::parse("pkcs11:token=a?pin-value=se%ZZcret").unwrap_err();
    assert!(!err.to_string().contains("se%ZZcret"), "{err}");
}

#[test]
fn unknown_attributes_are_kept_but_match_nothing() {
    let uri = Pkcs11Uri::parse(RFC_EXAMPLES[12]).unwrap();
    assert_eq!(
        uri.vendor_path,
        vec![("vendor-aaa".to_string(), "value-a".to_string())]
    );
    assert_eq!(
        uri.vendor_query,
        vec![("vendor-bbb".to_string(), "value-b".to_string())]
    );
    assert!(matches!(uri.warnings()[0], UriWarning::UnknownAttribute(_)));
    let fields = TokenFields {
        label: "my-token",
        manufacturer: "m",
        serial: "s",
        model: "x",
    };
    assert!(!uri.matches_token(&fields));
}

#[test]
fn bad_uris_say_which_part_is_wrong() {
    let cases: &[(&str, &str)] = &[
        ("pkcs12:token=a", "must start with"),
        ("pkcs11:token", "has no \"=\""),
        ("pkcs11:token=a;token=b", "appears twice"),
        ("pkcs11:token=a%2", "two hex digits"),
        ("pkcs11:token=a%zz", "two hex digits"),
        ("pkcs11:token=a b", "percent-encoded"),
        ("pkcs11:type=key", "type must be one of"),
        ("pkcs11:slot-id=abc", "decimal number"),
        ("pkcs11:library-version=1.x", "MAJOR.MINOR"),
        ("pkcs11:token=%FF%FE", "UTF-8"),
        ("pkcs11:object=a?pin-source=/a&pin-value=b", "cannot both"),
        (
            "pkcs11:token=a?module-path=/a&module-path=/b",
            "appears twice",
        ),
    ];
    for (text, needle) in cases {
        let err = Pkcs11Uri::parse(text).expect_err(text);
        assert!(err.to_string().contains(needle), "{text}: {err}");
    }
    assert!(matches!(
        Pkcs11Uri::parse("pkcs11:serial=1;serial=2"),
        Err(UriError::Duplicate(n)) if n == "serial"
    ));
}

#[test]
fn matching_trims_blank_padding_and_compares_decoded_values() {
    let uri = Pkcs11Uri::parse("pkcs11:token=%D0%91%D1%83%D1%85%20;serial=0042").unwrap();
    let token = TokenFields {
        label: "Бух   ",
        manufacturer: "x",
        serial: "0042",
        model: "m",
    };
    assert!(uri.matches_token(&token));
    let other = TokenFields {
        serial: "0043",
        ..token
    };
    assert!(!uri.matches_token(&other));
    let obj = Pkcs11Uri::parse("pkcs11:id=%01%02;type=private").unwrap();
    assert!(obj.matches_object("any", &[1, 2], Some(ObjectType::Private)));
    assert!(!obj.matches_object("any", &[1, 2], Some(ObjectType::Public)));
    assert!(!obj.matches_object("any", &[1], Some(ObjectType::Private)));
}

#[test]
fn formatting_escapes_what_must_be_escaped() {
    let mut uri = Pkcs11Uri::default();
    uri.token = Some("a b;c?d/e%f&g".into());
    uri.id = Some(vec![0, 255]);
    uri.module_path = Some("/usr/lib/a b.so".into());
    let text = uri.to_string();
    assert_eq!(
        text,
        "pkcs11:token=a%20b%3Bc%3Fd%2Fe%25f&g;id=%00%FF?module-path=/usr/lib/a%20b.so"
    );
    assert_eq!(Pkcs11Uri::parse(&text).unwrap(), uri);
}

fn any_uri() -> impl Strategy<Value = Pkcs11Uri> {
    let text = || proptest::option::of("\\PC{0,12}");
    (
        (text(), text(), text(), text(), text()),
        (
            proptest::option::of(proptest::collection::vec(any::<u8>(), 0..8)),
            text(),
            text(),
        ),
        proptest::option::of((any::<u8>(), any::<u8>())),
        proptest::option::of(prop_oneof![
            Just(ObjectType::Cert),
            Just(ObjectType::Data),
            Just(ObjectType::Private),
            Just(ObjectType::Public),
            Just(ObjectType::SecretKey)
        ]),
    )
        .prop_map(
            |((token, manufacturer, serial, model, object), (id, source, path), version, ty)| {
                let mut uri = Pkcs11Uri::default();
                uri.token = token;
                uri.manufacturer = manufacturer;
                uri.serial = serial;
                uri.model = model;
                uri.object = object;
                uri.id = id;
                uri.pin_source = source;
                uri.module_path = path;
                uri.library_version = version;
                uri.object_type = ty;
                uri
            },
        )
}

proptest! {
    #[test]
    fn any_uri_round_trips(uri in any_uri()) {
        let text = uri.to_string();
        prop_assert_eq!(Pkcs11Uri::parse(&text).unwrap(), uri);
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in "pkcs11:\\PC{0,60}") {
        let _ = Pkcs11Uri::parse(&text);
    }
}
