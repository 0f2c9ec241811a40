//! The real smart-card tier: a virtual OpenPGP card in vpcd under pcscd, reached through
//! OpenSC's module (see `testkit::cards`).

use std::process::Command;

pub use testkit::cards::{Pcsc, VirtualCard, CARD_ADMIN_PIN, CARD_USER_PIN, OPENSC};

use super::{Hsm, Run};

/// One test's card world: pcscd, a card in the first reader, and a home for tokenward.
pub struct CardWorld {
    // Declared first, dropped first: the card leaves the reader before pcscd stops.
    pub card: VirtualCard,
    pub home: Hsm,
    pub pcsc: Pcsc,
}

impl CardWorld {
    /// pcscd running and the card inserted.
    pub fn start() -> Self {
        let pcsc = Pcsc::start();
        let mut card = pcsc.card("card");
        card.insert();
        CardWorld {
            card,
            home: Hsm::new(),
            pcsc,
        }
    }

    /// pcscd running, and no card in the readers.
    pub fn empty() -> Self {
        let pcsc = Pcsc::start();
        let card = pcsc.card("card");
        CardWorld {
            card,
            home: Hsm::new(),
            pcsc,
        }
    }

    /// GnuPG's `gpg --card-status` in this test's home, which leaves its scdaemon holding the
    /// card; the daemon is killed when the returned guard drops.
    pub fn gpg_holds_card(&self) -> GpgAgent<'_> {
        let gnupg = self.home.path("gnupg");
        std::fs::create_dir_all(&gnupg).unwrap();
        std::fs::set_permissions(&gnupg, std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .unwrap();
        let run = Run::from(
            self.home
                .command("timeout")
                .args(["60", "gpg", "--card-status"])
                .env("GNUPGHOME", &gnupg)
                .output()
                .expect("run gpg (Debian packages gnupg and scdaemon)"),
        );
        assert!(
            run.stdout.contains("OpenPGP"),
            "gpg sees the card: {}{}",
            run.stdout,
            run.stderr
        );
        GpgAgent { world: self }
    }

    /// tokenward on OpenSC's module.
    pub fn tokenward(&self) -> Command {
        let mut cmd = self.home.tokenward();
        cmd.env("TOKENWARD_MODULE", OPENSC);
        cmd
    }

    /// Run tokenward on OpenSC's module.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.tokenward().args(args).output().expect("run tokenward"))
    }

    /// Run tokenward with the card's user PIN from `--pin-env`.
    pub fn tw(&self, args: &[&str]) -> Run {
        let mut cmd = self.tokenward();
        cmd.args(args)
            .args(["--pin-env", "TW_PIN"])
            .env("TW_PIN", CARD_USER_PIN);
        Run::from(cmd.output().expect("run tokenward"))
    }

    /// `pkcs11-tool --module opensc-pkcs11.so ARGS`.
    pub fn pkcs11_tool(&self, args: &[&str]) -> Run {
        let mut all = vec!["--module", OPENSC];
        all.extend_from_slice(args);
        self.home.run_peer("pkcs11-tool", &all)
    }
}

/// GnuPG's agent and scdaemon of one test; dropped, they are killed.
pub struct GpgAgent<'a> {
    world: &'a CardWorld,
}

impl Drop for GpgAgent<'_> {
    fn drop(&mut self) {
        let _ = self
            .world
            .home
            .command("gpgconf")
            .args(["--kill", "all"])
            .env("GNUPGHOME", self.world.home.path("gnupg"))
            .output();
    }
}
