//! The build sandbox: a re-executed helper process in fresh mount, pid,
//! network, uts and ipc namespaces (and a user namespace when we are not
//! root) that bind-mounts what the build may see into a prepared root
//! directory, then forks the builder as PID 1 of the new pid namespace.
//!
//! The parent (`spawn`) runs `<sandbox_exe> __sandbox-init <spec.json>`;
//! between fork and exec it only calls `unshare` (and, for a user
//! namespace, writes its uid/gid maps), which is safe in a multi-threaded
//! parent. The helper, [`sandbox_init_main`], starts single-threaded:
//!
//! 1. makes `/` recursively private, so no mount leaks out;
//! 2. bind-mounts the spec's sources into the root (read-only where asked),
//!    mounts a tmpfs on `/dev/shm`;
//! 3. brings `lo` up (the only interface of the new network namespace) and
//!    sets the host name to `localhost`;
//! 4. forks the builder, which mounts a fresh `/proc` for its pid
//!    namespace, `chroot`s into the root, sets `no_new_privs`, changes to
//!    `/build`, drops to the build user and `execve`s the builder with
//!    exactly the spec's environment;
//! 5. waits for it and returns its exit code (128 + N when killed by
//!    signal N). Set-up failures print `sysnix sandbox: …` on stderr (which
//!    is the build log) and return 126 or 127.

use std::ffi::{CString, OsString};
use std::io::{self, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde::{Deserialize, Serialize};

use crate::store::cstring;

/// One bind mount: `source` on the host onto `target` inside the root.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Bind {
    pub source: PathBuf,
    /// Absolute path as seen inside the sandbox.
    pub target: PathBuf,
    pub read_only: bool,
}

/// Everything the helper needs; written as JSON by the parent.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct SandboxSpec {
    /// The prepared root directory (mount points already exist in it).
    pub root: PathBuf,
    pub binds: Vec<Bind>,
    /// Directories inside the root to mount a fresh tmpfs on.
    pub tmpfs: Vec<PathBuf>,
    /// Whether the network namespace is private (bring `lo` up).
    pub private_network: bool,
    /// User and group to run the builder as; `None` keeps the current ones.
    pub user: Option<(u32, u32)>,
    /// Working directory inside the sandbox.
    pub workdir: String,
    pub builder: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// The inode of the parent's mount namespace: the helper refuses to
    /// touch mounts unless it is in another one (run by hand, it would
    /// otherwise change the host's mounts).
    pub parent_mount_ns: u64,
}

/// The inode of this process's mount namespace.
pub(crate) fn mount_ns() -> io::Result<u64> {
    use std::os::unix::fs::MetadataExt;
    Ok(std::fs::metadata("/proc/self/ns/mnt")?.ino())
}

/// Whether we run as root (else the sandbox needs a user namespace).
pub(crate) fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Starts the sandbox helper for `spec_file`, with stdin from /dev/null and
/// stdout and stderr to `log`. When not root, the helper also gets a user
/// namespace in which it is root.
pub(crate) fn spawn(
    sandbox_exe: &Path,
    spec_file: &Path,
    private_network: bool,
    log: std::io::PipeWriter,
) -> io::Result<Child> {
    let mut cmd = Command::new(sandbox_exe);
    cmd.arg("__sandbox-init")
        .arg(spec_file)
        .env_clear()
        .current_dir("/")
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log);
    let mut flags =
        libc::CLONE_NEWNS | libc::CLONE_NEWPID | libc::CLONE_NEWUTS | libc::CLONE_NEWIPC;
    if private_network {
        flags |= libc::CLONE_NEWNET;
    }
    let user_ns = !is_root();
    // Everything the child writes is prepared before the fork: between fork
    // and exec only raw syscalls run (no allocation, no locks).
    // SAFETY: getuid/getgid cannot fail.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    let uid_map = format!("0 {uid} 1\n").into_bytes();
    let gid_map = format!("0 {gid} 1\n").into_bytes();
    let paths = [
        c"/proc/self/setgroups",
        c"/proc/self/uid_map",
        c"/proc/self/gid_map",
    ];
    // SAFETY: the closure only makes async-signal-safe system calls on data
    // allocated before the fork.
    unsafe {
        cmd.pre_exec(move || {
            let f = if user_ns {
                flags | libc::CLONE_NEWUSER
            } else {
                flags
            };
            if libc::unshare(f) != 0 {
                return Err(io::Error::last_os_error());
            }
            if user_ns {
                let contents: [&[u8]; 3] = [b"deny", &uid_map, &gid_map];
                for (path, data) in paths.iter().zip(contents) {
                    let fd = libc::open(path.as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
                    if fd < 0 {
                        return Err(io::Error::last_os_error());
                    }
                    let n = libc::write(fd, data.as_ptr().cast(), data.len());
                    libc::close(fd);
                    if n < 0 {
                        return Err(io::Error::last_os_error());
                    }
                }
            }
            Ok(())
        });
    }
    cmd.spawn()
}

