//! Process hygiene for a program that holds secrets: no core dumps (a dump would hold PINs,
//! passwords and key bytes in the clear), and no other process of the same user may attach
//! to it with ptrace (Linux's "dumpable" flag governs both).

/// Turn core dumps off and mark the process not dumpable. Called first thing by the command
/// line; a program that embeds the library may call it too. Failures are ignored: the
/// limits are a defence in depth, not a precondition.
pub fn harden() {
    #[cfg(target_os = "linux")]
    {
        let _ =
            rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
    }
    #[cfg(unix)]
    {
        let none = rustix::process::Rlimit {
            current: Some(0),
            maximum: Some(0),
        };
        let _ = rustix::process::setrlimit(rustix::process::Resource::Core, none);
    }
}

/// Whether core dumps are off for this process (RLIMIT_CORE is 0), for tests and `doctor`.
pub fn core_dumps_off() -> bool {
    #[cfg(unix)]
    {
        rustix::process::getrlimit(rustix::process::Resource::Core).current == Some(0)
    }
    #[cfg(not(unix))]
    {
        true
    }
}
