//! The security-relevant settings of a unit as systemd 252 holds them once the unit is
//! loaded: every directive's value syntax (repeated lines accumulating or resetting as
//! systemd's parsers do), the defaults, and what the loader implies (`DynamicUser=`
//! tightening the sandbox, `PrivateDevices=` closing the device policy, protections
//! dropping capabilities…).

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::names::{self, boolean, words};
use crate::syscalls::SyscallFilter;
use crate::unit::LoadedUnit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProtectSystem {
    No,
    Yes,
    Full,
    Strict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProtectHome {
    No,
    Yes,
    ReadOnly,
    Tmpfs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DevicePolicy {
    Auto,
    Closed,
    Strict,
}

/// `RestrictAddressFamilies=`: an allow list or a deny list of families. `families` is
/// `None` before the first list (and after a reset or `none`, which is an empty allow list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct AddressFamilies {
    pub allow_list: bool,
    pub families: Option<BTreeSet<u32>>,
}

#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub default_dependencies: bool,
    pub user: Option<String>,
    pub dynamic_user: bool,
    pub supplementary_groups: Vec<String>,
    pub ambient_capabilities: u64,
    pub capability_bounding_set: u64,
    pub private_devices: bool,
    pub private_mounts: bool,
    pub private_network: bool,
    pub private_tmp: bool,
    pub private_users: bool,
    pub protect_control_groups: bool,
    pub protect_kernel_modules: bool,
    pub protect_kernel_tunables: bool,
    pub protect_kernel_logs: bool,
    pub protect_clock: bool,
    pub protect_hostname: bool,
    pub lock_personality: bool,
    pub memory_deny_write_execute: bool,
    pub no_new_privileges: bool,
    pub remove_ipc: bool,
    pub restrict_realtime: bool,
    pub restrict_suid_sgid: bool,
    pub protect_system: ProtectSystem,
    pub protect_home: ProtectHome,
    /// `inherit`, `private` or `shared`.
    pub keyring_mode: String,
    /// `default`, `noaccess`, `invisible` or `ptraceable`.
    pub protect_proc: String,
    /// `all` or `pid`.
    pub proc_subset: String,
    /// `none`, `main`, `exec` or `all` (services only).
    pub notify_access: Option<String>,
    /// Namespace flags the unit may still create (all bits set: never restricted).
    pub restrict_namespaces: u64,
    pub address_families: AddressFamilies,
    pub root_directory: Option<String>,
    pub root_image: Option<String>,
    pub umask: u32,
    pub syscall_architectures: BTreeSet<String>,
    pub syscall_filter: SyscallFilter,
    pub delegate: bool,
    pub device_policy: DevicePolicy,
    pub device_allow: Vec<String>,
    pub ip_address_deny_all: bool,
    pub ip_address_allow_localhost: bool,
    pub ip_address_allow_other: bool,
    pub ip_custom_filters: bool,
}

const ALL_CAPABILITIES: u64 = u64::MAX;
const NAMESPACES_UNSET: u64 = u64::MAX;

impl Settings {
    fn defaults(unit: &LoadedUnit) -> Settings {
        Settings {
            default_dependencies: true,
            user: None,
            dynamic_user: false,
            supplementary_groups: Vec::new(),
            ambient_capabilities: 0,
            capability_bounding_set: ALL_CAPABILITIES,
            private_devices: false,
            private_mounts: false,
            private_network: false,
            private_tmp: false,
            private_users: false,
            protect_control_groups: false,
            protect_kernel_modules: false,
            protect_kernel_tunables: false,
            protect_kernel_logs: false,
            protect_clock: false,
            protect_hostname: false,
            lock_personality: false,
            memory_deny_write_execute: false,
            no_new_privileges: false,
            remove_ipc: false,
            restrict_realtime: false,
            restrict_suid_sgid: false,
            protect_system: ProtectSystem::No,
            protect_home: ProtectHome::No,
            // The system manager gives services their own session keyring.
            keyring_mode: match unit.is_service() {
                true => "private",
                false => "inherit",
            }
            .to_string(),
            protect_proc: "default".to_string(),
            proc_subset: "all".to_string(),
            notify_access: None,
            restrict_namespaces: NAMESPACES_UNSET,
            address_families: AddressFamilies::default(),
            root_directory: None,
            root_image: None,
            umask: 0o022,
            syscall_architectures: BTreeSet::new(),
            syscall_filter: SyscallFilter::default(),
            delegate: false,
            device_policy: DevicePolicy::Auto,
            device_allow: Vec::new(),
            ip_address_deny_all: false,
            ip_address_allow_localhost: false,
            ip_address_allow_other: false,
            ip_custom_filters: false,
        }
    }

