//! Names for the OIDs a user meets in certificates: distinguished-name attributes (with the
//! Russian and Mexican national ones), key and signature algorithms.

/// DN attributes: OID and short name (the first name of an OID is the one shown).
const ATTRIBUTES: &[(&str, &str)] = &[
    ("2.5.4.3", "CN"),
    ("2.5.4.4", "SN"),
    ("2.5.4.5", "serialNumber"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.9", "street"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "title"),
    ("2.5.4.42", "GN"),
    ("2.5.4.43", "initials"),
    ("2.5.4.45", "x500UniqueIdentifier"),
    ("2.5.4.97", "organizationIdentifier"),
    ("1.2.840.113549.1.9.1", "emailAddress"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("0.9.2342.19200300.100.1.1", "UID"),
    ("1.2.643.3.131.1.1", "INN"),
    ("1.2.643.100.4", "INNLE"),
    ("1.2.643.100.1", "OGRN"),
    ("1.2.643.100.5", "OGRNIP"),
    ("1.2.643.100.3", "SNILS"),
];

/// Other names people type for DN attributes.
const ALIASES: &[(&str, &str)] = &[
    ("E", "1.2.840.113549.1.9.1"),
    ("EMAIL", "1.2.840.113549.1.9.1"),
    ("SURNAME", "2.5.4.4"),
    ("GIVENNAME", "2.5.4.42"),
    ("G", "2.5.4.42"),
    ("T", "2.5.4.12"),
    ("S", "2.5.4.8"),
    ("RFC", "2.5.4.45"),
    ("CURP", "2.5.4.5"),
];

/// A DN attribute's short name, or `None` for one we do not know.
pub fn attribute(oid: &str) -> Option<&'static str> {
    ATTRIBUTES.iter().find(|(o, _)| *o == oid).map(|(_, n)| *n)
}

/// The OID of a DN attribute typed by name (case-insensitive; a dotted OID is taken as is).
/// Mexican RFC and CURP map to x500UniqueIdentifier and serialNumber, as SAT's e.firma does.
pub fn attribute_oid(name: &str) -> Option<String> {
    if name.split('.').count() > 1 && name.split('.').all(|p| p.parse::<u64>().is_ok()) {
        return Some(name.to_string());
    }
    ATTRIBUTES
        .iter()
        .map(|(o, n)| (*n, *o))
        .chain(ALIASES.iter().copied())
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, o)| o.to_string())
}

/// The plain-words name of a national identifier attribute, if it is one.
pub fn national(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.643.3.131.1.1" => "INN (taxpayer number)",
        "1.2.643.100.4" => "INN of the legal entity",
        "1.2.643.100.1" => "OGRN (state registration number)",
        "1.2.643.100.5" => "OGRNIP (registration number of an entrepreneur)",
        "1.2.643.100.3" => "SNILS (insurance number)",
        _ => return None,
    })
}

/// How tokenward can use a key of this algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySupport {
    /// tokenward can sign with it and verify its signatures.
    Usable,
    /// tokenward can list it but not use it (GOST and other algorithms).
    ListOnly,
}

/// A public key algorithm's name and whether tokenward can use it.
pub fn key_algorithm(oid: &str) -> (String, KeySupport) {
    let (name, support) = match oid {
        "1.2.840.113549.1.1.1" => ("RSA", KeySupport::Usable),
        "1.2.840.10045.2.1" => ("EC", KeySupport::Usable),
        "1.3.101.112" => ("Ed25519", KeySupport::Usable),
        "1.3.101.113" => ("Ed448", KeySupport::ListOnly),
        "1.2.643.7.1.1.1.1" => ("GOST R 34.10-2012 (256 bit)", KeySupport::ListOnly),
        "1.2.643.7.1.1.1.2" => ("GOST R 34.10-2012 (512 bit)", KeySupport::ListOnly),
        "1.2.643.2.2.19" => ("GOST R 34.10-2001", KeySupport::ListOnly),
        "1.2.840.10040.4.1" => ("DSA", KeySupport::ListOnly),
        other => return (format!("unknown algorithm {other}"), KeySupport::ListOnly),
    };
    (name.to_string(), support)
}

/// A signature algorithm's name.
pub fn signature_algorithm(oid: &str) -> String {
    match oid {
        "1.2.840.113549.1.1.5" => "RSA with SHA-1",
        "1.2.840.113549.1.1.11" => "RSA with SHA-256",
        "1.2.840.113549.1.1.12" => "RSA with SHA-384",
        "1.2.840.113549.1.1.13" => "RSA with SHA-512",
        "1.2.840.113549.1.1.10" => "RSA-PSS",
        "1.2.840.10045.4.3.2" => "ECDSA with SHA-256",
        "1.2.840.10045.4.3.3" => "ECDSA with SHA-384",
        "1.2.840.10045.4.3.4" => "ECDSA with SHA-512",
        "1.3.101.112" => "Ed25519",
        "1.2.643.7.1.1.3.2" => "GOST R 34.10-2012 with GOST R 34.11-2012 (256 bit)",
        "1.2.643.7.1.1.3.3" => "GOST R 34.10-2012 with GOST R 34.11-2012 (512 bit)",
        "1.2.643.2.2.3" => "GOST R 34.10-2001 with GOST R 34.11-94",
        other => return format!("unknown algorithm {other}"),
    }
    .to_string()
}

/// A named curve.
pub fn curve(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.10045.3.1.7" => "P-256",
        "1.3.132.0.34" => "P-384",
        "1.3.132.0.35" => "P-521",
        "1.3.132.0.10" => "secp256k1",
        _ => return None,
    })
}

/// An extended key usage OID as a stable id (`client_auth`, …), or the dotted OID.
pub fn extended_key_usage(oid: &str) -> String {
    match oid {
        "1.3.6.1.5.5.7.3.1" => "server_auth",
        "1.3.6.1.5.5.7.3.2" => "client_auth",
        "1.3.6.1.5.5.7.3.3" => "code_signing",
        "1.3.6.1.5.5.7.3.4" => "email_protection",
        "1.3.6.1.5.5.7.3.8" => "time_stamping",
        "1.3.6.1.5.5.7.3.9" => "ocsp_signing",
        "1.3.6.1.4.1.311.20.2.2" => "smart_card_logon",
        "1.2.643.2.2.34.6" => "cryptopro_user",
        other => return other.to_string(),
    }
    .to_string()
}
