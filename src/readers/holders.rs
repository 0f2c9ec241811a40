//! Which program probably holds a card: the usual suspects, found among the running processes.

/// A program known to hold smart cards, and how to make it let go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holder {
    /// The process name (`/proc/PID/comm`).
    pub process: &'static str,
    /// What it is, for people.
    pub what: &'static str,
    /// The command (or action) that releases the card.
    pub release: &'static str,
}

/// The programs that hold cards exclusively, most likely first.
pub const KNOWN: &[Holder] = &[
    Holder {
        process: "scdaemon",
        what: "GnuPG's smart-card daemon (scdaemon)",
        release: "gpgconf --kill scdaemon",
    },
    Holder {
        process: "pcsc_scan",
        what: "pcsc_scan",
        release: "stop pcsc_scan (Ctrl-C in its window)",
    },
    Holder {
        process: "firefox",
        what: "Firefox",
        release: "close Firefox",
    },
    Holder {
        process: "chrome",
        what: "Google Chrome",
        release: "close Chrome",
    },
    Holder {
        process: "chromium",
        what: "Chromium",
        release: "close Chromium",
    },
    Holder {
        process: "thunderbird",
        what: "Thunderbird",
        release: "close Thunderbird",
    },
];

/// The known holders that are running now (Linux: from `/proc`; elsewhere none are found).
pub fn running() -> Vec<Holder> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let names: Vec<String> = dir
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read_to_string(e.path().join("comm")).ok())
        .map(|c| c.trim().to_string())
        .collect();
    KNOWN
        .iter()
        .filter(|h| names.iter().any(|n| n == h.process))
        .copied()
        .collect()
}

/// What to do so that the card is free again.
pub fn release_hint(holder: Option<&Holder>) -> String {
    match holder {
        Some(h) => format!("{} is running and probably holds it: {}", h.what, h.release),
        None => "close the other programs that use the card (GnuPG: `gpgconf --kill scdaemon`), or take the card out and insert it again".into(),
    }
}