    /// The effective settings of a loaded unit.
    pub fn of(unit: &LoadedUnit) -> Settings {
        let mut s = Settings::defaults(unit);
        let mut parser = Parser::default();
        for section in unit.file.sections.iter().filter(|s| s.name == "Unit") {
            for e in section
                .entries
                .iter()
                .filter(|e| e.key == "DefaultDependencies")
            {
                if let Some(b) = boolean(&e.value) {
                    s.default_dependencies = b;
                }
            }
        }
        if let Some(exec) = unit.exec_section() {
            for section in unit.file.sections.iter().filter(|s| s.name == exec) {
                for e in &section.entries {
                    parser.apply(&mut s, &e.key, e.value.trim());
                }
            }
        }
        parser.finish(&mut s, unit);
        s
    }
}

/// State a directive's parser keeps across lines.
#[derive(Default)]
struct Parser {
    notify_type: bool,
    watchdog: bool,
    ip_deny: Vec<(IpAddr, u8)>,
    ip_allow: Vec<(IpAddr, u8)>,
    ingress: bool,
    egress: bool,
    mount_images: bool,
    encrypted_credentials: bool,
}

fn set_bool(target: &mut bool, value: &str) {
    if let Some(b) = boolean(value) {
        *target = b;
    }
}

fn set_choice(target: &mut String, value: &str, choices: &[&str]) {
    if choices.contains(&value) {
        *target = value.to_string();
    }
}

