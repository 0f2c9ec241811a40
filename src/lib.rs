//! tokenward: a credential manager for hardware tokens (USB tokens and smart cards) driven
//! through their vendors' PKCS#11 modules.
//!
//! The library holds everything a script or another program could want; the `tokenward`
//! binary only parses the command line and renders what the library returns.
#![warn(missing_docs)]

pub mod audit;
pub mod cert;
pub mod cli;
pub mod config;
pub mod error;
pub mod keys;
pub mod pin;
pub mod recovery;
pub mod sign;
pub mod token;
pub mod uri;

pub use error::{Error, ExitCode, Result};
pub use uri::Pkcs11Uri;
