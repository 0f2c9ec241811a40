//! `vcard`: a virtual OpenPGP card 3.4 (Nitrokey's opcard on a software trussed platform) in
//! vsmartcard's `vpcd` reader, so that tokenward's tests meet a real PC/SC stack and OpenSC.
//!
//! `vcard --store DIR [--serial HEX8] [--port PORT] [--unrecognised]`: the card's file system
//! lives in DIR, so PINs, keys and retry counters survive a removal. With `--unrecognised` it is
//! a card without any application (vsmartcard's ATR), which no PKCS#11 module recognises. Starting the program inserts the card into the vpcd
//! reader; ending it (SIGTERM, SIGKILL) removes it. The card's random generator is seeded with a
//! constant (trussed's test platform): never a card for real keys.

mod apdu;
mod dispatch;

use std::{path::PathBuf, process::ExitCode};

use apdu::{Answer, Chain};
use trussed::virt::{self, StorageConfig, StoreConfig};

struct Card<T: opcard::Client> {
    card: opcard::Card<T>,
    chain: Chain,
    answer: Answer,
}

/// The ATR of a real OpenPGP card 3 (its historical bytes are opcard's), so that pcsc-tools'
/// list names it.
const ATR: &[u8] = &[
    0x3b, 0xda, 0x18, 0xff, 0x81, 0xb1, 0xfe, 0x75, 0x1f, 0x03, 0x00, 0x31, 0xf5, 0x73, 0xc0, 0x01,
    0x60, 0x00, 0x90, 0x00, 0x1c,
];

impl<T: opcard::Client> vpicc::VSmartCard for Card<T> {
    fn atr(&self) -> &[u8] {
        ATR
    }

    fn power_off(&mut self) {
        self.card.reset();
    }

    fn reset(&mut self) {
        self.card.reset();
    }

    fn execute(&mut self, request: &[u8]) -> Vec<u8> {
        let part = match apdu::parse(request) {
            Ok(part) => part,
            Err(status) => return apdu::status_only(status),
        };
        let command = match self.chain.push(part) {
            Ok(Some(command)) => command,
            Ok(None) => return apdu::status_only(iso7816::Status::Success),
            Err(status) => return apdu::status_only(status),
        };
        if !Answer::is_get_response(&command) {
            let mut reply = heapless::Vec::<u8, { apdu::MAX_APDU }>::new();
            if let Err(status) = self.card.handle(command.as_view(), reply.as_mut_view()) {
                self.answer.replace(Vec::new());
                return apdu::status_only(status);
            }
            self.answer.replace(reply.to_vec());
        }
        self.answer.next(command.expected())
    }
}

/// A card no PKCS#11 module recognises: vsmartcard's own ATR, and no application at all.
struct Unrecognised;

impl vpicc::VSmartCard for Unrecognised {
    fn execute(&mut self, request: &[u8]) -> Vec<u8> {
        // SELECT of any application: not found; anything else: not supported.
        if request.get(1) == Some(&0xa4) {
            apdu::status_only(iso7816::Status::NotFound)
        } else {
            apdu::status_only(iso7816::Status::InstructionNotSupportedOrInvalid)
        }
    }
}

/// A connection to vpcd that answers without the 40 ms stall of Nagle's algorithm meeting a
/// delayed ACK: vpcd writes a command's length and its bytes apart, and waits for the ACK of the
/// first before it sends the second. Acknowledging at once (TCP_QUICKACK, which the kernel
/// clears again, so it is set before every command) took an unrecognised card's probing by
/// OpenSC from 14 s to well under one.
struct Vpcd {
    connection: vpicc::Connection,
    socket: std::net::TcpStream,
}

fn connect(port: u16) -> std::io::Result<Vpcd> {
    let socket = std::net::TcpStream::connect(("127.0.0.1", port))?;
    socket.set_nodelay(true)?;
    Ok(Vpcd {
        connection: vpicc::Connection::from(socket.try_clone()?),
        socket,
    })
}

impl Vpcd {
    fn run<V: vpicc::VSmartCard>(mut self, card: &mut V) -> std::io::Result<()> {
        loop {
            rustix::net::sockopt::set_tcp_quickack(&self.socket, true)?;
            self.connection.poll(card)?;
        }
    }
}

struct Args {
    store: PathBuf,
    serial: [u8; 4],
    port: u16,
    unrecognised: bool,
}

fn args() -> Result<Args, String> {
    let mut store = None;
    let mut serial = [0x00, 0x00, 0x12, 0x34];
    let mut port = 35963;
    let mut unrecognised = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        if arg == "--unrecognised" {
            unrecognised = true;
            continue;
        }
        let value = it.next().ok_or(format!("{arg} needs a value"))?;
        match arg.as_str() {
            "--store" => store = Some(PathBuf::from(value)),
            "--serial" => {
                let n = u32::from_str_radix(&value, 16).map_err(|e| format!("--serial: {e}"))?;
                serial = n.to_be_bytes();
            }
            "--port" => port = value.parse().map_err(|e| format!("--port: {e}"))?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(Args {
        store: store.ok_or("--store DIR is required")?,
        serial,
        port,
        unrecognised,
    })
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("vcard: {problem}");
            return ExitCode::from(2);
        }
    };
    if args.unrecognised {
        let result = connect(args.port).and_then(|c| {
            println!("vcard: inserted into vpcd on 127.0.0.1:{}", args.port);
            c.run(&mut Unrecognised)
        });
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("vcard: {e}");
                ExitCode::from(1)
            }
        };
    }
    if let Err(e) = std::fs::create_dir_all(&args.store) {
        eprintln!("vcard: {}: {e}", args.store.display());
        return ExitCode::from(1);
    }
    let store = StoreConfig {
        internal: StorageConfig::filesystem(args.store.join("internal.bin")),
        external: StorageConfig::filesystem(args.store.join("external.bin")),
        volatile: StorageConfig::ram(),
    };
    let result = virt::with_platform(store, |platform| {
        platform.run_client_with_backends(
            "opcard",
            dispatch::Dispatch::new(),
            dispatch::BACKENDS,
            |client| {
                let mut options = opcard::Options::default();
                options.serial = args.serial;
                options.manufacturer = [0xff, 0xfe];
                options.button_available = false;
                let mut card = Card {
                    card: opcard::Card::new(client, options),
                    chain: Chain::default(),
                    answer: Answer::default(),
                };
                let connection = connect(args.port)?;
                println!("vcard: inserted into vpcd on 127.0.0.1:{}", args.port);
                connection.run(&mut card)
            },
        )
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vcard: {e}");
            ExitCode::from(1)
        }
    }
}
