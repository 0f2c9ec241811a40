//! The PKCS#11 layer: modules, slots and tokens, sessions and login, objects.
//!
//! Everything here talks to a real module through cryptoki. Tokens are identified by serial
//! (with manufacturer and model), never by slot id: slot ids change after C_InitToken and
//! when readers are replugged.

pub mod certs;
pub mod discovery;
pub mod find;
pub mod module;
pub mod narrow;
pub mod objects;
pub mod pin;
pub mod quirks;
pub mod select;
pub mod session;
pub mod slots;

pub use discovery::{Candidate, Discovery, Origin, MODULE_ENV};
pub use module::{Calls, LibraryInfo, Module};
pub use objects::{list_objects, ObjectFlags, ObjectReport};
pub use select::{
    load_modules, module_choice, select_any_token, select_token, ModuleChoice, TokenRef,
    TokenSelector,
};
pub use slots::{list_slots, SlotReport, TokenFlags, TokenReport};