fn optional_path(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

impl Parser {
    fn apply(&mut self, s: &mut Settings, key: &str, value: &str) {
        match key {
            "User" => s.user = parse_user(value, s.user.take()),
            "DynamicUser" => set_bool(&mut s.dynamic_user, value),
            "SupplementaryGroups" => match value.is_empty() {
                true => s.supplementary_groups.clear(),
                false => s.supplementary_groups.extend(words(value)),
            },
            "AmbientCapabilities" => capability_set(&mut s.ambient_capabilities, 0, value),
            "CapabilityBoundingSet" => {
                capability_set(&mut s.capability_bounding_set, ALL_CAPABILITIES, value)
            }
            "PrivateDevices" => set_bool(&mut s.private_devices, value),
            "PrivateMounts" => set_bool(&mut s.private_mounts, value),
            "PrivateNetwork" => set_bool(&mut s.private_network, value),
            "PrivateTmp" => set_bool(&mut s.private_tmp, value),
            "PrivateUsers" => set_bool(&mut s.private_users, value),
            "ProtectControlGroups" => set_bool(&mut s.protect_control_groups, value),
            "ProtectKernelModules" => set_bool(&mut s.protect_kernel_modules, value),
            "ProtectKernelTunables" => set_bool(&mut s.protect_kernel_tunables, value),
            "ProtectKernelLogs" => set_bool(&mut s.protect_kernel_logs, value),
            "ProtectClock" => set_bool(&mut s.protect_clock, value),
            "ProtectHostname" => set_bool(&mut s.protect_hostname, value),
            "LockPersonality" => set_bool(&mut s.lock_personality, value),
            "MemoryDenyWriteExecute" => set_bool(&mut s.memory_deny_write_execute, value),
            "NoNewPrivileges" => set_bool(&mut s.no_new_privileges, value),
            "RemoveIPC" => set_bool(&mut s.remove_ipc, value),
            "RestrictRealtime" => set_bool(&mut s.restrict_realtime, value),
            "RestrictSUIDSGID" => set_bool(&mut s.restrict_suid_sgid, value),
            "Delegate" => s.delegate = value.is_empty() || boolean(value).unwrap_or(true),
            "ProtectSystem" => {
                s.protect_system = match (boolean(value), value) {
                    (Some(true), _) => ProtectSystem::Yes,
                    (Some(false), _) | (None, "") => ProtectSystem::No,
                    (None, "full") => ProtectSystem::Full,
                    (None, "strict") => ProtectSystem::Strict,
                    (None, _) => s.protect_system,
                }
            }
            "ProtectHome" => {
                s.protect_home = match (boolean(value), value) {
                    (Some(true), _) => ProtectHome::Yes,
                    (Some(false), _) | (None, "") => ProtectHome::No,
                    (None, "read-only") => ProtectHome::ReadOnly,
                    (None, "tmpfs") => ProtectHome::Tmpfs,
                    (None, _) => s.protect_home,
                }
            }
            "KeyringMode" => set_choice(
                &mut s.keyring_mode,
                value,
                &["inherit", "private", "shared"],
            ),
            "ProtectProc" => set_choice(
                &mut s.protect_proc,
                value,
                &["default", "noaccess", "invisible", "ptraceable"],
            ),
            "ProcSubset" => set_choice(&mut s.proc_subset, value, &["all", "pid"]),
            "NotifyAccess" => {
                if ["none", "main", "exec", "all"].contains(&value) {
                    s.notify_access = Some(value.to_string());
                } else if value.is_empty() {
                    s.notify_access = None;
                }
            }
            "Type" => self.notify_type = value == "notify",
            "WatchdogSec" => self.watchdog = !value.is_empty() && value != "0",
            "RestrictNamespaces" => restrict_namespaces(&mut s.restrict_namespaces, value),
            "RestrictAddressFamilies" => address_families(&mut s.address_families, value),
            "RootDirectory" => s.root_directory = optional_path(value),
            "RootImage" => s.root_image = optional_path(value),
            "MountImages" => self.mount_images = !value.is_empty(),
            "LoadCredentialEncrypted" | "SetCredentialEncrypted" => {
                self.encrypted_credentials = !value.is_empty()
            }
            "UMask" => {
                if let Ok(mode) = u32::from_str_radix(value, 8)
                    && mode <= 0o7777
                {
                    s.umask = mode;
                }
            }
            "SystemCallArchitectures" => match value.is_empty() {
                true => s.syscall_architectures.clear(),
                false => s.syscall_architectures.extend(
                    words(value)
                        .iter()
                        .filter_map(|w| names::architecture(w))
                        .map(str::to_string),
                ),
            },
            "SystemCallFilter" => s.syscall_filter.apply(value),
            "DevicePolicy" => {
                s.device_policy = match value {
                    "auto" | "" => DevicePolicy::Auto,
                    "closed" => DevicePolicy::Closed,
                    "strict" => DevicePolicy::Strict,
                    _ => s.device_policy,
                }
            }
            "DeviceAllow" => match value.is_empty() {
                true => s.device_allow.clear(),
                false => {
                    let path = words(value).into_iter().next().unwrap_or_default();
                    if path.starts_with("/dev/")
                        || path.starts_with("char-")
                        || path.starts_with("block-")
                    {
                        s.device_allow.push(value.to_string());
                    }
                }
            },
            "IPAddressDeny" => ip_prefixes(&mut self.ip_deny, value),
            "IPAddressAllow" => ip_prefixes(&mut self.ip_allow, value),
            "IPIngressFilterPath" => self.ingress = !value.is_empty(),
            "IPEgressFilterPath" => self.egress = !value.is_empty(),
            _ => {}
        }
    }

    /// What systemd's loader derives once every line is read.
    fn finish(self, s: &mut Settings, unit: &LoadedUnit) {
        if unit.is_service() {
            let mut notify = s
                .notify_access
                .clone()
                .unwrap_or_else(|| "none".to_string());
            if notify == "none" && (self.notify_type || self.watchdog) {
                notify = "main".to_string();
            }
            s.notify_access = Some(notify);
        } else {
            s.notify_access = None;
        }

        if s.dynamic_user {
            // A transient user is named after the unit unless User= names it.
            if s.user.is_none() {
                let prefix = unit.name.split(['@', '.']).next().unwrap_or_default();
                s.user = Some(prefix.to_string());
            }
            s.remove_ipc = true;
            s.protect_system = ProtectSystem::Strict;
            if s.protect_home == ProtectHome::No {
                s.protect_home = ProtectHome::ReadOnly;
            }
            s.private_tmp = true;
            s.no_new_privileges = true;
            s.restrict_suid_sgid = true;
        }

        if s.private_devices {
            s.capability_bounding_set &=
                !(names::cap_bit("CAP_MKNOD") | names::cap_bit("CAP_SYS_RAWIO"));
            if s.device_policy == DevicePolicy::Auto {
                s.device_policy = DevicePolicy::Closed;
            }
        }
        if s.protect_kernel_modules {
            s.capability_bounding_set &= !names::cap_bit("CAP_SYS_MODULE");
        }
        if s.protect_kernel_logs {
            s.capability_bounding_set &= !names::cap_bit("CAP_SYSLOG");
        }
        if s.protect_clock {
            s.capability_bounding_set &=
                !(names::cap_bit("CAP_SYS_TIME") | names::cap_bit("CAP_WAKE_ALARM"));
        }

        // Images need the loop (and device mapper) devices; added only where devices are
        // restricted at all.
        let images = s.root_image.is_some() || self.mount_images;
        if images && (s.device_policy != DevicePolicy::Auto || !s.device_allow.is_empty()) {
            s.device_allow.push("/dev/loop-control rw".to_string());
            s.device_allow.push("block-loop rwm".to_string());
            s.device_allow.push("block-blkext rwm".to_string());
            if s.root_image.is_some() {
                s.device_allow.push("/dev/mapper/control rw".to_string());
                s.device_allow.push("block-device-mapper rwm".to_string());
            }
        }
        if s.protect_clock {
            s.device_allow.push("char-rtc r".to_string());
        }
        if self.encrypted_credentials {
            s.device_allow.push("char-tpm rw".to_string());
        }

        let any = |list: &[(IpAddr, u8)], v6: bool| {
            list.iter()
                .any(|(addr, prefix)| *prefix == 0 && addr.is_ipv6() == v6)
        };
        s.ip_address_deny_all = any(&self.ip_deny, false) && any(&self.ip_deny, true);
        for (addr, _) in &self.ip_allow {
            let localhost = match addr {
                IpAddr::V4(a) => a.octets()[0] == 127,
                IpAddr::V6(a) => *a == Ipv6Addr::LOCALHOST,
            };
            match localhost {
                true => s.ip_address_allow_localhost = true,
                false => s.ip_address_allow_other = true,
            }
        }
        s.ip_custom_filters = self.ingress || self.egress;
    }
}

/// `User=`: empty resets; a name systemd would not accept is ignored.
fn parse_user(value: &str, previous: Option<String>) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let valid = !value.contains(|c: char| c.is_whitespace() || c == ':' || c == '/')
        && value != "."
        && value != "..";
    match valid {
        true => Some(value.to_string()),
        false => previous,
    }
}

