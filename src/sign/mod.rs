//! Signing with a key on the token: the mechanisms tokenward uses, one-shot signatures in the
//! forms X.509, PKCS#10 and CMS expect, and adapters that let other crates sign with a token key
//! (rcgen for certificate requests).

pub mod check;
pub mod checked;
pub mod cms;
pub mod content;
pub mod mechanism;
pub mod signer;
pub mod verify;

pub use content::Content;
pub use mechanism::{sign, SignMechanism};
pub use signer::Signer;
