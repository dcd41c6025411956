//! The table of checks, in systemd 252's order, and how each grades the settings.

use super::{Check, boot_phase, capabilities, flag, graded, namespace};
use crate::names;
use crate::settings::{DevicePolicy, ProtectHome, ProtectSystem, Settings};

/// Whether the service runs with root's powers (no user, or root by name or number).
fn runs_privileged(s: &Settings) -> bool {
    match s.user.as_deref() {
        Some("0" | "root") => true,
        _ if s.dynamic_user => false,
        None | Some("") => true,
        Some(_) => false,
    }
}

fn user(s: &Settings) -> Option<(u64, String)> {
    let user = s.user.as_deref();
    let root = matches!(user, Some("0" | "root"));
    Some(if user == Some("nobody") {
        (
            9,
            "Runs as 'nobody', a user shared with everything that maps to it".into(),
        )
    } else if s.dynamic_user && !root {
        (0, "Runs as a user allocated for it while it runs".into())
    } else if user.is_some_and(|u| !u.is_empty()) && !root {
        (0, "Runs as a dedicated system user, not root".into())
    } else {
        (10, "Runs as root".into())
    })
}

fn supplementary_groups(s: &Settings) -> Option<(u64, String)> {
    if runs_privileged(s) {
        return None;
    }
    Some(match s.supplementary_groups.is_empty() {
        true => (0, "Runs with its user's own group only".into()),
        false => (1, "Runs with extra supplementary groups".into()),
    })
}

fn remove_ipc(s: &Settings) -> Option<(u64, String)> {
    if runs_privileged(s) {
        return None;
    }
    Some(match s.remove_ipc {
        true => (
            0,
            "SysV IPC objects of its user are removed when it stops".into(),
        ),
        false => (1, "SysV IPC objects of its user may outlive it".into()),
    })
}

fn protect_home(s: &Settings) -> Option<(u64, String)> {
    Some(match s.protect_home {
        ProtectHome::Yes => (0, "Home directories are hidden from it".into()),
        ProtectHome::Tmpfs => (1, "Sees empty stand-ins for home directories".into()),
        ProtectHome::ReadOnly => (5, "Can read, but not write, home directories".into()),
        ProtectHome::No => (10, "Can read and write home directories".into()),
    })
}

fn protect_system(s: &Settings) -> Option<(u64, String)> {
    Some(match s.protect_system {
        ProtectSystem::Strict => (0, "The whole OS tree is read-only for it".into()),
        ProtectSystem::Full => (
            3,
            "/usr, the boot loader and /etc are read-only for it".into(),
        ),
        ProtectSystem::Yes => (5, "/usr and the boot loader are read-only for it".into()),
        ProtectSystem::No => (10, "Can write anywhere in the OS tree its user may".into()),
    })
}

fn root_directory(s: &Settings) -> Option<(u64, String)> {
    let own = |p: &Option<String>| p.as_deref().is_some_and(|p| p != "/");
    Some(match own(&s.root_directory) || own(&s.root_image) {
        true => (0, "Runs in a root directory or image of its own".into()),
        false => (1, "Runs in the host's root file system".into()),
    })
}

fn umask(s: &Settings) -> Option<(u64, String)> {
    let has = |bits: u32| s.umask & bits == bits;
    Some(if !has(0o002) {
        (10, "New files are writable by everyone".into())
    } else if !has(0o004) {
        (5, "New files are readable by everyone".into())
    } else if !has(0o020) {
        (2, "New files are writable by the group".into())
    } else if !has(0o040) {
        (1, "New files are readable by the group".into())
    } else {
        (0, "New files are for its own user only".into())
    })
}

fn protect_proc(s: &Settings) -> Option<(u64, String)> {
    Some(match s.protect_proc.as_str() {
        "invisible" | "ptraceable" => (0, "Sees only the processes it may trace in /proc".into()),
        "noaccess" => (1, "Cannot open other users' processes in /proc".into()),
        _ => (3, "Sees every process in /proc".into()),
    })
}

fn syscall_architectures(s: &Settings) -> Option<(u64, String)> {
    let archs = &s.syscall_architectures;
    Some(if archs.is_empty() {
        (10, "May make system calls through any ABI".into())
    } else if archs.len() == 1 && archs.contains("native") {
        (
            0,
            "May make system calls through the native ABI only".into(),
        )
    } else {
        (8, "May make system calls through several ABIs".into())
    })
}

