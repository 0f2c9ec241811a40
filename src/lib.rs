//! tokenward: a credential manager for hardware tokens (USB tokens and smart cards) driven
//! through their vendors' PKCS#11 modules.
//!
//! The library holds everything a script or another program could want; the `tokenward`
//! binary only parses the command line and renders what the library returns.
#![warn(missing_docs)]
#![forbid(unsafe_code)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod audit;
pub mod cert;
pub mod config;
pub mod error;
pub mod files;
pub mod keys;
pub mod names;
pub mod ops;
pub mod pin;
pub mod process;
pub mod recovery;
pub mod sign;
pub mod token;
pub mod uri;
pub mod workspace;

pub use error::{Error, ExitCode, Result};
pub use uri::Pkcs11Uri;
pub use workspace::{Options, Workspace};
