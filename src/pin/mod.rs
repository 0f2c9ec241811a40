//! PINs: the secret type and where PINs come from.

mod policy;
mod secret;
mod source;

pub use policy::{
    first_non_latin_letter, CharKind, Impossible, PinPolicy, PolicyOverrides, PolicyViolation,
    BASE_MIN_LENGTH, PROFILES,
};
pub use secret::Pin;
pub use source::{
    prompt, read_new, read_new_prompting, NewPrompts, PinSource, SecretKind, NEW_SECRET_TRIES,
};
