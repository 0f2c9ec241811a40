//! The real smart-card stack for tests: the system's `pcscd` with vsmartcard's `vpcd` reader
//! driver on a port of our own, and a virtual OpenPGP card (the repository's `vcard`, built on
//! Nitrokey's opcard) that is "inserted" by starting it and "removed" by stopping it. OpenSC's
//! `opensc-pkcs11.so` sees the card as a real one.
//!
//! pcscd serves one socket per machine (`/run/pcscd/pcscd.comm`; pcsc-lite 1.9 ignores
//! `PCSCLITE_CSOCK_NAME` on the server side), so one stack runs at a time: [`Pcsc::start`] holds
//! a process-wide lock and an `flock` on `/tmp/tokenward-pcscd.lock` for its whole life. Every
//! process it starts is killed on drop, also when the test fails.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// OpenSC's PKCS#11 module on Debian.
pub const OPENSC: &str = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
/// The virtual card's factory user PIN (OpenPGP card default).
pub const CARD_USER_PIN: &str = "123456";
/// The virtual card's factory admin (SO) PIN (OpenPGP card default).
pub const CARD_ADMIN_PIN: &str = "12345678";

static ONE_STACK: Mutex<()> = Mutex::new(());

/// A running `pcscd` with a vpcd reader pair on a private port.
pub struct Pcsc {
    pub dir: TempDir,
    /// vpcd's first reader listens here; the second on `port + 1`.
    pub port: u16,
    pcscd: Option<Child>,
    _flock: File,
    _guard: MutexGuard<'static, ()>,
}

fn free_port_pair() -> u16 {
    for _ in 0..50 {
        let a = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = a.local_addr().unwrap().port();
        if port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no two free neighbouring ports on 127.0.0.1");
}

fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "{what} within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn port_open(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_err()
}

impl Pcsc {
    /// Start pcscd with a vpcd reader pair (both empty).
    pub fn start() -> Self {
        let guard = ONE_STACK.lock().unwrap_or_else(|p| p.into_inner());
        let flock = File::create("/tmp/tokenward-pcscd.lock").unwrap();
        // SAFETY: flock on a descriptor we own; blocks until another test process lets go.
        assert_eq!(unsafe { libc_flock(flock.as_raw_fd(), 2) }, 0, "flock");
        if let Some(pid) = running_pcscd() {
            panic!(
                "a pcscd not started by these tests is running (pid {pid}); the card tests start \
                 their own: stop it first (for example `pkill pcscd`)"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let port = free_port_pair();
        let conf = dir.path().join("reader.conf.d");
        std::fs::create_dir(&conf).unwrap();
        std::fs::write(
            conf.join("vpcd"),
            format!(
                "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:0x{port:04X}\n\
                 LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\nCHANNELID 0x{port:04X}\n"
            ),
        )
        .unwrap();
        let log = File::create(dir.path().join("pcscd.log")).unwrap();
        let mut stack = Pcsc {
            port,
            pcscd: None,
            _flock: flock,
            _guard: guard,
            dir,
        };
        stack.start_pcscd(&conf, log);
        stack
    }

    fn start_pcscd(&mut self, conf: &Path, log: File) {
        let child = Command::new("pcscd")
            .args(["--foreground", "--config"])
            .arg(conf)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start pcscd (Debian package pcscd)");
        self.pcscd = Some(child);
        let port = self.port;
        wait_until(
            "pcscd's vpcd reader listening",
            Duration::from_secs(30),
            || port_open(port),
        );
        wait_until("pcscd's socket", Duration::from_secs(30), || {
            Path::new("/run/pcscd/pcscd.comm").exists()
        });
    }

    /// Stop pcscd (the doctor's "service not running" case); the stack is still dropped normally.
    pub fn stop_service(&mut self) {
        if let Some(mut child) = self.pcscd.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_file("/run/pcscd/pcscd.comm");
    }

    /// What pcscd logged so far (for failure messages).
    pub fn log(&self) -> String {
        let mut s = String::new();
        if let Ok(mut f) = File::open(self.dir.path().join("pcscd.log")) {
            let _ = f.read_to_string(&mut s);
        }
        s
    }

    /// A virtual OpenPGP card (its file system under this stack's directory, named `name`), not
    /// yet inserted.
    pub fn card(&self, name: &str) -> VirtualCard {
        VirtualCard {
            store: self.dir.path().join(name),
            port: self.port,
            child: None,
            unrecognised: false,
        }
    }

    /// A card without any application, which no PKCS#11 module recognises, not yet inserted.
    pub fn unrecognised_card(&self) -> VirtualCard {
        let mut card = self.card("unrecognised");
        card.unrecognised = true;
        card
    }
}

impl Drop for Pcsc {
    fn drop(&mut self) {
        self.stop_service();
    }
}

extern "C" {
    #[link_name = "flock"]
    fn libc_flock(fd: i32, operation: i32) -> i32;
}

/// The pid of a pcscd that is running now, from its pid file.
fn running_pcscd() -> Option<u32> {
    let pid: u32 = std::fs::read_to_string("/run/pcscd/pcscd.pid")
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Path::new(&format!("/proc/{pid}")).exists().then_some(pid)
}

/// The `vcard` program (built by `cargo build -p vcard`, which `scripts/test.sh` runs).
pub fn vcard_program() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let program = exe
        .ancestors()
        .map(|d| d.join("vcard"))
        .find(|p| p.is_file())
        .expect("the vcard program is built: run `cargo build -p vcard` (scripts/test.sh does)");
    program
}

/// One virtual OpenPGP card; dropped, it is removed from the reader.
pub struct VirtualCard {
    pub store: PathBuf,
    port: u16,
    child: Option<Child>,
    unrecognised: bool,
}

impl VirtualCard {
    /// Put the card in the first vpcd reader and wait until it answers.
    pub fn insert(&mut self) {
        assert!(self.child.is_none(), "card already inserted");
        let mut cmd = Command::new(vcard_program());
        if self.unrecognised {
            cmd.arg("--unrecognised");
        }
        let mut child = cmd
            .arg("--store")
            .arg(&self.store)
            .args(["--port", &self.port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start vcard");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(line.contains("inserted"), "vcard did not start: {line:?}");
        self.child = Some(child);
        // pcscd polls the vpcd socket; give it the time to power the card and read its ATR.
        wait_until("the card in the reader", Duration::from_secs(30), || {
            Command::new("opensc-tool")
                .arg("--list-readers")
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).contains("Yes"))
                .unwrap_or(false)
        });
    }

    /// Take the card out of the reader (its state stays in its store).
    pub fn remove(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        wait_until("the reader empty", Duration::from_secs(30), || {
            Command::new("opensc-tool")
                .arg("--list-readers")
                .output()
                .map(|o| !String::from_utf8_lossy(&o.stdout).contains("Yes"))
                .unwrap_or(false)
        });
    }
}

impl Drop for VirtualCard {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
