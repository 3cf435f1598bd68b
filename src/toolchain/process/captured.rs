//! What is kept of a child's output: its first and last bytes, and how much was cut.

/// The head and the tail of a stream, and how much was cut between them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Captured {
    pub(crate) head: Vec<u8>,
    pub(crate) tail: Vec<u8>,
    /// Bytes dropped between head and tail.
    pub(crate) cut: u64,
}

/// How much of a program's output is kept: the first and the last bytes.
pub(crate) const HEAD: usize = 16 * 1024;
pub(crate) const TAIL: usize = 16 * 1024;

impl Captured {
    pub(super) fn push(&mut self, mut bytes: &[u8]) {
        if self.head.len() < HEAD {
            let n = (HEAD - self.head.len()).min(bytes.len());
            self.head.extend_from_slice(&bytes[..n]);
            bytes = &bytes[n..];
        }
        self.tail.extend_from_slice(bytes);
        if self.tail.len() > 2 * TAIL {
            let drop = self.tail.len() - TAIL;
            self.tail.drain(..drop);
            self.cut += drop as u64;
        }
    }

    pub(super) fn finish(&mut self) {
        if self.tail.len() > TAIL {
            let drop = self.tail.len() - TAIL;
            self.tail.drain(..drop);
            self.cut += drop as u64;
        }
    }

    /// The text kept, with a line that says how much was cut.
    pub(crate) fn text(&self) -> String {
        let head = String::from_utf8_lossy(&self.head);
        let tail = String::from_utf8_lossy(&self.tail);
        if self.cut == 0 {
            format!("{head}{tail}")
        } else {
            format!("{head}\n[… {} bytes of output cut …]\n{tail}", self.cut)
        }
    }
}
