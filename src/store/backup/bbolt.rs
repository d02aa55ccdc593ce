//! A read-only walker of bbolt files (the format of etcd's backend, and of
//! `etcdctl snapshot save`): meta pages, the B+tree of buckets, inline buckets and
//! overflow pages. Pages are read from the file on demand (never the whole file), and
//! every offset is checked, so a corrupt file is an error naming the page, never a panic.
//!
//! No crate reads bbolt without also pulling in a writer, file locks and an allocator
//! arena; this reads only what etcd's backup needs.

use std::fs::File;
use std::os::unix::fs::FileExt;

/// bbolt's marker in a meta page.
pub const MAGIC: u32 = 0xED0C_DAED;
const PAGE_HEADER: usize = 16;
const ELEMENT: usize = 16;
const BRANCH: u16 = 0x01;
const LEAF: u16 = 0x02;
const META: u16 = 0x04;
/// A leaf element whose value is a bucket header (root page id, sequence).
const BUCKET_LEAF: u32 = 0x01;
/// Deeper than any real tree: a loop in a corrupt file stops here.
const MAX_DEPTH: usize = 64;

pub type Error = String;

/// Where a value lies: in page `page` (0: inline in its bucket's header), from byte `at`
/// of the page buffer (overflow pages included).
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub page: u64,
    pub at: usize,
}

/// A visitor of (key, value, is_bucket, place) entries.
type Visit<'a> = &'a mut dyn FnMut(&[u8], &[u8], bool, Place) -> Result<(), Error>;
/// A visitor of (key, value, place) entries.
pub type Each<'a> = &'a mut dyn FnMut(&[u8], &[u8], Place) -> Result<(), Error>;

/// Where a bucket's tree lives: at a page, or inline in its parent's value.
#[derive(Clone)]
enum Root {
    Page(u64),
    Inline(Vec<u8>),
}

pub struct Bolt {
    file: File,
    len: u64,
    page_size: u64,
    root: u64,
    /// Pages in use (the meta's high-water mark).
    pages: u64,
}

/// FNV-1a, 64 bits: bbolt's meta checksum.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}
fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// A meta page's fields: (page size, root page, high-water page id, txid), if valid.
fn meta(page: &[u8]) -> Option<(u32, u64, u64, u64)> {
    let m = page.get(PAGE_HEADER..PAGE_HEADER + 64)?;
    if u16_at(page, 8)? & META == 0 || u32_at(m, 0)? != MAGIC || u32_at(m, 4)? != 2 {
        return None;
    }
    if fnv1a(&m[..56]) != u64_at(m, 56)? {
        return None;
    }
    Some((
        u32_at(m, 8)?,
        u64_at(m, 16)?,
        u64_at(m, 40)?,
        u64_at(m, 48)?,
    ))
}

/// Does `head` (the file's first bytes) start like a bbolt file?
pub fn looks_like(head: &[u8]) -> bool {
    u32_at(head, PAGE_HEADER) == Some(MAGIC)
}

impl Bolt {
    /// Open `file` of `len` bytes (without any trailer) and pick the newest valid meta.
    pub fn open(file: File, len: u64) -> Result<Bolt, Error> {
        let mut head = vec![0u8; 4096.min(len as usize)];
        file.read_exact_at(&mut head, 0)
            .map_err(|e| format!("cannot read the first page: {e}"))?;
        let first = meta(&head);
        let size = first.map(|m| m.0 as u64).unwrap_or(4096);
        if !(512..=65536).contains(&size) || !size.is_power_of_two() {
            return Err(format!("page size {size} is not one bbolt writes"));
        }
        let mut second = vec![0u8; size as usize];
        let second = match file.read_exact_at(&mut second, size) {
            Ok(()) => meta(&second),
            Err(_) => None,
        };
        let (page_size, root, pages, _) = [first, second]
            .into_iter()
            .flatten()
            .max_by_key(|m| m.3)
            .ok_or("neither meta page is valid (bad magic, version or checksum)")?;
        let b = Bolt {
            file,
            len,
            page_size: page_size as u64,
            root,
            pages,
        };
        if b.pages * b.page_size > len {
            return Err(format!(
                "the file is truncated: its meta page says {} pages of {} bytes, it has {len} bytes",
                b.pages, b.page_size
            ));
        }
        Ok(b)
    }

