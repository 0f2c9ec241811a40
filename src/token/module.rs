//! Loading a PKCS#11 module: one process-wide context per module file.
//!
//! Initialising the same module twice in one process can crash it, and cryptoki does not
//! finalise on drop, so loaded modules live in a registry keyed by canonical path. The first
//! load decides how the module is called ([`Calls`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Function, Pkcs11};
use cryptoki::error::RvError;

use crate::error::{Error, Result};

/// How a program calls a module, told to it when it is initialised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Calls {
    /// From several threads at once: the module locks its own state (CKF_OS_LOCKING_OK).
    #[default]
    Concurrent,
    /// From one thread at a time (PKCS#11's initialisation without locking). The module skips
    /// its locks, which SoftHSM2 takes for every object it reads: 4% of a one-shot signature
    /// on a token holding 2,000 objects. What shares the module across threads (a
    /// [`crate::sign::Signer`]) then takes turns ([`Module::turn`]).
    OneAtATime,
}

/// A loaded and initialised PKCS#11 module.
#[derive(Clone)]
pub struct Module {
    path: PathBuf,
    ctx: Pkcs11,
    info: LibraryInfo,
    /// Held while calling a module initialised for [`Calls::OneAtATime`].
    turns: Option<Arc<Mutex<()>>>,
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Module")
            .field("path", &self.path)
            .field("info", &self.info)
            .field("calls", &self.calls())
            .finish_non_exhaustive()
    }
}

/// What C_GetInfo says about a module.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct LibraryInfo {
    /// Library description.
    pub description: String,
    /// Library manufacturer.
    pub manufacturer: String,
    /// Library version, `major.minor`.
    pub library_version: String,
    /// Cryptoki version the library implements, `major.minor`.
    #[serde(rename = "cryptoki_version")]
    pub api_version: String,
    /// Library version as numbers, for URI matching.
    #[serde(skip)]
    pub version: (u8, u8),
}

impl Module {
    /// Load (or reuse) the module at `path` and initialise it for calls from several threads.
    ///
    /// # Errors
    /// The file is missing, not a PKCS#11 library, or C_Initialize fails.
    pub fn load(path: &Path) -> Result<Module> {
        Self::load_for(path, Calls::Concurrent)
    }