/// `CapabilityBoundingSet=` / `AmbientCapabilities=`: `~` inverts; the first list (or one
/// that is empty) replaces the set, later ones add to it or, inverted, take away from it.
fn capability_set(set: &mut u64, initial: u64, value: &str) {
    let (invert, list) = match value.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let sum = words(list)
        .iter()
        .filter_map(|w| names::capability(w))
        .fold(0u64, |sum, bit| sum | (1 << bit));
    if sum == 0 || *set == initial {
        *set = if invert { !sum } else { sum };
    } else if invert {
        *set &= !sum;
    } else {
        *set |= sum;
    }
}

/// `RestrictNamespaces=`: a boolean, or a list of types (allowed; with `~`, denied). The
/// first list replaces, later ones merge; a list with an unknown type is ignored.
fn restrict_namespaces(allowed: &mut u64, value: &str) {
    if value.is_empty() {
        *allowed = NAMESPACES_UNSET;
        return;
    }
    match boolean(value) {
        Some(true) => *allowed = 0,
        Some(false) => *allowed = names::all_namespaces(),
        None => {
            let (invert, list) = match value.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, value),
            };
            let mut flags = 0;
            for word in words(list) {
                match names::namespace(&word) {
                    Some(flag) => flags |= flag,
                    None => return,
                }
            }
            if *allowed == NAMESPACES_UNSET {
                *allowed = match invert {
                    true => !flags & names::all_namespaces(),
                    false => flags,
                };
            } else if invert {
                *allowed &= !flags;
            } else {
                *allowed |= flags;
            }
        }
    }
}

