//! Network namespaces the harness creates, and veth links between them.
//!
//! Every machine lives in its own named network namespace (`/run/netns/<id>`), so its
//! services never listen on the host's ports, and a host-side program (an NBD client, an
//! ssh client, `curl`) can reach them with `ip netns exec`. A standalone [`Netns`] is a
//! "host side" for tests: a namespace with no container in it, linked to machines by
//! veth pairs. The harness never adds interfaces or addresses to the host's own network
//! namespace, and traffic only ever goes to loopback or to namespaces it created.

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::process::{self, CommandOutput, Finished};
use crate::util;

/// How long a command in a network namespace may run unless told otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);

/// A named network namespace created by the harness, with `lo` up; deleted on drop.
#[derive(Debug)]
pub struct Netns {
    name: String,
    label: String,
    deleted: bool,
}

impl Netns {
    /// Creates a fresh network namespace for `label` (1-20 lowercase letters, digits,
    /// `-`), named `sysnix-test-<label>-<pid>-<n>`, with its loopback interface up.
    pub fn new(label: &str) -> Result<Netns> {
        util::check_name(label)?;
        let name = util::unique_id(label);
        process::host("ip", &["netns", "add", &name])?;
        let netns = Netns {
            name,
            label: label.to_string(),
            deleted: false,
        };
        process::host("ip", &["-n", &netns.name, "link", "set", "lo", "up"])?;
        Ok(netns)
    }

    /// The namespace's name, as `ip netns exec NAME` and `ip -n NAME` take it
    /// (`/run/netns/NAME`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Runs `sh -c cmd` on the host inside this namespace, whatever its status.
    pub fn execute(&self, cmd: &str) -> Result<CommandOutput> {
        self.execute_timeout(cmd, DEFAULT_TIMEOUT)
    }

    /// [`Netns::execute`] with a time limit; past it the command is killed and this
    /// fails with [`Error::Timeout`].
    pub fn execute_timeout(&self, cmd: &str, timeout: Duration) -> Result<CommandOutput> {
        let mut command = Command::new("ip");
        command.args(["netns", "exec", &self.name, "sh", "-c", cmd]);
        match process::run_captured(command, cmd, Stdio::null(), Some(timeout))? {
            Finished::Exited(output) => Ok(output),
            Finished::TimedOut(output) => Err(Error::Timeout {
                machine: self.label.clone(),
                what: format!("`{cmd}` (host side, netns {})", self.name),
                details: output.to_string(),
            }),
        }
    }

    /// Runs `sh -c cmd` on the host inside this namespace and returns its stdout; fails
    /// with the status and output unless it exits 0.
    pub fn succeed(&self, cmd: &str) -> Result<String> {
        let output = self.execute(cmd)?;
        if output.success() {
            Ok(output.stdout)
        } else {
            Err(Error::CommandFailed {
                machine: format!("{} (netns {})", self.label, self.name),
                output,
            })
        }
    }

    /// The interface names in this namespace.
    pub fn interfaces(&self) -> Result<Vec<String>> {
        let out = process::host("ip", &["-n", &self.name, "-o", "link", "show"])?;
        Ok(out
            .stdout
            .lines()
            .filter_map(|l| l.split(": ").nth(1))
            .map(|n| n.split('@').next().unwrap_or(n).to_string())
            .collect())
    }

    fn next_free_eth(&self) -> Result<String> {
        let taken = self.interfaces()?;
        Ok((0..)
            .map(|i| format!("eth{i}"))
            .find(|n| !taken.contains(n))
            .expect("an unused ethN name"))
    }
}

impl Netns {
    /// Deletes the namespace now, reporting a failure (dropping it deletes it too).
    /// Deleting the name is enough: the namespace, and the veth ends in it, go away when
    /// the last process in it has exited.
    pub fn delete(mut self) -> Result<()> {
        self.deleted = true;
        process::host("ip", &["netns", "del", &self.name]).map(|_| ())
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        if self.deleted {
            return;
        }
        if let Err(e) = process::host("ip", &["netns", "del", &self.name]) {
            eprintln!(
                "sysnix-testing: deleting network namespace {}: {e}",
                self.name
            );
        }
    }
}

/// The two ends of a veth pair made by [`veth`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The interface in the first namespace (`ethN`, the first free N).
    pub a_interface: String,
    /// The interface in the second namespace.
    pub b_interface: String,
}

/// Connects two namespaces with a veth pair: an `ethN` interface in each (the first free
/// N), with the given addresses in CIDR form (`"10.231.0.1/24"`; IPv6 works too), both up.
/// The pair disappears with either namespace.
pub fn veth(a: &Netns, a_address: &str, b: &Netns, b_address: &str) -> Result<Link> {
    let a_interface = a.next_free_eth()?;
    let b_interface = b.next_free_eth()?;
    // Created directly in the two namespaces, so the names never meet the host's.
    process::host(
        "ip",
        &[
            "link",
            "add",
            &a_interface,
            "netns",
            &a.name,
            "type",
            "veth",
            "peer",
            "name",
            &b_interface,
            "netns",
            &b.name,
        ],
    )?;
    for (ns, interface, address) in [(a, &a_interface, a_address), (b, &b_interface, b_address)] {
        process::host(
            "ip",
            &["-n", &ns.name, "addr", "add", address, "dev", interface],
        )?;
        process::host("ip", &["-n", &ns.name, "link", "set", interface, "up"])?;
    }
    Ok(Link {
        a_interface,
        b_interface,
    })
}