    pub fn page_size(&self) -> u64 {
        self.page_size
    }

    /// One page with its overflow pages.
    pub fn page(&self, id: u64) -> Result<Vec<u8>, Error> {
        if id < 2 || id >= self.pages {
            return Err(format!(
                "page {id} is outside the file's {} pages",
                self.pages
            ));
        }
        let at = id * self.page_size;
        // The first page holds the header: one read, and a second only for overflow.
        let mut buf = vec![0u8; self.page_size as usize];
        self.file
            .read_exact_at(&mut buf, at)
            .map_err(|e| format!("page {id}: {e}"))?;
        let overflow = u32_at(&buf, 12).unwrap_or(0) as u64;
        if overflow > 0 {
            let size = (overflow + 1) * self.page_size;
            if at + size > self.len || id + overflow >= self.pages {
                return Err(format!(
                    "page {id}: {overflow} overflow pages run past the end of the file"
                ));
            }
            buf.resize(size as usize, 0);
            self.file
                .read_exact_at(&mut buf[self.page_size as usize..], at + self.page_size)
                .map_err(|e| format!("page {id}: {e}"))?;
        }
        if u64_at(&buf, 0) != Some(id) {
            return Err(format!(
                "page {id}: its header says page {}",
                u64_at(&buf, 0).unwrap_or(0)
            ));
        }
        Ok(buf)
    }

    /// Visit every (key, value, is_bucket) of a tree in key order.
    fn walk(&self, root: &Root, depth: usize, f: Visit) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err("the tree is deeper than any bbolt writes (a loop?)".into());
        }
        let (page, id) = match root {
            Root::Page(id) => (self.page(*id)?, *id),
            Root::Inline(bytes) => (bytes.clone(), 0),
        };
        let flags = u16_at(&page, 8).ok_or("short page")?;
        let count = u16_at(&page, 10).ok_or("short page")? as usize;
        let bad = |what: &str| format!("page {id}: element {what} lies outside the page");
        for i in 0..count {
            let e = PAGE_HEADER + i * ELEMENT;
            if flags & LEAF != 0 {
                let (fl, pos, ks, vs) = (
                    u32_at(&page, e).ok_or_else(|| bad("header"))?,
                    u32_at(&page, e + 4).ok_or_else(|| bad("header"))? as usize,
                    u32_at(&page, e + 8).ok_or_else(|| bad("header"))? as usize,
                    u32_at(&page, e + 12).ok_or_else(|| bad("header"))? as usize,
                );
                let k = page.get(e + pos..e + pos + ks).ok_or_else(|| bad("key"))?;
                let v = page
                    .get(e + pos + ks..e + pos + ks + vs)
                    .ok_or_else(|| bad("value"))?;
                let place = Place {
                    page: id,
                    at: e + pos + ks,
                };
                f(k, v, fl & BUCKET_LEAF != 0, place)?;
            } else if flags & BRANCH != 0 {
                let child = u64_at(&page, e + 8).ok_or_else(|| bad("header"))?;
                self.walk(&Root::Page(child), depth + 1, f)?;
            } else {
                return Err(format!(
                    "page {id}: flags {flags:#x} where a tree page should be"
                ));
            }
        }
        Ok(())
    }

    /// The tree of the named top-level bucket, if it exists.
    fn bucket(&self, name: &[u8]) -> Result<Option<Root>, Error> {
        let mut found = None;
        self.walk(&Root::Page(self.root), 0, &mut |k, v, is_bucket, _| {
            if is_bucket && k == name {
                let root = u64_at(v, 0).ok_or("short bucket header")?;
                found = Some(if root == 0 {
                    Root::Inline(v.get(16..).unwrap_or_default().to_vec())
                } else {
                    Root::Page(root)
                });
            }
            Ok(())
        })?;
        Ok(found)
    }

    /// Every (key, value) of a top-level bucket in key order; `None` if it is absent.
    pub fn each(&self, name: &[u8], f: Each) -> Result<bool, Error> {
        let Some(root) = self.bucket(name)? else {
            return Ok(false);
        };
        self.walk(&root, 0, &mut |k, v, is_bucket, at| {
            if is_bucket {
                Ok(())
            } else {
                f(k, v, at)
            }
        })?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_reference_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }
}
