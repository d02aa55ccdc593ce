//! The files esi is given, read and written safely: only regular files are read (a FIFO
//! or device would block or never end), with a size limit (a bomb is refused, not
//! swallowed), and an output file is replaced atomically — written to a unique temporary
//! file beside it, synced, then renamed over it — never by clobbering a neighbour.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{EsiError, Result};

/// Config files (`ESI_CONFIG`, `--schema`): far below this.
pub const MAX_CONFIG_BYTES: u64 = 16 << 20;
/// Snapshot files (`--store`) and what a compressed one expands to, unless
/// `ESI_MAX_INPUT_BYTES` says otherwise.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 4 << 30;

/// The input limit in force: `ESI_MAX_INPUT_BYTES` (bytes) or the default.
pub fn max_input_bytes() -> Result<u64> {
    match std::env::var("ESI_MAX_INPUT_BYTES") {
        Err(_) => Ok(DEFAULT_MAX_INPUT_BYTES),
        Ok(v) => v.trim().parse().map_err(|_| {
            EsiError::Usage(format!(
                "ESI_MAX_INPUT_BYTES={v}: expected a number of bytes"
            ))
        }),
    }
}

/// Read a whole regular file of at most `max` bytes; `what` names it in errors (e.g.
/// `--store`, `ESI_CONFIG`).
pub fn read_regular(path: &Path, what: &str, max: u64) -> Result<Vec<u8>> {
    let shown = path.display();
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => EsiError::NotFound(format!("{what} {shown}: no such file")),
        _ => EsiError::Usage(format!("{what} {shown}: {e}")),
    })?;
    if !meta.is_file() {
        return Err(EsiError::Usage(format!(
            "{what} {shown}: not a regular file (a pipe, device or directory cannot be read as one)"
        )));
    }
    if meta.len() > max {
        return Err(too_big(what, &shown.to_string(), max));
    }
    let f = fs::File::open(path).map_err(|e| EsiError::Usage(format!("{what} {shown}: {e}")))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while read: never past the limit.
    f.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_big(what, &shown.to_string(), max));
    }
    Ok(bytes)
}

pub fn too_big(what: &str, name: &str, max: u64) -> EsiError {
    EsiError::InvalidData(format!(
        "{what} {name}: larger than the limit of {max} bytes (raise it with ESI_MAX_INPUT_BYTES)"
    ))
}

/// Where writing `path` really goes: a symlink is followed to its target (which is then
/// replaced, the link kept); anything but a regular file or nothing yet is refused.
fn output_target(path: &Path) -> Result<PathBuf> {
    let shown = path.display();
    let target = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(EsiError::Usage(format!("{shown}: {e}"))),
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| {
            EsiError::Usage(format!(
                "{shown} is a symlink whose target cannot be used: {e}"
            ))
        })?,
        Ok(_) => path.to_path_buf(),
    };
    match fs::metadata(&target) {
        Ok(m) if !m.is_file() => Err(EsiError::Usage(format!(
            "refusing to replace {shown}: not a regular file (give - to write to stdout)"
        ))),
        _ => Ok(target),
    }
}

/// Write `path` through `write`: `-` streams to stdout; otherwise a temporary file in the
/// same directory is written, flushed and synced, then renamed over the target, so a
/// failed or interrupted write leaves the old file as it was.
pub fn write_replacing(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        write(&mut out)?;
        return Ok(out.flush()?);
    }
    let target = output_target(path)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".esi-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| EsiError::Usage(format!("cannot write in {}: {e}", dir.display())))?;
    let mut w = std::io::BufWriter::new(tmp);
    write(&mut w)?;
    let tmp = w.into_inner().map_err(|e| EsiError::Io(e.into_error()))?;
    tmp.as_file().sync_all()?;
    // Keep the permissions of the file being replaced (a new one: 0644 less the umask,
    // as File::create would give it, not the temporary file's 0600).
    let perms = match fs::metadata(&target) {
        Ok(m) => m.permissions(),
        Err(_) => default_permissions(),
    };
    fs::set_permissions(tmp.path(), perms)?;
    tmp.persist(&target).map_err(|e| EsiError::Io(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    // The umask is only readable by setting it: apply the common 022.
    fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> fs::Permissions {
    fs::metadata(".").map(|m| m.permissions()).expect("cwd")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_keeps_neighbours_and_follows_symlinks() {
        let d = tempfile::tempdir().unwrap();
        let keep = d.path().join("keep.partial");
        fs::write(&keep, "mine").unwrap();
        let out = d.path().join("keep.json");
        write_replacing(&out, |w: &mut dyn Write| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        assert_eq!(fs::read_to_string(&keep).unwrap(), "mine");
        #[cfg(unix)]
        {
            let target = d.path().join("target.json");
            fs::write(&target, "old").unwrap();
            let link = d.path().join("link.json");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            write_replacing(&link, |w: &mut dyn Write| Ok(w.write_all(b"via link")?)).unwrap();
            assert!(fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            assert_eq!(fs::read_to_string(&target).unwrap(), "via link");
        }
        // Nothing else was left in the directory.
        let mut names: Vec<String> = fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert!(names.iter().all(|n| !n.starts_with(".esi-")), "{names:?}");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("x.json");
        fs::write(&out, "old").unwrap();
        let r = write_replacing(&out, |_w: &mut dyn Write| {
            Err(EsiError::Other(anyhow::anyhow!("boom")))
        });
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "old");
    }

    #[test]
    fn non_regular_files_are_refused() {
        let e = write_replacing(Path::new("/dev/null"), |_w: &mut dyn Write| Ok(()));
        assert!(matches!(e, Err(EsiError::Usage(m)) if m.contains("not a regular file")));
        let e = read_regular(Path::new("/dev/zero"), "--store", 100);
        assert!(matches!(e, Err(EsiError::Usage(m)) if m.contains("not a regular file")));
        let d = tempfile::tempdir().unwrap();
        let big = d.path().join("big");
        fs::write(&big, vec![b'x'; 200]).unwrap();
        let e = read_regular(&big, "--store", 100);
        assert!(matches!(e, Err(EsiError::InvalidData(m)) if m.contains("limit of 100 bytes")));
        assert_eq!(read_regular(&big, "--store", 200).unwrap().len(), 200);
    }
}