/// The entry point of the sandbox helper: `args` are the command-line
/// arguments after `__sandbox-init`, i.e. just the path of the JSON spec
/// file. Returns the process exit code (the builder's, 128 + N when it was
/// killed by signal N, 126/127 when setting up or starting it failed).
///
/// Meant to be called from `main` of a freshly executed, single-threaded
/// process whose namespaces were created by the build code in this crate:
/// `sysnix __sandbox-init SPEC` in the CLI, `sysnix-sandbox-test
/// __sandbox-init SPEC` in this crate's tests.
pub fn sandbox_init_main(args: impl IntoIterator<Item = OsString>) -> i32 {
    let Some(spec_file) = args.into_iter().next() else {
        eprintln!("sysnix sandbox: usage: __sandbox-init SPEC_JSON_FILE");
        return 126;
    };
    let spec: SandboxSpec = match std::fs::read(&spec_file)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "sysnix sandbox: cannot read '{}': {e}",
                Path::new(&spec_file).display()
            );
            return 126;
        }
    };
    match run(&spec) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sysnix sandbox: {e}");
            126
        }
    }
}

fn check(r: libc::c_int, what: impl FnOnce() -> String) -> io::Result<()> {
    if r == 0 {
        Ok(())
    } else {
        let e = io::Error::last_os_error();
        Err(io::Error::new(e.kind(), format!("{}: {e}", what())))
    }
}

fn inside(root: &Path, p: &Path) -> PathBuf {
    root.join(p.strip_prefix("/").unwrap_or(p))
}

/// Mount flags that a remount must keep (they may be locked).
fn kept_flags(target: &CString) -> libc::c_ulong {
    // SAFETY: an all-zero statvfs is valid and `target` is NUL-terminated.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::statvfs(target.as_ptr(), &mut st) } != 0 {
        return 0;
    }
    let mut flags = 0;
    for (st_flag, ms_flag) in [
        (libc::ST_NOSUID, libc::MS_NOSUID),
        (libc::ST_NODEV, libc::MS_NODEV),
        (libc::ST_NOEXEC, libc::MS_NOEXEC),
        (libc::ST_NOATIME, libc::MS_NOATIME),
        (libc::ST_NODIRATIME, libc::MS_NODIRATIME),
        (libc::ST_RELATIME, libc::MS_RELATIME),
    ] {
        if st.f_flag & st_flag != 0 {
            flags |= ms_flag;
        }
    }
    flags
}

fn mount_all(spec: &SandboxSpec) -> io::Result<()> {
    let root_c = c"/";
    // SAFETY: plain mount(2) calls with valid NUL-terminated strings or NULL.
    check(
        unsafe {
            libc::mount(
                std::ptr::null(),
                root_c.as_ptr(),
                std::ptr::null(),
                libc::MS_REC | libc::MS_PRIVATE,
                std::ptr::null(),
            )
        },
        || "making / private".into(),
    )?;
    for b in &spec.binds {
        let src = cstring(&b.source)?;
        let target = inside(&spec.root, &b.target);
        let dst = cstring(&target)?;
        // SAFETY: as above.
        check(
            unsafe {
                libc::mount(
                    src.as_ptr(),
                    dst.as_ptr(),
                    std::ptr::null(),
                    libc::MS_BIND | libc::MS_REC,
                    std::ptr::null(),
                )
            },
            || format!("bind-mounting '{}'", b.source.display()),
        )?;
        if b.read_only {
            // Read-only binds (the toolchain, store inputs) also get no
            // set-uid programs and no device nodes.
            let flags = libc::MS_REMOUNT
                | libc::MS_BIND
                | libc::MS_RDONLY
                | libc::MS_NOSUID
                | libc::MS_NODEV
                | kept_flags(&dst);
            // SAFETY: as above.
            check(
                unsafe {
                    libc::mount(
                        std::ptr::null(),
                        dst.as_ptr(),
                        std::ptr::null(),
                        flags,
                        std::ptr::null(),
                    )
                },
                || format!("making '{}' read-only", b.target.display()),
            )?;
        }
    }
    for t in &spec.tmpfs {
        let dst = cstring(&inside(&spec.root, t))?;
        // SAFETY: as above.
        check(
            unsafe {
                libc::mount(
                    c"none".as_ptr(),
                    dst.as_ptr(),
                    c"tmpfs".as_ptr(),
                    libc::MS_NOSUID | libc::MS_NODEV,
                    c"mode=1777".as_ptr().cast(),
                )
            },
            || format!("mounting a tmpfs on '{}'", t.display()),
        )?;
    }
    Ok(())
}

/// Brings up the loopback interface of the (new) network namespace.
fn loopback_up() -> io::Result<()> {
    // SAFETY: socket/ioctl/close on a descriptor we own, with a zeroed and
    // then filled `ifreq`.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let mut ifr: libc::ifreq = std::mem::zeroed();
        for (i, b) in b"lo\0".iter().enumerate() {
            ifr.ifr_name[i] = *b as libc::c_char;
        }
        ifr.ifr_ifru.ifru_flags = (libc::IFF_UP | libc::IFF_LOOPBACK | libc::IFF_RUNNING) as i16;
        let r = libc::ioctl(fd, libc::SIOCSIFFLAGS, &ifr);
        let err = io::Error::last_os_error();
        libc::close(fd);
        if r != 0 {
            return Err(io::Error::new(err.kind(), format!("bringing up lo: {err}")));
        }
    }
    Ok(())
}

