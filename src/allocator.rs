//! The binary's allocator: mimalloc (see Cargo.toml for why), and how long-lived it is told the
//! process will be.

use std::ffi::{c_int, c_long};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its `mimalloc.h`): how long freed memory waits before
/// it is handed back to the system, in milliseconds; -1 is never.
const PURGE_DELAY: c_int = 15;

extern "C" {
    fn mi_option_set(option: c_int, value: c_long);
    #[cfg(test)]
    fn mi_option_get(option: c_int) -> c_long;
}

/// Tells the allocator that this process ends soon (a build, a check): memory it frees is kept
/// for reuse, never handed back to the system, which the system takes back at exit anyway.
/// Handing it back costs a system call per run of pages and a page fault per page used again,
/// and at exit mimalloc hands back everything still held one run at a time: 20 to 30 ms at the
/// end of a 10,000-page build, for nothing. The dev server keeps the default, as it runs for
/// hours.
pub fn ends_soon() {
    // SAFETY: mimalloc is linked (it is the global allocator above), and its options may be
    // set at any time, from any thread.
    unsafe { mi_option_set(PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_set() {
        // mimalloc's default purge delay is a second (unless MIMALLOC_PURGE_DELAY says
        // otherwise): a newer mimalloc that renumbered its options would fail here.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: as in `ends_soon`.
            assert_eq!(unsafe { mi_option_get(PURGE_DELAY) }, 1000);
        }
        ends_soon();
        // SAFETY: as in `ends_soon`.
        assert_eq!(unsafe { mi_option_get(PURGE_DELAY) }, -1);
    }
}