/// `RestrictAddressFamilies=`: `none` denies all; the first list after a reset decides
/// whether it is an allow list or (with `~`) a deny list; later lines add to or take from it.
fn address_families(state: &mut AddressFamilies, value: &str) {
    if value.is_empty() || value == "none" {
        *state = AddressFamilies {
            allow_list: value == "none",
            families: None,
        };
        return;
    }
    let (invert, list) = match value.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    if state.families.is_none() {
        state.allow_list = !invert;
    }
    let allow_list = state.allow_list;
    let families = state.families.get_or_insert_with(BTreeSet::new);
    for word in words(list) {
        let Some(af) = names::address_family(&word) else {
            continue;
        };
        if invert != allow_list {
            families.insert(af);
        } else {
            families.remove(&af);
        }
    }
}

/// `IPAddressAllow=` / `IPAddressDeny=` entries; empty resets, unknown words are skipped.
fn ip_prefixes(list: &mut Vec<(IpAddr, u8)>, value: &str) {
    if value.is_empty() {
        list.clear();
        return;
    }
    let v4 = |a: [u8; 4], p| (IpAddr::V4(Ipv4Addr::from(a)), p);
    let v6 = |a: Ipv6Addr, p| (IpAddr::V6(a), p);
    for word in words(value) {
        match word.as_str() {
            "any" => list.extend([v4([0; 4], 0), v6(Ipv6Addr::UNSPECIFIED, 0)]),
            "localhost" => list.extend([v4([127, 0, 0, 0], 8), v6(Ipv6Addr::LOCALHOST, 128)]),
            "link-local" => list.extend([
                v4([169, 254, 0, 0], 16),
                v6(Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0), 64),
            ]),
            "multicast" => list.extend([
                v4([224, 0, 0, 0], 4),
                v6(Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0), 8),
            ]),
            other => {
                if let Some(prefix) = parse_prefix(other) {
                    list.push(prefix);
                }
            }
        }
    }
}

/// `address[/prefixlength]`, the address masked to its prefix.
fn parse_prefix(word: &str) -> Option<(IpAddr, u8)> {
    let (addr, prefix) = match word.split_once('/') {
        Some((a, p)) => (a, Some(p.parse::<u8>().ok()?)),
        None => (word, None),
    };
    match addr.parse::<IpAddr>().ok()? {
        IpAddr::V4(a) => {
            let p = prefix.unwrap_or(32);
            if p > 32 {
                return None;
            }
            let mask = u32::MAX.checked_shl(32 - u32::from(p)).unwrap_or(0);
            Some((IpAddr::V4(Ipv4Addr::from(u32::from(a) & mask)), p))
        }
        IpAddr::V6(a) => {
            let p = prefix.unwrap_or(128);
            if p > 128 {
                return None;
            }
            let mask = u128::MAX.checked_shl(128 - u32::from(p)).unwrap_or(0);
            Some((IpAddr::V6(Ipv6Addr::from(u128::from(a) & mask)), p))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capability_lines_accumulate() {
        let mut set = ALL_CAPABILITIES;
        capability_set(&mut set, ALL_CAPABILITIES, "~CAP_KILL");
        capability_set(&mut set, ALL_CAPABILITIES, "CAP_KILL");
        assert_eq!(set, ALL_CAPABILITIES, "back to the initial set");
        capability_set(&mut set, ALL_CAPABILITIES, "CAP_SYS_TIME");
        assert_eq!(
            set,
            names::cap_bit("CAP_SYS_TIME"),
            "which the next list replaces"
        );
        capability_set(&mut set, ALL_CAPABILITIES, "");
        assert_eq!(set, 0);
    }

    #[test]
    fn namespaces_merge() {
        let mut allowed = NAMESPACES_UNSET;
        restrict_namespaces(&mut allowed, "~user net");
        restrict_namespaces(&mut allowed, "pid");
        assert_eq!(allowed & names::namespace("user").unwrap(), 0);
        assert_ne!(allowed & names::namespace("pid").unwrap(), 0);
        restrict_namespaces(&mut allowed, "~pid bogus");
        assert_ne!(
            allowed & names::namespace("pid").unwrap(),
            0,
            "ignored line"
        );
    }

    #[test]
    fn prefixes_are_masked() {
        assert_eq!(
            parse_prefix("::1/64"),
            Some((IpAddr::V6(Ipv6Addr::UNSPECIFIED), 64))
        );
        assert_eq!(parse_prefix("10.1.2.3/0").unwrap().1, 0);
        assert_eq!(parse_prefix("10.1.2.3/33"), None);
    }
}
