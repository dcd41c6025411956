//! An on-disk store: a directory of store paths with a small database of
//! references beside them, garbage-collection roots, and build logs.
//!
//! # Layout
//!
//! ```text
//! <store>/                       mode 0755, e.g. /sysnix/store
//!   <hash>-<name>                valid store paths (read-only, mtime 1)
//!   .sysnix/                     state (never a store path: names never start with '.')
//!     lock                       flock: shared while adding/building, exclusive for GC
//!     refs/<hash>-<name>         references of a valid path, one basename a line
//!     logs/<hash>-<name>.drv     the last build log of each derivation
//!     gcroots/<name>             symlinks to store paths: direct roots
//!     gcroots/auto/<hash>        symlinks to links elsewhere: indirect roots
//!     tmp/                       build dirs and half-made paths (same file system)
//! ```
//!
//! # Validity
//!
//! A store path is valid exactly when it exists in the store directory.
//! Everything enters the store the same way: it is made complete in
//! `.sysnix/tmp`, canonicalised (no write bits, mtime 1), its references are
//! written to `refs/`, and only then is it renamed into place, which is
//! atomic. A path is only added once all its references are valid, so the
//! closure of a valid path is valid; [`LocalStore::gc`] keeps that true by
//! deleting referrers before what they refer to.

mod fsops;
mod gc;

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};

pub use gc::GcReport;

pub(crate) use fsops::{
    canonicalise, cstring, remove_tree, rename_noreplace, seal_top, temp_name, write_atomic,
};

use crate::hash::{Hash, HashAlgo};
use crate::path::{FileIngestion, StoreDir};

/// Name of the state directory inside the store directory.
pub const STATE_DIR_NAME: &str = ".sysnix";

/// A store on the local file system. See the [module docs](self) for its
/// layout. Cheap to clone; holds no open files.
#[derive(Clone, Debug)]
pub struct LocalStore {
    dir: StoreDir,
    root: PathBuf,
    state: PathBuf,
}

/// A held store lock (shared or exclusive); released when dropped.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, msg.into())
}

