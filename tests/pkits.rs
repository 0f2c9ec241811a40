//! NIST's public path-validation suite (PKITS, the 2048-bit edition; certificates in
//! `fixtures/pkits/`, see fixtures/README.md): every test of the sections about signatures,
//! validity, name chaining, basic constraints, key usage and name constraints, whose expected
//! result is in its file name (`Valid…` or `Invalid…`). Revocation and policy sections are
//! left out: tokenward checks neither (its output says revocation was not checked).

use std::path::{Path, PathBuf};

use tokenward::cert::path::validate;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pkits")
}

/// The sections in scope, by the words their test names carry.
const SECTIONS: &[&str] = &[
    "CertificatePath",
    "CASignature",
    "EESignature",
    "DSASignature",
    "notBefore",
    "notAfter",
    "NameChaining",
    "NameUIDs",
    "RFC3280MandatoryAttributeTypes",
    "RFC3280OptionalAttributeTypes",
    "UTF8String",
    "basicConstraints",
    "cAFalse",
    "pathLenConstraint",
    "keyUsage",
    "nameConstraints",
];

/// Tests in scope that need what tokenward does not do.
const OUT_OF_SCOPE: &[(&str, &str)] = &[
    // The CA's key usage is only checked through its CRL in these.
    (
        "InvalidkeyUsageCriticalcRLSignFalseTest4EE",
        "needs CRL processing",
    ),
    (
        "InvalidkeyUsageNotCriticalcRLSignFalseTest5EE",
        "needs CRL processing",
    ),
];

/// Where tokenward is deliberately stricter than the suite: the profile of `openssl verify
/// -x509_strict`, which refuses a CA whose basicConstraints is not critical (RFC 5280
/// 4.2.1.9 requires conforming CAs to mark it critical).
const STRICTER: &[&str] = &["ValidbasicConstraintsNotCriticalTest4EE"];

#[test]
fn pkits_paths_validate_as_the_suite_says() {
    let files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    let der = |p: &Path| std::fs::read(p).unwrap();
    let anchor = der(&dir().join("TrustAnchorRootCertificate.crt"));
    let pool: Vec<Vec<u8>> = files
        .iter()
        .filter(|p| !p.to_string_lossy().ends_with("EE.crt"))
        .map(|p| der(p))
        .collect();
    // Inside every certificate's validity (2010 .. 2030), like the suite's own date.
    let at = time::macros::datetime!(2020-06-15 0:00 UTC);
    let mut run = 0;
    let mut wrong = Vec::new();
    for file in &files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        if !name.ends_with("EE")
            || !SECTIONS.iter().any(|s| name.contains(s))
            || OUT_OF_SCOPE.iter().any(|(n, _)| *n == name)
        {
            continue;
        }
        let expected = name.starts_with("Valid") && !STRICTER.contains(&name.as_str());
        let got = validate(&der(file), &pool, std::slice::from_ref(&anchor), Some(at));
        run += 1;
        if got.is_ok() != expected {
            wrong.push(format!(
                "{name}: expected {}, got {}",
                if expected { "valid" } else { "invalid" },
                match &got {
                    Ok(_) => "valid".to_string(),
                    Err(e) => e.to_string(),
                }
            ));
        }
    }
    assert!(run >= 60, "only {run} PKITS tests in scope");
    assert!(
        wrong.is_empty(),
        "{} of {run} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
