//! Helpers for the emulated resources: ids and limits.

/// Most replicas/instances one resource may have in the emulator.
pub(crate) const MAX_REPLICAS: i64 = 100;

/// A short random id: `prefix` + `len` lowercase letters and digits.
pub(crate) fn new_id(prefix: &str, len: usize) -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut id = String::with_capacity(prefix.len() + len);
    id.push_str(prefix);
    for _ in 0..len {
        id.push(char::from(CHARS[fastrand::usize(..CHARS.len())]));
    }
    id
}