fn mkdir(path: &Path, mode: u32) -> io::Result<()> {
    match fs::DirBuilder::new().mode(mode).create(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

impl LocalStore {
    /// Opens the store at `store_dir`, creating the directory (mode 0755,
    /// with its parents) and its state directory `.sysnix/` as needed.
    /// A relative `store_dir` is made absolute (symlinks are not resolved).
    pub fn open(store_dir: impl AsRef<Path>) -> io::Result<LocalStore> {
        let root = std::path::absolute(store_dir.as_ref())?;
        let text = root
            .to_str()
            .ok_or_else(|| invalid("the store directory must be valid UTF-8"))?;
        let dir = StoreDir::new(text);
        let root = PathBuf::from(dir.as_str());
        if !root.is_dir() {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o755)
                .create(&root)?;
            fs::set_permissions(&root, fs::Permissions::from_mode(0o755))?;
        }
        let state = root.join(STATE_DIR_NAME);
        mkdir(&state, 0o755)?;
        for (sub, mode) in [
            ("refs", 0o755),
            ("logs", 0o755),
            ("gcroots", 0o755),
            ("gcroots/auto", 0o755),
            ("tmp", 0o700),
        ] {
            mkdir(&state.join(sub), mode)?;
        }
        Ok(LocalStore { dir, root, state })
    }

    /// The store directory, for computing store paths.
    pub fn dir(&self) -> &StoreDir {
        &self.dir
    }

    /// The store directory as a file-system path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The state directory `<store>/.sysnix`.
    pub fn state_dir(&self) -> &Path {
        &self.state
    }

    /// The directory of build logs; the log of derivation `<store>/X.drv`
    /// is `logs/X.drv`.
    pub fn log_path(&self, drv_path: &str) -> PathBuf {
        self.state.join("logs").join(basename(drv_path))
    }

    /// Where temporary build directories and half-made paths go.
    pub(crate) fn tmp_dir(&self) -> PathBuf {
        self.state.join("tmp")
    }

    fn refs_file(&self, path: &str) -> PathBuf {
        self.state.join("refs").join(basename(path))
    }

    /// Checks that `path` is a store path of this store (`<dir>/<hash>-<name>`).
    fn check_path<'a>(&self, path: &'a str) -> io::Result<&'a str> {
        self.dir.parse_store_path(path).map_err(invalid)
    }

    /// Whether `path` is a valid store path of this store: whether it exists.
    /// No hashing is involved, so this is cheap.
    pub fn is_valid(&self, path: &str) -> bool {
        self.check_path(path).is_ok() && fs::symlink_metadata(path).is_ok()
    }

    /// Takes the store lock shared: while any shared lock is held,
    /// [`LocalStore::gc`] waits. Hold one from realising paths until they
    /// are rooted to keep a concurrent GC from deleting them in between.
    /// (A GC in the same process while the guard is alive would deadlock.)
    pub fn lock_shared(&self) -> io::Result<StoreLock> {
        self.lock(libc::LOCK_SH)
    }

    /// Takes the store lock exclusively (as GC does).
    pub fn lock_exclusive(&self) -> io::Result<StoreLock> {
        self.lock(libc::LOCK_EX)
    }

    fn lock(&self, op: libc::c_int) -> io::Result<StoreLock> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.state.join("lock"))?;
        loop {
            // SAFETY: flock on a file descriptor we own.
            let r = unsafe { libc::flock(file.as_raw_fd(), op) };
            if r == 0 {
                return Ok(StoreLock { _file: file });
            }
            let err = io::Error::last_os_error();
            if err.kind() != io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }

    /// The references recorded for a valid path (full store paths), empty
    /// when there are none or the path is unknown.
    pub fn references(&self, path: &str) -> BTreeSet<String> {
        let Ok(text) = fs::read_to_string(self.refs_file(path)) else {
            return BTreeSet::new();
        };
        text.lines()
            .filter(|l| !l.is_empty())
            .map(|l| format!("{}/{l}", self.dir.as_str()))
            .collect()
    }

    /// The given paths and everything reachable from them through the
    /// recorded references.
    pub fn closure<'a>(&self, paths: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<String> = paths.into_iter().map(str::to_string).collect();
        while let Some(p) = todo.pop() {
            if seen.contains(&p) {
                continue;
            }
            todo.extend(self.references(&p));
            seen.insert(p);
        }
        seen
    }

    /// Records the references of `path` (before it becomes valid).
    pub(crate) fn write_refs(&self, path: &str, refs: &BTreeSet<String>) -> io::Result<()> {
        let mut text = String::new();
        for r in refs {
            self.check_path(r)?;
            text.push_str(basename(r));
            text.push('\n');
        }
        write_atomic(&self.refs_file(path), text.as_bytes())
    }

    /// Makes the finished temporary `tmp` valid as `path`: canonicalises it,
    /// writes its references, and renames it into place. When `path` became
    /// valid meanwhile (another process), `tmp` is discarded instead.
    pub(crate) fn commit(&self, tmp: &Path, path: &str, refs: &BTreeSet<String>) -> io::Result<()> {
        canonicalise(tmp)?;
        self.write_refs(path, refs)?;
        if rename_noreplace(tmp, Path::new(path))? {
            seal_top(Path::new(path))
        } else {
            remove_tree(tmp)
        }
    }

    /// A fresh temporary path under `.sysnix/tmp` (not created).
    pub(crate) fn new_temp(&self, prefix: &str) -> PathBuf {
        self.tmp_dir().join(temp_name(prefix))
    }

    /// Realises a `builtins.toFile`-style text file at `path` (mode 0444)
    /// with `contents`, referring to `references`. `path` must be exactly
    /// what [`StoreDir::make_text_path`] gives for its name, the contents and
    /// the references; otherwise nothing is written. A no-op when `path` is
    /// already valid. The references should be valid already.
    pub fn add_text(
        &self,
        path: &str,
        contents: &[u8],
        references: &BTreeSet<String>,
    ) -> io::Result<()> {
        self.check_path(path)?;
        let name = self.dir.store_path_name(path).map_err(invalid)?;
        let expected = self
            .dir
            .make_text_path(name, contents, references)
            .map_err(invalid)?;
        if expected != path {
            return Err(invalid(format!(
                "text path '{path}' does not match its contents (expected '{expected}')"
            )));
        }
        if self.is_valid(path) {
            return Ok(());
        }
        let _lock = self.lock_shared()?;
        let tmp = self.new_temp("text");
        let result = fs::write(&tmp, contents).and_then(|()| self.commit(&tmp, path, references));
        if result.is_err() {
            let _ = remove_tree(&tmp);
        }
        result
    }

    /// Writes the `.drv` file of `drv` at `drv_path` (its ATerm text), with
    /// its input derivations and input sources as references. Refused when
    /// `drv_path` is not the text path of that ATerm.
    pub fn write_drv(&self, drv_path: &str, drv: &crate::derivation::Derivation) -> io::Result<()> {
        self.add_text(drv_path, drv.unparse().as_bytes(), &drv.references())
    }

    /// Copies the local file or tree `local` into the store at `path`.
    ///
    /// With `recursive`, the NAR of the copy (entries for which `filter`,
    /// given each entry's full local path, returns false are left out, as
    /// with `builtins.path`) must hash to `path` as a `source` path; without
    /// it `local` must be a regular file whose flat SHA-256 gives `path`
    /// (`builtins.path { recursive = false; }`). The copy is canonicalised
    /// (no write bits, executable bits and symlinks kept, mtime 1; a flat
    /// file is never executable, as in Nix). A no-op when `path` is
    /// already valid.
    pub fn add_source(
        &self,
        path: &str,
        local: &Path,
        filter: Option<&dyn Fn(&Path) -> bool>,
        recursive: bool,
    ) -> io::Result<()> {
        self.check_path(path)?;
        if self.is_valid(path) {
            return Ok(());
        }
        let _lock = self.lock_shared()?;
        let name = self.dir.store_path_name(path).map_err(invalid)?.to_string();
        let meta = fs::symlink_metadata(local).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot read source '{}': {e}", local.display()),
            )
        })?;
        if !recursive && !meta.is_file() {
            return Err(invalid(format!(
                "'{}' is not a regular file, so it cannot be added flat",
                local.display()
            )));
        }
        let tmp = self.new_temp("source");
        let result = (|| {
            if recursive {
                let mut keep = |p: &Path| filter.is_none_or(|f| f(p));
                fsops::copy_tree(local, &tmp, &mut keep)?;
            } else {
                // Flat ingestion keeps only the bytes: never executable.
                fs::copy(local, &tmp)?;
                fs::set_permissions(&tmp, fs::Permissions::from_mode(0o644))?;
            }
            let expected = if recursive {
                let digest = crate::nar::nar_sha256(&tmp)?;
                let hash = Hash {
                    algo: HashAlgo::Sha256,
                    bytes: digest.to_vec(),
                };
                self.dir.make_fixed_output_path(
                    FileIngestion::Recursive,
                    &hash,
                    &name,
                    &BTreeSet::new(),
                )
            } else {
                let hash = Hash::of(HashAlgo::Sha256, &fs::read(&tmp)?);
                self.dir
                    .make_fixed_output_path(FileIngestion::Flat, &hash, &name, &BTreeSet::new())
            }
            .map_err(invalid)?;
            if expected != path {
                return Err(invalid(format!(
                    "the contents of '{}' give store path '{expected}', not '{path}' (did it change since evaluation?)",
                    local.display()
                )));
            }
            self.commit(&tmp, path, &BTreeSet::new())
        })();
        if result.is_err() {
            let _ = remove_tree(&tmp);
        }
        result
    }

    /// Adds a GC root.
    ///
    /// * A relative `name_or_link` (e.g. `"system"` or
    ///   `"profiles/system-3"`) is a direct root: the symlink
    ///   `.sysnix/gcroots/<name>` pointing to `target`, replaced atomically
    ///   when it exists.
    /// * An absolute `name_or_link` (e.g. `/home/me/result`) is created (or
    ///   replaced) as a symlink to `target` there and registered as an
    ///   indirect root with [`LocalStore::add_indirect_root`].
    ///
    /// `target` must be a valid store path (or a path inside one). Returns
    /// the symlink made.
    pub fn add_root(&self, name_or_link: impl AsRef<Path>, target: &str) -> io::Result<PathBuf> {
        let store_path = self.dir.to_store_path(target).map_err(invalid)?;
        // Shared, so that a GC cannot delete the target before it is rooted.
        let _lock = self.lock_shared()?;
        if !self.is_valid(store_path) {
            return Err(invalid(format!("path '{store_path}' is not valid")));
        }
        let name = name_or_link.as_ref();
        let link = if name.is_absolute() {
            name.to_path_buf()
        } else {
            if name
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
                || name.starts_with("auto")
            {
                return Err(invalid(format!(
                    "invalid GC root name '{}'",
                    name.display()
                )));
            }
            self.state.join("gcroots").join(name)
        };
        if let Some(parent) = link.parent() {
            fs::create_dir_all(parent)?;
        }
        replace_symlink(Path::new(target), &link)?;
        if name.is_absolute() {
            self.add_indirect_root(&link)?;
        }
        Ok(link)
    }

    /// Registers `link` (a symlink outside the store, like `nix-build`'s
    /// `result`) as an indirect root: whatever store path it points to is
    /// kept while the link exists; once it is removed it protects nothing,
    /// and GC forgets it.
    pub fn add_indirect_root(&self, link: &Path) -> io::Result<()> {
        let link = std::path::absolute(link)?;
        let key = Hash::of(HashAlgo::Sha256, link.as_os_str().as_encoded_bytes());
        let key = crate::base32::encode(&crate::path::compress(&key.bytes, 20));
        replace_symlink(&link, &self.state.join("gcroots/auto").join(key))
    }
}

/// Makes `link` a symlink to `target`, atomically replacing what is there.
fn replace_symlink(target: &Path, link: &Path) -> io::Result<()> {
    let dir = link.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(".{}", temp_name("link")));
    symlink(target, &tmp)?;
    if let Err(e) = fs::rename(&tmp, link) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// The last component of a path (the whole string when it has no slash).
pub(crate) fn basename(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