fn syscall_group(s: &Settings, group: &str) -> (u64, String) {
    let filter = &s.syscall_filter;
    if filter.is_empty_deny_list() {
        return (10, "No system call filter".into());
    }
    let list = if filter.allow_list { "allow" } else { "deny" };
    match filter.first_allowed_of(group) {
        Some(call) => (
            if filter.allow_list { 9 } else { 10 },
            format!("The {list} list lets {group} through ({call}, for one)"),
        ),
        None => (0, format!("The {list} list blocks {group}")),
    }
}

macro_rules! syscall_check {
    ($group:literal, $json:literal, $weight:expr) => {
        graded(
            concat!("SystemCallFilter=~", $group),
            $json,
            $weight,
            10,
            |s| Some(syscall_group(s, $group)),
        )
    };
}

fn ip_address(s: &Settings) -> Option<(u64, String)> {
    Some(if s.ip_custom_filters {
        (0, "IP traffic goes through custom BPF filters".into())
    } else if !s.ip_address_deny_all {
        (10, "May reach any IP address".into())
    } else if s.ip_address_allow_other {
        (
            5,
            "IP access is denied except to some allowed non-local ranges".into(),
        )
    } else if s.ip_address_allow_localhost {
        (2, "IP access is denied except to localhost".into())
    } else {
        (0, "All IP traffic is denied".into())
    })
}

fn device_allow(s: &Settings) -> Option<(u64, String)> {
    Some(match s.device_policy {
        DevicePolicy::Closed | DevicePolicy::Strict if !s.device_allow.is_empty() => (
            5,
            format!(
                "Device access is limited to a list: {}",
                s.device_allow.join(", ")
            ),
        ),
        DevicePolicy::Closed | DevicePolicy::Strict => {
            (0, "Only the basic pseudo devices are accessible".into())
        }
        DevicePolicy::Auto => (10, "Device access is not restricted".into()),
    })
}

fn address_family(s: &Settings, bucket: fn(u32) -> bool) -> bool {
    let af = &s.address_families;
    let listed = af
        .families
        .as_ref()
        .is_some_and(|set| set.iter().any(|&f| bucket(f)));
    // An allow list restricts what it does not list; a deny list what it lists.
    match af.allow_list {
        true => !listed,
        false => listed,
    }
}

fn is_other_family(f: u32) -> bool {
    ![
        names::AF_INET,
        names::AF_INET6,
        names::AF_UNIX,
        names::AF_NETLINK,
        names::AF_PACKET,
    ]
    .contains(&f)
}

