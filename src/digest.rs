//! A digest of a file's bytes, computed once while the file is read, so that "did this
//! file change?" never needs a second read.

use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::OnceLock;

/// The length and a 64-bit SipHash of some bytes. The hash keys are chosen at random once
/// per process, so a file cannot be made to collide with another on purpose; digests are
/// only ever compared within one run, never stored or shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Digest {
    len: u64,
    hash: u64,
}

impl Digest {
    /// The digest of `bytes`.
    #[must_use]
    pub fn of(bytes: &[u8]) -> Self {
        static KEYS: OnceLock<RandomState> = OnceLock::new();
        let mut hasher = KEYS.get_or_init(RandomState::new).build_hasher();
        hasher.write(bytes);
        Self { len: bytes.len() as u64, hash: hasher.finish() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bytes_equal_digests() {
        assert_eq!(Digest::of(b"updated: 2026-11-18\n"), Digest::of(b"updated: 2026-11-18\n"));
        assert_ne!(Digest::of(b"updated: 2026-11-18\n"), Digest::of(b"updated: 2026-11-19\n"));
        assert_ne!(Digest::of(b""), Digest::of(b"\n"));
    }
}
