//! tokenward: a credential manager for hardware tokens.
#![warn(missing_docs)]
