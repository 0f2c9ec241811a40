//! What a card reader's driver expects of a card: whole commands out of chained APDUs, and long
//! answers handed out piece by piece with GET RESPONSE.

use iso7816::{command::FromSliceError, Command, Instruction, Status};

/// The largest command or answer the card takes (opcard's own limit).
pub const MAX_APDU: usize = 7609;

/// Collects the parts of a chained command.
#[derive(Default)]
pub struct Chain {
    pending: Option<Command<MAX_APDU>>,
}

impl Chain {
    /// The whole command once its last part has arrived.
    pub fn push(&mut self, part: Command<MAX_APDU>) -> Result<Option<Command<MAX_APDU>>, Status> {
        let last = part.class().chain().last_or_only();
        let whole = match self.pending.take() {
            Some(mut head) => {
                head.extend_from_command(&part)
                    .map_err(|_| Status::WrongLength)?;
                head
            }
            None => part,
        };
        if last {
            Ok(Some(whole))
        } else {
            self.pending = Some(whole);
            Ok(None)
        }
    }
}

/// Hands out an answer that is longer than the reader asked for.
#[derive(Default)]
pub struct Answer {
    data: Vec<u8>,
    sent: usize,
}

impl Answer {
    pub fn is_get_response(command: &Command<MAX_APDU>) -> bool {
        command.instruction() == Instruction::GetResponse
    }

    pub fn replace(&mut self, data: Vec<u8>) {
        self.data = data;
        self.sent = 0;
    }

    /// The next piece of at most `expected` bytes, with 61xx while more is left.
    pub fn next(&mut self, expected: usize) -> Vec<u8> {
        let left = self.data.len() - self.sent;
        let n = if expected == 0 {
            left
        } else {
            expected.min(left)
        };
        let mut out = self.data[self.sent..self.sent + n].to_vec();
        self.sent += n;
        let rest = self.data.len() - self.sent;
        let status = if rest == 0 {
            Status::Success
        } else {
            Status::MoreAvailable(u8::try_from(rest).unwrap_or(u8::MAX))
        };
        out.extend_from_slice(&<[u8; 2]>::from(status));
        out
    }
}

pub fn parse(apdu: &[u8]) -> Result<Command<MAX_APDU>, Status> {
    Command::try_from(apdu).map_err(|err| match err {
        FromSliceError::InvalidClass => Status::ClassNotSupported,
        FromSliceError::InvalidFirstBodyByteForExtended => Status::UnspecifiedCheckingError,
        _ => Status::WrongLength,
    })
}

pub fn status_only(status: Status) -> Vec<u8> {
    <[u8; 2]>::from(status).to_vec()
}
