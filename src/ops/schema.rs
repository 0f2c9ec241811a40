//! The JSON Schema of every command's `--json` output, made from the result types themselves
//! (schemars), so the schemas in `docs/schemas/` cannot drift from what is printed.

use schemars::{schema_for, Schema};
use serde_json::Value;

use crate::error::ErrorDocument;

/// Each command (as typed after `tokenward`) with the schema of its `--json` output; `error`
/// is the document every failing command prints.
pub fn all() -> Vec<(&'static str, Schema)> {
    use super::{certs, keys, pin, readers, recovery, sign, tokens};
    let schemas = vec![
        ("error", schema_for!(ErrorDocument)),
        ("modules", schema_for!(tokens::ModuleList)),
        ("doctor", schema_for!(super::doctor::Report)),
        ("readers", schema_for!(readers::ReaderList)),
        ("watch", schema_for!(crate::readers::watch::Event)),
        ("tokens", schema_for!(tokens::SlotList)),
        ("objects", schema_for!(tokens::ObjectList)),
        ("mechanisms", schema_for!(super::mechanisms::MechanismList)),
        ("token init", schema_for!(tokens::Initialised)),
        ("pin status", schema_for!(pin::PinStatus)),
        ("pin change", schema_for!(pin::PinChanged)),
        ("pin unblock", schema_for!(pin::PinChanged)),
        ("certs list", schema_for!(certs::CertList)),
        ("certs show", schema_for!(certs::CertShown)),
        ("certs select", schema_for!(certs::Selected)),
        ("certs export", schema_for!(certs::CertExport)),
        ("certs import", schema_for!(certs::CertImport)),
        ("certs delete", schema_for!(certs::CertDeleted)),
        ("certs verify", schema_for!(certs::CertVerified)),
        ("keys generate", schema_for!(keys::Generated)),
        ("keys csr", schema_for!(keys::KeyOutput)),
        ("keys import", schema_for!(keys::KeyImport)),
        ("keys export-public", schema_for!(keys::KeyOutput)),
        ("keys export-private", schema_for!(keys::KeyOutput)),
        ("keys delete", schema_for!(keys::KeyDeleted)),
        ("export-config", schema_for!(keys::ConfigExport)),
        ("check", schema_for!(sign::Checked)),
        ("sign", schema_for!(sign::Signed)),
        ("verify", schema_for!(sign::Verified)),
        ("recovery enroll", schema_for!(recovery::Enrolment)),
        ("recovery recover", schema_for!(recovery::Recovery)),
        ("recovery status", schema_for!(recovery::RecoveryStatus)),
        ("recovery revoke", schema_for!(recovery::Revoked)),
        ("setup", schema_for!(super::setup::SetupReport)),
        (
            "provision",
            schema_for!(crate::provision::report::ProvisionReport),
        ),
        (
            "provision-station",
            schema_for!(crate::provision::report::TokenResult),
        ),
        (
            "provision-certs",
            schema_for!(super::provision::CertsPlaced),
        ),
    ];
    schemas
        .into_iter()
        .map(|(c, s)| (c, every_field_required(s)))
        .collect()
}

/// tokenward prints every field, `null` when it has no value, and never leaves one out: every
/// property of every object is required.
fn every_field_required(schema: Schema) -> Schema {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    let names: Vec<Value> = props.keys().cloned().map(Value::String).collect();
                    map.insert("required".into(), Value::Array(names));
                }
                map.values_mut().for_each(walk);
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut value = schema.to_value();
    walk(&mut value);
    Schema::try_from(value).unwrap_or_default()
}

/// The file name of a command's schema in `docs/schemas/`.
pub fn file_name(command: &str) -> String {
    format!("{}.schema.json", command.replace(' ', "-"))
}
