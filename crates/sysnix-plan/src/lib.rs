//! `sysnix-plan`: the pure decision step of switching. Given the old system's units, the new
//! system's units and what systemd runs, decide each unit's fate and why, as NixOS's
//! switch-to-configuration (STC; its Rust rewrite switch-to-configuration-ng is the
//! reference) decides. No I/O besides reading unit directories in [`SystemUnits::load`];
//! the executor (`sysnix-apply`) reads systemd into a [`Runtime`] and carries the [`Plan`]
//! out over D-Bus.
//!
//! ```no_run
//! use sysnix_plan::{Mode, Runtime, SystemUnits, plan};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let old = SystemUnits::load("/sysnix/var/old-toplevel/etc/systemd/system".as_ref())?;
//! let new = SystemUnits::load("/sysnix/store/…-sysnix-system/etc/systemd/system".as_ref())?;
//! let runtime = Runtime::new().with("nginx.service", "active", "running");
//! let p = plan(Some(&old), &new, &runtime, Mode::DryActivate);
//! print!("{}", p.render_text());
//! # Ok(()) }
//! ```
//!
//! # Decisions
//!
//! For every unit systemd reports *running* (`ActiveState` active or activating; also
//! reloading and refreshing) that the old or the new system defines (an instance falls
//! back to its template's file):
//!
//! | old | new | decision | STC |
//! |---|---|---|---|
//! | defined | absent, or masked | **stop** "removed from the configuration" / "masked in the new configuration"; `X-StopOnRemoval=false` in the old `[Unit]` → **skip** | main loop, `X-StopOnRemoval` |
//! | only drop-ins | absent | the host's unit stays: compared with no drop-ins, then as *changed* below | (sysnix) |
//! | any | target | **start** again, quiet (not for suspend/hibernate/hybrid-sleep, `RefuseManualStart`, `X-OnlyManualStart`); `X-StopOnReconfiguration=true` → also **stop** first | main loop, targets |
//! | absent | defined | changed: "now defined by the configuration" (a host unit taken over) | (sysnix) |
//! | defined | defined | compare ([`compare`]): equal → nothing; only `X-Reload-Triggers` or a mount's `Options` → **reload**; else changed | `compare_units` |
//!
//! A *changed* running unit (`handle_modified_unit`):
//!
//! | unit | decision |
//! |---|---|
//! | `sysinit`/`basic`/`multi-user`/`graphical.target`, `.slice` | **skip** (daemon-reload applies it) |
//! | `.mount` | **restart**; `-.mount` and the store's mount (`sysnix.mount`, `sysnix-store.mount`; STC: `nix.mount`) **reload** (remount) |
//! | `.socket` | **skip** (STC leaves changed sockets alone) |
//! | `X-ReloadIfChanged=true` (`[Service]`) | **reload** |
//! | `X-RestartIfChanged=false` (`[Service]`), `RefuseManualStop=true`, `X-OnlyManualStart=true` (`[Unit]`) | **skip** "…, but X-RestartIfChanged=false" |
//! | `X-StopIfChanged=false`, or not a `.service` (timers, paths, swaps, automounts) | **restart** (`.path`: switch-to-configuration-ng restarts it; the Perl version left it alone) |
//! | a service with running sockets (`Sockets=` or `<name>.socket`, unless `X-NotSocketActivated=true`) | **stop** the service and its sockets; **start** the sockets (those still defined) only: the socket starts the service on demand |
//! | other services | **stop** before activation, **start** after |
//!
//! Then units of the new system that do not run but are wanted, required or upheld (the
//! `.wants/`, `.requires/`, `.upholds/` links) by a target that runs or is being started
//! are **started**: "new unit, wanted by multi-user.target", "changed, not running, …",
//! "failed, …", "not running, …" (STC starts every active target of /etc/systemd/system,
//! which pulls these in; sysnix's targets such as multi-user.target are the host's, so
//! the plan names the units). Units with `RefuseManualStart=true` or
//! `X-OnlyManualStart=true` are not started this way. Targets started this way count as
//! active in turn.
//!
//! Differences from switch-to-configuration, all for hosts that are not NixOS: a running
//! unit the old system did not define but the new one does (a host unit taken over, or
//! the first switch) is treated as changed; masking a running host unit stops it; a
//! running unit defined only by drop-ins over a host unit (`overrideStrategy = "asDropin"`)
//! whose drop-ins go is treated as changed, not removed; the explicit starts above stand
//! in for starting the host's targets. Nspawn containers, fstab and swap, the
//! activation script's restart lists and user units are not planned here.
//!
//! Finally a unit acted on is not also in `skip`, and a restarted one is not reloaded.
//! `Boot` decides nothing at runtime: the plan only lists [`Plan::changes`]. `Test` and
//! `DryActivate` plan as `Switch`.
//!
//! The order the executor follows is [`Plan::phases`]: stop → activate (files, users, …) →
//! reset-failed and daemon-reload → reload → restart → start (see [`Phase`]).

pub mod compare;
pub mod decide;
pub mod render;
pub mod system;
pub mod unit_file;

pub use compare::{Comparison, Verdict, compare_units};
pub use decide::{diff_systems, plan};
pub use render::{ChangeKind, Mode, Phase, Plan, UnitAction, UnitChange, phases};
pub use system::{Runtime, SystemUnits, UnitRuntime};
pub use unit_file::{LoadError, ParseError, Unit, UnitFile, load_unit};

#[cfg(test)]
mod tests;
