//! PINs: the secret type and where PINs come from.

mod secret;
mod source;

pub use secret::Pin;
pub use source::{PinSource, SecretKind};
