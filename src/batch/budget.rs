//! The memory budget large inputs share: converting a page costs a few
//! times its size, so with `--jobs 6` six large pages at once would need
//! six times that. A page of [`LARGE_INPUT_BYTES`] or more takes its size
//! from [`BATCH_MEMORY_BUDGET`] for as long as it converts, and waits while
//! the budget is spent; small pages never wait. The share is taken before
//! the page is read, from its size on disk (for a gzip file, the size its
//! trailer declares), and grown once its real size is known.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use crate::limits::{BATCH_MEMORY_BUDGET, LARGE_INPUT_BYTES};

/// Input bytes that large pages may convert at once.
#[derive(Debug)]
pub struct Budget {
    free: Mutex<u64>,
    freed: Condvar,
}

/// A large page's share of the budget, given back when dropped.
#[derive(Debug)]
pub struct Share<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            free: Mutex::new(BATCH_MEMORY_BUDGET),
            freed: Condvar::new(),
        }
    }
}

impl Budget {
    /// Waits until a page of `size` bytes may convert; `None` for a small
    /// page, which takes nothing. A page larger than the whole budget takes
    /// all of it.
    pub fn take(&self, size: u64) -> Option<Share<'_>> {
        if size < LARGE_INPUT_BYTES {
            return None;
        }
        let bytes = size.min(BATCH_MEMORY_BUDGET);
        let mut free = self.lock();
        while *free < bytes {
            free = self
                .freed
                .wait(free)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *free -= bytes;
        Some(Share {
            budget: self,
            bytes,
        })
    }

    /// A share that covers `size` bytes: `share` when it does, else a new
    /// one (`share` is given back first, so two pages never wait for each
    /// other's share).
    pub fn grow<'a>(&'a self, share: Option<Share<'a>>, size: u64) -> Option<Share<'a>> {
        if share.as_ref().map_or(0, |s| s.bytes) >= size.min(BATCH_MEMORY_BUDGET) {
            return share;
        }
        drop(share);
        self.take(size)
    }

    fn lock(&self) -> MutexGuard<'_, u64> {
        self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// How large the page at `path` is once read: its size on disk, or the
/// uncompressed size a gzip file's trailer declares when larger (0 when it
/// cannot be read; the reading then reports why).
pub fn size_hint(path: &Path) -> u64 {
    let Ok(mut file) = std::fs::File::open(path) else {
        return 0;
    };
    let on_disk = file.metadata().map_or(0, |m| m.len());
    let mut magic = [0u8; 2];
    let mut trailer = [0u8; 4];
    let declared = file.read_exact(&mut magic).is_ok()
        && magic == [0x1f, 0x8b]
        && file.seek(SeekFrom::End(-4)).is_ok()
        && file.read_exact(&mut trailer).is_ok();
    if declared {
        on_disk.max(u64::from(u32::from_le_bytes(trailer)))
    } else {
        on_disk
    }
}

impl Drop for Share<'_> {
    fn drop(&mut self) {
        *self.budget.lock() += self.bytes;
        self.budget.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_pages_wait_for_each_other_and_small_ones_never() {
        let budget = Budget::default();
        assert!(budget.take(LARGE_INPUT_BYTES - 1).is_none());
        let whole = budget.take(BATCH_MEMORY_BUDGET * 2).expect("a share");
        assert_eq!(*budget.lock(), 0);
        std::thread::scope(|scope| {
            let waiting = scope.spawn(|| budget.take(LARGE_INPUT_BYTES).map(|s| s.bytes));
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(!waiting.is_finished(), "waits while the budget is spent");
            drop(whole);
            assert_eq!(waiting.join().unwrap(), Some(LARGE_INPUT_BYTES));
        });
        assert_eq!(*budget.lock(), BATCH_MEMORY_BUDGET);
    }
}