pub(super) fn checks() -> Vec<Check> {
    vec![
        graded("User=/DynamicUser=", "UserOrDynamicUser", 2000, 10, user),
        graded(
            "SupplementaryGroups=",
            "SupplementaryGroups",
            200,
            1,
            supplementary_groups,
        ),
        flag(
            "PrivateDevices=",
            "PrivateDevices",
            1000,
            "Sees only pseudo devices, no hardware",
            "May see hardware devices",
            |s| s.private_devices,
        ),
        flag(
            "PrivateMounts=",
            "PrivateMounts",
            1000,
            "Its mounts stay in its own mount namespace",
            "May mount file systems for the whole host",
            |s| s.private_mounts,
        ),
        flag(
            "PrivateNetwork=",
            "PrivateNetwork",
            2500,
            "Has a network namespace of its own",
            "Shares the host's network",
            |s| s.private_network,
        ),
        boot_phase(flag(
            "PrivateTmp=",
            "PrivateTmp",
            1000,
            "Has /tmp and /var/tmp of its own",
            "Shares /tmp and /var/tmp with other programs",
            |s| s.private_tmp,
        )),
        flag(
            "PrivateUsers=",
            "PrivateUsers",
            1000,
            "Sees only its own users in a user namespace",
            "Sees all the host's users",
            |s| s.private_users,
        ),
        flag(
            "ProtectControlGroups=",
            "ProtectControlGroups",
            1000,
            "The cgroup file system is read-only for it",
            "May write to the cgroup file system",
            |s| s.protect_control_groups,
        ),
        flag(
            "ProtectKernelModules=",
            "ProtectKernelModules",
            1000,
            "Cannot load kernel modules",
            "May load kernel modules",
            |s| s.protect_kernel_modules,
        ),
        flag(
            "ProtectKernelTunables=",
            "ProtectKernelTunables",
            1000,
            "Kernel tunables (/proc/sys, /sys…) are read-only for it",
            "May change kernel tunables",
            |s| s.protect_kernel_tunables,
        ),
        flag(
            "ProtectKernelLogs=",
            "ProtectKernelLogs",
            1000,
            "Cannot use the kernel log buffer",
            "May read and write the kernel log buffer",
            |s| s.protect_kernel_logs,
        ),
        flag(
            "ProtectClock=",
            "ProtectClock",
            1000,
            "Cannot set the system or hardware clock",
            "May set the system or hardware clock",
            |s| s.protect_clock,
        ),
        boot_phase(graded(
            "ProtectHome=",
            "ProtectHome",
            1000,
            10,
            protect_home,
        )),
        flag(
            "ProtectHostname=",
            "ProtectHostname",
            50,
            "Cannot change the host name",
            "May change the host and domain name",
            |s| s.protect_hostname,
        ),
        boot_phase(graded(
            "ProtectSystem=",
            "ProtectSystem",
            1000,
            10,
            protect_system,
        )),
        boot_phase(graded(
            "RootDirectory=/RootImage=",
            "RootDirectoryOrRootImage",
            200,
            1,
            root_directory,
        )),
        flag(
            "LockPersonality=",
            "LockPersonality",
            100,
            "Its execution domain (personality) is locked",
            "May switch execution domain (personality)",
            |s| s.lock_personality,
        ),
        flag(
            "MemoryDenyWriteExecute=",
            "MemoryDenyWriteExecute",
            100,
            "Cannot map memory both writable and executable",
            "May map memory both writable and executable",
            |s| s.memory_deny_write_execute,
        ),
        flag(
            "NoNewPrivileges=",
            "NoNewPrivileges",
            1000,
            "Cannot gain privileges (setuid, file capabilities)",
            "May gain privileges through setuid or file capabilities",
            |s| s.no_new_privileges,
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_ADMIN",
            "CapabilityBoundingSet_CAP_SYS_ADMIN",
            1500,
            &["CAP_SYS_ADMIN"],
            "CAP_SYS_ADMIN is out of its bounding set",
            "Keeps CAP_SYS_ADMIN (system administration)",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SET(UID|GID|PCAP)",
            "CapabilityBoundingSet_CAP_SET_UID_GID_PCAP",
            1500,
            &["CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP"],
            "Cannot switch identities or pass on capabilities",
            "May switch user or group identities or capabilities",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_PTRACE",
            "CapabilityBoundingSet_CAP_SYS_PTRACE",
            1500,
            &["CAP_SYS_PTRACE"],
            "Cannot trace other users' processes",
            "May trace any process (CAP_SYS_PTRACE)",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_TIME",
            "CapabilityBoundingSet_CAP_SYS_TIME",
            1000,
            &["CAP_SYS_TIME"],
            "Cannot set the clock through capabilities",
            "May set the system clock (CAP_SYS_TIME)",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_NET_ADMIN",
            "CapabilityBoundingSet_CAP_NET_ADMIN",
            1000,
            &["CAP_NET_ADMIN"],
            "Cannot configure the network",
            "May configure interfaces, routes and firewalls",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_RAWIO",
            "CapabilityBoundingSet_CAP_SYS_RAWIO",
            1000,
            &["CAP_SYS_RAWIO"],
            "No raw I/O port or memory access",
            "May do raw I/O (CAP_SYS_RAWIO)",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_MODULE",
            "CapabilityBoundingSet_CAP_SYS_MODULE",
            1000,
            &["CAP_SYS_MODULE"],
            "Cannot load modules through capabilities",
            "Keeps CAP_SYS_MODULE (kernel modules)",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_AUDIT_*",
            "CapabilityBoundingSet_CAP_AUDIT",
            500,
            &["CAP_AUDIT_CONTROL", "CAP_AUDIT_READ", "CAP_AUDIT_WRITE"],
            "No access to the audit subsystem",
            "May use the audit subsystem",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYSLOG",
            "CapabilityBoundingSet_CAP_SYSLOG",
            500,
            &["CAP_SYSLOG"],
            "Cannot use privileged syslog operations",
            "Keeps CAP_SYSLOG (kernel log operations)",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_(NICE|RESOURCE)",
            "CapabilityBoundingSet_CAP_SYS_NICE_RESOURCE",
            500,
            &["CAP_SYS_NICE", "CAP_SYS_RESOURCE"],
            "Cannot raise priorities or override resource limits",
            "May raise priorities and override resource limits",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_MKNOD",
            "CapabilityBoundingSet_CAP_MKNOD",
            500,
            &["CAP_MKNOD"],
            "Cannot make device nodes",
            "May make device nodes",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_(CHOWN|FSETID|SETFCAP)",
            "CapabilityBoundingSet_CAP_CHOWN_FSETID_SETFCAP",
            1000,
            &["CAP_CHOWN", "CAP_FSETID", "CAP_SETFCAP"],
            "Cannot change any file's owner, mode bits or capabilities",
            "May change any file's owner, setuid bits or capabilities",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_(DAC_*|FOWNER|IPC_OWNER)",
            "CapabilityBoundingSet_CAP_DAC_FOWNER_IPC_OWNER",
            1000,
            &[
                "CAP_DAC_OVERRIDE",
                "CAP_DAC_READ_SEARCH",
                "CAP_FOWNER",
                "CAP_IPC_OWNER",
            ],
            "File and IPC permissions apply to it",
            "May bypass file and IPC permission checks",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_KILL",
            "CapabilityBoundingSet_CAP_KILL",
            500,
            &["CAP_KILL"],
            "Can signal only its own user's processes",
            "May signal any process",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_NET_(BIND_SERVICE|BROADCAST|RAW)",
            "CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW)",
            500,
            &["CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_RAW"],
            "No privileged ports, broadcast or raw sockets",
            "May bind low ports, broadcast, or open raw sockets",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_BOOT",
            "CapabilityBoundingSet_CAP_SYS_BOOT",
            100,
            &["CAP_SYS_BOOT"],
            "Cannot reboot the machine",
            "May reboot or kexec the machine",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_MAC_*",
            "CapabilityBoundingSet_CAP_MAC",
            100,
            &["CAP_MAC_ADMIN", "CAP_MAC_OVERRIDE"],
            "Cannot configure or bypass SMACK",
            "May configure or bypass SMACK MAC",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_LINUX_IMMUTABLE",
            "CapabilityBoundingSet_CAP_LINUX_IMMUTABLE",
            75,
            &["CAP_LINUX_IMMUTABLE"],
            "Cannot set immutable or append-only flags",
            "May set immutable and append-only file flags",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_IPC_LOCK",
            "CapabilityBoundingSet_CAP_IPC_LOCK",
            50,
            &["CAP_IPC_LOCK"],
            "Cannot pin memory beyond its limit",
            "May lock memory in RAM",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_CHROOT",
            "CapabilityBoundingSet_CAP_SYS_CHROOT",
            50,
            &["CAP_SYS_CHROOT"],
            "Cannot chroot()",
            "May chroot()",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_BLOCK_SUSPEND",
            "CapabilityBoundingSet_CAP_BLOCK_SUSPEND",
            25,
            &["CAP_BLOCK_SUSPEND"],
            "Cannot keep the system from suspending",
            "May block system suspend",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_WAKE_ALARM",
            "CapabilityBoundingSet_CAP_WAKE_ALARM",
            25,
            &["CAP_WAKE_ALARM"],
            "Cannot set alarms that wake the system",
            "May set alarms that wake the system",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_LEASE",
            "CapabilityBoundingSet_CAP_LEASE",
            25,
            &["CAP_LEASE"],
            "Cannot take leases on others' files",
            "May take leases on any file",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_TTY_CONFIG",
            "CapabilityBoundingSet_CAP_SYS_TTY_CONFIG",
            25,
            &["CAP_SYS_TTY_CONFIG"],
            "Cannot configure terminals (vhangup)",
            "May configure terminals (vhangup)",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_SYS_PACCT",
            "CapabilityBoundingSet_CAP_SYS_PACCT",
            25,
            &["CAP_SYS_PACCT"],
            "Cannot switch process accounting",
            "May switch process accounting (acct)",
        ),
        capabilities(
            "CapabilityBoundingSet=~CAP_BPF",
            "CapabilityBoundingSet_CAP_BPF",
            25,
            &["CAP_BPF"],
            "Cannot load BPF programs",
            "May load BPF programs",
        ),
        graded("UMask=", "UMask", 100, 10, umask),
        flag(
            "KeyringMode=",
            "KeyringMode",
            1000,
            "Has a kernel session keyring of its own",
            "Shares a kernel keyring with other programs",
            |s| s.keyring_mode == "private",
        ),
        graded("ProtectProc=", "ProtectProc", 1000, 3, protect_proc),
        flag(
            "ProcSubset=",
            "ProcSubset",
            10,
            "Sees only process entries in /proc",
            "Sees all of /proc, not only processes",
            |s| s.proc_subset == "pid",
        ),
        flag(
            "NotifyAccess=",
            "NotifyAccess",
            1000,
            "Other processes of the unit cannot send it state notifications",
            "Any process of the unit may send state notifications",
            |s| s.notify_access.as_deref() != Some("all"),
        ),
        graded("RemoveIPC=", "RemoveIPC", 100, 1, remove_ipc),
        flag(
            "Delegate=",
            "Delegate",
            100,
            "The manager keeps control of its cgroup subtree",
            "Manages a delegated cgroup subtree itself",
            |s| !s.delegate,
        ),
        flag(
            "RestrictRealtime=",
            "RestrictRealtime",
            500,
            "Cannot use realtime scheduling",
            "May take realtime scheduling",
            |s| s.restrict_realtime,
        ),
        flag(
            "RestrictSUIDSGID=",
            "RestrictSUIDSGID",
            1000,
            "Cannot make setuid or setgid files",
            "May make setuid or setgid files",
            |s| s.restrict_suid_sgid,
        ),
        namespace("RestrictNamespaces=~user", "user", 1500, "user namespaces"),
        namespace("RestrictNamespaces=~mnt", "mnt", 500, "mount namespaces"),
        namespace("RestrictNamespaces=~ipc", "ipc", 500, "IPC namespaces"),
        namespace("RestrictNamespaces=~pid", "pid", 500, "PID namespaces"),
        namespace(
            "RestrictNamespaces=~cgroup",
            "cgroup",
            500,
            "cgroup namespaces",
        ),
        namespace("RestrictNamespaces=~net", "net", 500, "network namespaces"),
        namespace(
            "RestrictNamespaces=~uts",
            "uts",
            100,
            "UTS (host name) namespaces",
        ),
        flag(
            "RestrictAddressFamilies=~AF_(INET|INET6)",
            "RestrictAddressFamilies_AF_INET_INET6",
            1500,
            "Cannot open IPv4 or IPv6 sockets",
            "May open IPv4 and IPv6 sockets",
            |s| address_family(s, |f| f == names::AF_INET || f == names::AF_INET6),
        ),
        flag(
            "RestrictAddressFamilies=~AF_UNIX",
            "RestrictAddressFamilies_AF_UNIX",
            25,
            "Cannot open UNIX sockets",
            "May open UNIX sockets",
            |s| address_family(s, |f| f == names::AF_UNIX),
        ),
        flag(
            "RestrictAddressFamilies=~AF_NETLINK",
            "RestrictAddressFamilies_AF_NETLINK",
            200,
            "Cannot open netlink sockets",
            "May open netlink sockets",
            |s| address_family(s, |f| f == names::AF_NETLINK),
        ),
        flag(
            "RestrictAddressFamilies=~AF_PACKET",
            "RestrictAddressFamilies_AF_PACKET",
            1000,
            "Cannot open packet sockets",
            "May open packet sockets",
            |s| address_family(s, |f| f == names::AF_PACKET),
        ),
        flag(
            "RestrictAddressFamilies=~…",
            "RestrictAddressFamilies_OTHER",
            1250,
            "Cannot open sockets of other families",
            "May open sockets of other families",
            |s| address_family(s, is_other_family),
        ),
        graded(
            "SystemCallArchitectures=",
            "SystemCallArchitectures",
            1000,
            10,
            syscall_architectures,
        ),
        syscall_check!("@swap", "SystemCallFilter_swap", 1000),
        syscall_check!("@obsolete", "SystemCallFilter_obsolete", 250),
        syscall_check!("@clock", "SystemCallFilter_clock", 1000),
        syscall_check!("@cpu-emulation", "SystemCallFilter_cpu_emulation", 250),
        syscall_check!("@debug", "SystemCallFilter_debug", 1000),
        syscall_check!("@mount", "SystemCallFilter_mount", 1000),
        syscall_check!("@module", "SystemCallFilter_module", 1000),
        syscall_check!("@raw-io", "SystemCallFilter_raw_io", 1000),
        syscall_check!("@reboot", "SystemCallFilter_reboot", 1000),
        syscall_check!("@privileged", "SystemCallFilter_privileged", 700),
        syscall_check!("@resources", "SystemCallFilter_resources", 700),
        graded("IPAddressDeny=", "IPAddressDeny", 1000, 10, ip_address),
        graded("DeviceAllow=", "DeviceAllow", 1000, 10, device_allow),
        flag(
            "AmbientCapabilities=",
            "AmbientCapabilities",
            500,
            "Gets no ambient capabilities",
            "Gets ambient capabilities",
            |s| s.ambient_capabilities == 0,
        ),
    ]
}