    /// Load (or reuse) the module at `path`, initialised for `calls` when this is its first
    /// load in the process (a module already loaded keeps how it was initialised).
    ///
    /// # Errors
    /// The file is missing, not a PKCS#11 library, or C_Initialize fails.
    pub fn load_for(path: &Path, calls: Calls) -> Result<Module> {
        if !path.exists() {
            return Err(Error::ModuleMissing {
                path: path.to_path_buf(),
            });
        }
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let registry = REGISTRY.get_or_init(|| Mutex::new(HashMap::new()));
        let mut loaded = registry.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(module) = loaded.get(&key) {
            return Ok(module.clone());
        }
        crate::trace::line(format_args!(
            "loading module {} (called {})",
            key.display(),
            match calls {
                Calls::Concurrent => "from several threads at once: it locks",
                Calls::OneAtATime => "from one thread at a time: no locking",
            }
        ));
        let ctx = Pkcs11::new(&key).map_err(|e| Error::ModuleNotPkcs11 {
            path: path.to_path_buf(),
            reason: not_pkcs11_reason(&e),
        })?;
        match crate::trace::pkcs11("C_Initialize", None, || ctx.initialize(init_args(calls))) {
            Ok(()) => {}
            Err(cryptoki::error::Error::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => {}
            Err(cryptoki::error::Error::Pkcs11(rv, Function::Initialize)) => {
                return Err(Error::ModuleInit {
                    path: path.to_path_buf(),
                    rv,
                })
            }
            Err(e) => return Err(Error::from_cryptoki(e)),
        }
        let raw = crate::trace::pkcs11("C_GetInfo", None, || ctx.get_library_info())?;
        let (lv, cv) = (raw.library_version(), raw.cryptoki_version());
        let info = LibraryInfo {
            description: raw.library_description().trim_end().to_string(),
            manufacturer: raw.manufacturer_id().trim_end().to_string(),
            library_version: lv.to_string(),
            api_version: cv.to_string(),
            version: (lv.major(), lv.minor()),
        };
        crate::trace::line(format_args!(
            "module {}: {} {} ({}), PKCS#11 {}",
            key.display(),
            info.manufacturer,
            info.description,
            info.library_version,
            info.api_version
        ));
        let module = Module {
            path: path.to_path_buf(),
            ctx,
            info,
            turns: (calls == Calls::OneAtATime).then(Arc::default),
        };
        loaded.insert(key, module.clone());
        Ok(module)
    }

    /// Finalise the module and initialise it again (no session may be open): some modules
    /// (SoftHSM2) see tokens that appeared meanwhile only then.
    ///
    /// # Errors
    /// C_Initialize fails.
    pub fn restart(&self) -> Result<()> {
        let _ = crate::trace::pkcs11("C_Finalize", None, || self.ctx.clone().finalize());
        match crate::trace::pkcs11("C_Initialize", None, || {
            self.ctx.initialize(init_args(self.calls()))
        }) {
            Ok(())
            | Err(cryptoki::error::Error::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => Ok(()),
            Err(cryptoki::error::Error::Pkcs11(rv, Function::Initialize)) => {
                Err(Error::ModuleInit {
                    path: self.path.clone(),
                    rv,
                })
            }
            Err(e) => Err(Error::from_cryptoki(e)),
        }
    }

    /// The path the module was loaded from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The cryptoki context.
    pub fn ctx(&self) -> &Pkcs11 {
        &self.ctx
    }

    /// The library information.
    pub fn info(&self) -> &LibraryInfo {
        &self.info
    }

    /// How the module was initialised to be called.
    pub fn calls(&self) -> Calls {
        match self.turns {
            Some(_) => Calls::OneAtATime,
            None => Calls::Concurrent,
        }
    }

    /// The module's turn, for a thread about to call a module initialised for
    /// [`Calls::OneAtATime`] while other threads may call it too; `None` (no waiting) for a
    /// module that locks itself.
    pub fn turn(&self) -> Option<MutexGuard<'_, ()>> {
        self.turns
            .as_ref()
            .map(|t| t.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

/// C_Initialize's arguments for `calls`: OS locking, or none (one thread at a time).
fn init_args(calls: Calls) -> CInitializeArgs {
    CInitializeArgs::new(match calls {
        Calls::Concurrent => CInitializeFlags::OS_LOCKING_OK,
        Calls::OneAtATime => CInitializeFlags::empty(),
    })
}

static REGISTRY: OnceLock<Mutex<HashMap<PathBuf, Module>>> = OnceLock::new();

/// Set once a module of this process is asked to change a token.
static CHANGING: AtomicBool = AtomicBool::new(false);

/// Note that a token is about to be changed: a read-write session, C_InitToken.
pub(crate) fn note_change() {
    CHANGING.store(true, Ordering::SeqCst);
}

/// Whether this process has asked a module to change a token (opened a read-write session or
/// initialised one). A process that has not may leave without the modules' exit-time
/// teardown: a module stores what it is told when it is told, so a read-only run leaves
/// nothing unwritten, and the system takes the memory back at once (SoftHSM2 frees every
/// object it loaded, a tenth of a signature's time on a token of 2,000 objects).
pub fn changed_tokens() -> bool {
    CHANGING.load(Ordering::SeqCst)
}

fn not_pkcs11_reason(err: &cryptoki::error::Error) -> String {
    match err {
        cryptoki::error::Error::LibraryLoading(e) => {
            let text = e.to_string();
            if text.contains("invalid ELF header") || text.contains("file too short") {
                "the file is not a shared library".into()
            } else if text.contains("C_GetFunctionList") || text.contains("undefined symbol") {
                "the library has no C_GetFunctionList entry point".into()
            } else {
                format!("the dynamic loader refused it: {text}")
            }
        }
        cryptoki::error::Error::MissingSymbol(name) => {
            format!("the library has no {name} entry point")
        }
        other => other.to_string(),
    }
}
