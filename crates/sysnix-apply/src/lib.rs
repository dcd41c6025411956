//! `sysnix-apply`: switching a machine to a built system, as NixOS's
//! switch-to-configuration does, on any systemd Linux: packages, users, /etc, tmpfiles,
//! sysctl, kernel modules and the firewall, then the units over D-Bus following a plan;
//! generations (profiles) and rollback; a lock and a state file that make an
//! interrupted switch safe to run again. What happens to each unit is decided by
//! `sysnix-plan`; this crate carries the plan out. See [`switch`] for the order of the steps and
//! [`layout`] for where things live.

#![warn(missing_docs)]

pub mod activate;
pub mod closure;
pub mod layout;
pub mod lock;
pub mod profile;
pub mod state;
pub mod switch;
pub mod systemd;

pub use layout::Layout;
pub use switch::{Action, GenerationChoice, Outcome, SwitchOptions, Timings, switch};