fn run(spec: &SandboxSpec) -> io::Result<i32> {
    // SAFETY: prctl with constant arguments.
    unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) };
    if mount_ns()? == spec.parent_mount_ns {
        return Err(io::Error::other(
            "not in a new mount namespace; refusing to set up mounts (this helper is started by sysnix builds only)",
        ));
    }
    mount_all(spec)?;
    if spec.private_network {
        loopback_up()?;
    }
    // SAFETY: valid buffers with their lengths.
    unsafe {
        check(libc::sethostname(c"localhost".as_ptr(), 9), || {
            "setting the host name".into()
        })?;
        check(libc::setdomainname(c"(none)".as_ptr(), 6), || {
            "setting the domain name".into()
        })?;
    }
    // Prepare everything the child needs before forking.
    let proc_dir = cstring(&inside(&spec.root, Path::new("/proc")))?;
    let root = cstring(&spec.root)?;
    let workdir = CString::new(spec.workdir.as_str())?;
    let builder = CString::new(spec.builder.as_str())?;
    let mut argv_owned = vec![builder.clone()];
    for a in &spec.args {
        argv_owned.push(CString::new(a.as_str())?);
    }
    let envp_owned = spec
        .env
        .iter()
        .map(|(k, v)| CString::new(format!("{k}={v}")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut argv: Vec<*const libc::c_char> = argv_owned.iter().map(|c| c.as_ptr()).collect();
    argv.push(std::ptr::null());
    let mut envp: Vec<*const libc::c_char> = envp_owned.iter().map(|c| c.as_ptr()).collect();
    envp.push(std::ptr::null());
    let _ = io::stderr().flush();

    // SAFETY: this process is single-threaded (a fresh exec), so the child
    // may do anything; it ends in execve or _exit.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(io::Error::last_os_error());
    }
    if pid == 0 {
        let code = match child(spec, &proc_dir, &root, &workdir, &builder, &argv, &envp) {
            Ok(()) => 0,
            Err((code, e)) => {
                eprintln!("sysnix sandbox: {e}");
                code
            }
        };
        // SAFETY: ends the child without running the parent's destructors.
        unsafe { libc::_exit(code) };
    }
    loop {
        let mut status = 0;
        // SAFETY: waiting for our own child.
        let r = unsafe { libc::waitpid(pid, &mut status, 0) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if libc::WIFEXITED(status) {
            return Ok(libc::WEXITSTATUS(status));
        }
        if libc::WIFSIGNALED(status) {
            let sig = libc::WTERMSIG(status);
            eprintln!("sysnix sandbox: builder killed by signal {sig}");
            return Ok(128 + sig);
        }
    }
}

/// The builder's side: becomes PID 1 of the new pid namespace. Returns
/// only on failure, with the exit code to use.
fn child(
    spec: &SandboxSpec,
    proc_dir: &CString,
    root: &CString,
    workdir: &CString,
    builder: &CString,
    argv: &[*const libc::c_char],
    envp: &[*const libc::c_char],
) -> Result<(), (i32, io::Error)> {
    let fail = |e: io::Error| (126, e);
    // SAFETY: system calls with valid NUL-terminated strings, NULL-ended
    // argument and environment arrays whose strings outlive the call.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
        check(
            libc::mount(
                c"proc".as_ptr(),
                proc_dir.as_ptr(),
                c"proc".as_ptr(),
                libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
                std::ptr::null(),
            ),
            || "mounting /proc".into(),
        )
        .map_err(fail)?;
        check(libc::chroot(root.as_ptr()), || "chroot".into()).map_err(fail)?;
        // Nothing the builder runs may gain privileges (set-uid programs).
        check(libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), || {
            "setting no_new_privs".into()
        })
        .map_err(fail)?;
        check(libc::chdir(workdir.as_ptr()), || {
            format!("changing to {}", spec.workdir)
        })
        .map_err(fail)?;
        if let Some((uid, gid)) = spec.user {
            check(libc::setgroups(0, std::ptr::null()), || "setgroups".into()).map_err(fail)?;
            check(libc::setgid(gid), || format!("setgid {gid}")).map_err(fail)?;
            check(libc::setuid(uid), || format!("setuid {uid}")).map_err(fail)?;
        }
        // Only stdin, stdout and stderr reach the builder.
        libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32);
        libc::execve(builder.as_ptr(), argv.as_ptr(), envp.as_ptr());
    }
    let e = io::Error::last_os_error();
    Err((
        127,
        io::Error::new(
            e.kind(),
            format!("executing builder '{}': {e}", spec.builder),
        ),
    ))
}
