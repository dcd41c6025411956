//! The names systemd 252 accepts in the security-relevant settings: capabilities, address
//! families, namespace types, seccomp architectures; and the value syntax they share
//! (booleans, whitespace-separated words with quotes).

/// Linux capabilities by number (`capability.h`; systemd 252 knows 0..=40).
const CAPABILITIES: &[&str] = &[
    "cap_chown",
    "cap_dac_override",
    "cap_dac_read_search",
    "cap_fowner",
    "cap_fsetid",
    "cap_kill",
    "cap_setgid",
    "cap_setuid",
    "cap_setpcap",
    "cap_linux_immutable",
    "cap_net_bind_service",
    "cap_net_broadcast",
    "cap_net_admin",
    "cap_net_raw",
    "cap_ipc_lock",
    "cap_ipc_owner",
    "cap_sys_module",
    "cap_sys_rawio",
    "cap_sys_chroot",
    "cap_sys_ptrace",
    "cap_sys_pacct",
    "cap_sys_admin",
    "cap_sys_boot",
    "cap_sys_nice",
    "cap_sys_resource",
    "cap_sys_time",
    "cap_sys_tty_config",
    "cap_mknod",
    "cap_lease",
    "cap_audit_write",
    "cap_audit_control",
    "cap_setfcap",
    "cap_mac_override",
    "cap_mac_admin",
    "cap_syslog",
    "cap_wake_alarm",
    "cap_block_suspend",
    "cap_audit_read",
    "cap_perfmon",
    "cap_bpf",
    "cap_checkpoint_restore",
];

/// A capability's bit: its name in any case, or its number (below 63).
pub fn capability(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return (n < 63).then_some(n);
    }
    let lower = word.to_ascii_lowercase();
    CAPABILITIES
        .iter()
        .position(|c| *c == lower)
        .map(|i| i as u32)
}

/// The bit of a capability known by name, for the assessment's own tables.
pub fn cap_bit(name: &str) -> u64 {
    match capability(name) {
        Some(n) => 1 << n,
        None => 0,
    }
}

/// Address families by name, with their numbers (`socket.h`).
const ADDRESS_FAMILIES: &[(&str, u32)] = &[
    ("AF_UNIX", 1),
    ("AF_LOCAL", 1),
    ("AF_FILE", 1),
    ("AF_INET", 2),
    ("AF_AX25", 3),
    ("AF_IPX", 4),
    ("AF_APPLETALK", 5),
    ("AF_NETROM", 6),
    ("AF_BRIDGE", 7),
    ("AF_ATMPVC", 8),
    ("AF_X25", 9),
    ("AF_INET6", 10),
    ("AF_ROSE", 11),
    ("AF_DECnet", 12),
    ("AF_NETBEUI", 13),
    ("AF_SECURITY", 14),
    ("AF_KEY", 15),
    ("AF_NETLINK", 16),
    ("AF_ROUTE", 16),
    ("AF_PACKET", 17),
    ("AF_ASH", 18),
    ("AF_ECONET", 19),
    ("AF_ATMSVC", 20),
    ("AF_RDS", 21),
    ("AF_SNA", 22),
    ("AF_IRDA", 23),
    ("AF_PPPOX", 24),
    ("AF_WANPIPE", 25),
    ("AF_LLC", 26),
    ("AF_IB", 27),
    ("AF_MPLS", 28),
    ("AF_CAN", 29),
    ("AF_TIPC", 30),
    ("AF_BLUETOOTH", 31),
    ("AF_IUCV", 32),
    ("AF_RXRPC", 33),
    ("AF_ISDN", 34),
    ("AF_PHONET", 35),
    ("AF_IEEE802154", 36),
    ("AF_CAIF", 37),
    ("AF_ALG", 38),
    ("AF_NFC", 39),
    ("AF_VSOCK", 40),
    ("AF_KCM", 41),
    ("AF_QIPCRTR", 42),
    ("AF_SMC", 43),
    ("AF_XDP", 44),
    ("AF_MCTP", 45),
];

pub const AF_UNIX: u32 = 1;
pub const AF_INET: u32 = 2;
pub const AF_INET6: u32 = 10;
pub const AF_NETLINK: u32 = 16;
pub const AF_PACKET: u32 = 17;

pub fn address_family(word: &str) -> Option<u32> {
    ADDRESS_FAMILIES
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, n)| *n)
}

/// Namespace types (`RestrictNamespaces=`) with their clone flags.
pub const NAMESPACES: &[(&str, u64)] = &[
    ("cgroup", 0x0200_0000),
    ("ipc", 0x0800_0000),
    ("net", 0x4000_0000),
    ("mnt", 0x0002_0000),
    ("pid", 0x2000_0000),
    ("user", 0x1000_0000),
    ("uts", 0x0400_0000),
];

/// Every namespace flag: what `RestrictNamespaces=no` allows.
pub fn all_namespaces() -> u64 {
    NAMESPACES.iter().fold(0, |all, (_, flag)| all | flag)
}

pub fn namespace(word: &str) -> Option<u64> {
    NAMESPACES
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, flag)| *flag)
}

/// The architecture names `SystemCallArchitectures=` accepts (libseccomp's, via systemd).
const ARCHITECTURES: &[&str] = &[
    "native",
    "x86",
    "x86-64",
    "x32",
    "arm",
    "arm64",
    "loongarch64",
    "mips",
    "mips64",
    "mips64-n32",
    "mips-le",
    "mips64-le",
    "mips64-le-n32",
    "parisc",
    "parisc64",
    "ppc",
    "ppc64",
    "ppc64-le",
    "riscv64",
    "s390",
    "s390x",
];

pub fn architecture(word: &str) -> Option<&'static str> {
    ARCHITECTURES.iter().copied().find(|a| *a == word)
}

/// systemd's boolean spellings, any case.
pub fn boolean(value: &str) -> Option<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "yes" | "y" | "true" | "t" | "on" => Some(true),
        "0" | "no" | "n" | "false" | "f" | "off" => Some(false),
        _ => None,
    }
}

/// Splits a list value into words as systemd does: whitespace separates, single and double
/// quotes group (and are dropped), a backslash takes the next character literally.
pub fn words(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (_, '\\') => {
                if let Some(next) = chars.next() {
                    word.push(next);
                }
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_unquote() {
        assert_eq!(words(" a  'b c' \"d\"e\\ f "), ["a", "b c", "de f"]);
        assert!(words("   ").is_empty());
    }

    #[test]
    fn capabilities_by_name_and_number() {
        assert_eq!(capability("CAP_SYS_ADMIN"), Some(21));
        assert_eq!(capability("cap_bpf"), Some(39));
        assert_eq!(capability("12"), Some(12));
        assert_eq!(capability("CAP_BOGUS"), None);
        assert_eq!(capability("63"), None);
    }
}
