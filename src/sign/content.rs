//! What is signed or verified: bytes in memory, or a file hashed while it is read, so that a
//! file of any size is signed and checked in small memory.

use std::io::Read;
use std::path::Path;

use ring::digest::{Algorithm, Context, Digest};

use crate::error::{Error, Result};

/// The size of the pieces a file is read in.
pub const CHUNK: usize = 64 << 10;

/// The largest file read whole into memory ([`Content::to_vec`]): 64 MiB, so that even
/// pure Ed25519 stays near the memory every other signature takes.
pub const MAX_WHOLE: u64 = 64 << 20;

/// Data to sign or to check a signature over.
#[derive(Debug, Clone, Copy)]
pub enum Content<'a> {
    /// Bytes already in memory.
    Bytes(&'a [u8]),
    /// A regular file, read in [`CHUNK`]s.
    File(&'a Path),
}

impl Content<'_> {
    /// Its digest with `alg`.
    ///
    /// # Errors
    /// The file is missing, unreadable or not a regular file.
    pub fn digest(&self, alg: &'static Algorithm) -> Result<Digest> {
        match self {
            Content::Bytes(b) => Ok(ring::digest::digest(alg, b)),
            Content::File(_) => {
                let mut ctx = Context::new(alg);
                self.each_chunk(|piece| {
                    ctx.update(piece);
                    Ok(())
                })?;
                Ok(ctx.finish())
            }
        }
    }

    /// Call `f` with each piece of the content, in order.
    ///
    /// # Errors
    /// `f`'s, or the file's.
    pub fn each_chunk(&self, mut f: impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        match self {
            Content::Bytes(b) => f(b),
            Content::File(path) => {
                let io = |source| Error::Io {
                    action: "read",
                    path: path.to_path_buf(),
                    source,
                };
                let mut file = crate::files::open_regular(path)?;
                let mut buf = vec![0u8; CHUNK];
                loop {
                    let n = file.read(&mut buf).map_err(io)?;
                    if n == 0 {
                        return Ok(());
                    }
                    f(&buf[..n])?;
                }
            }
        }
    }

    /// The whole content in memory (for what cannot be computed piece by piece: pure
    /// Ed25519, a CMS signature without signed attributes), a file of at most [`MAX_WHOLE`]
    /// bytes.
    ///
    /// # Errors
    /// The file's; a larger file.
    pub fn to_vec(&self) -> Result<Vec<u8>> {
        use crate::error::InputError;
        match self {
            Content::Bytes(b) => Ok(b.to_vec()),
            // The bounded reader of every input file, its refusal told as this one's.
            Content::File(path) => crate::files::read_input(path, MAX_WHOLE).map_err(|e| match e {
                Error::Input(InputError::FileTooLarge { path, max }) => {
                    InputError::WholeFileTooLarge { path, max }.into()
                }
                other => other,
            }),
        }
    }
}
