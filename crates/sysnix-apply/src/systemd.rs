//! A small client of systemd's manager API (`org.freedesktop.systemd1.Manager`) over
//! D-Bus with `zbus`, blocking: list units, reload the daemon, queue jobs
//! (StopUnit/StartUnit/RestartUnit/ReloadUnit/ReloadOrRestartUnit, mode "replace") and
//! wait for each through the `JobRemoved` signal, read unit properties.
//!
//! It talks to the system bus, or, when no bus daemon runs, to systemd's private socket
//! `/run/systemd/private` directly (the same API, peer to peer).

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use zbus::blocking::{Connection, Proxy};
use zbus::zvariant::OwnedObjectPath;

const DEST: &str = "org.freedesktop.systemd1";
const PATH: &str = "/org/freedesktop/systemd1";
const MANAGER: &str = "org.freedesktop.systemd1.Manager";

/// How long one phase's jobs may take in all before the switch gives up waiting.
const JOB_TIMEOUT: Duration = Duration::from_secs(600);

/// A job to queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobKind {
    /// StopUnit.
    Stop,
    /// StartUnit.
    Start,
    /// RestartUnit.
    Restart,
    /// ReloadUnit.
    Reload,
    /// ReloadOrRestartUnit.
    ReloadOrRestart,
}

impl JobKind {
    fn method(self) -> &'static str {
        match self {
            JobKind::Stop => "StopUnit",
            JobKind::Start => "StartUnit",
            JobKind::Restart => "RestartUnit",
            JobKind::Reload => "ReloadUnit",
            JobKind::ReloadOrRestart => "ReloadOrRestartUnit",
        }
    }
}

/// How a job ended: systemd's result (`done`, `failed`, `timeout`, `dependency`,
/// `canceled`, `skipped`…) or the error that kept it from being queued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobOutcome {
    /// The unit.
    pub unit: String,
    /// The job's result, or `error: …`.
    pub result: String,
}

impl JobOutcome {
    /// Whether the job did what was asked.
    pub fn ok(&self) -> bool {
        self.result == "done" || self.result == "skipped"
    }
}

/// A connection to systemd.
pub struct Systemd {
    conn: Connection,
    manager: Proxy<'static>,
    removed: mpsc::Receiver<(OwnedObjectPath, String, String)>,
    /// Time spent on jobs (queueing them and waiting for them to finish), in all.
    pub waited: Duration,
}

fn err(e: zbus::Error) -> String {
    e.to_string()
}

impl Systemd {
    /// Connects to the system bus (or systemd's private socket) and subscribes to job
    /// signals.
    pub fn connect() -> Result<Systemd, String> {
        let conn = match Connection::system() {
            Ok(c) => c,
            Err(bus_err) => zbus::blocking::connection::Builder::address("unix:path=/run/systemd/private")
                .and_then(|b| b.p2p().build())
                .map_err(|e| {
                    format!("cannot reach systemd over D-Bus (system bus: {bus_err}; /run/systemd/private: {e}); is systemd running as PID 1?")
                })?,
        };
        let manager = Proxy::new(&conn, DEST, PATH, MANAGER).map_err(err)?;
        let signals = manager.receive_signal("JobRemoved").map_err(err)?;
        let (tx, removed) = mpsc::channel();
        std::thread::spawn(move || {
            for msg in signals {
                if let Ok((_id, job, unit, result)) =
                    msg.body()
                        .deserialize::<(u32, OwnedObjectPath, String, String)>()
                    && tx.send((job, unit, result)).is_err()
                {
                    break;
                }
            }
        });
        let _: () = manager.call("Subscribe", &()).map_err(err)?;
        Ok(Systemd {
            conn,
            manager,
            removed,
            waited: Duration::ZERO,
        })
    }

    /// What systemd runs, as the planner reads it: every loaded unit except those that
    /// follow another (as switch-to-configuration), and active targets under each of
    /// their names too (`default.target` for the target it stands for).
    pub fn runtime(&self) -> Result<sysnix_plan::Runtime, String> {
        type Row = (
            String,
            String,
            String,
            String,
            String,
            String,
            OwnedObjectPath,
            u32,
            String,
            OwnedObjectPath,
        );
        let rows: Vec<Row> = self.manager.call("ListUnits", &()).map_err(err)?;
        let mut runtime = sysnix_plan::Runtime::new();
        for r in rows {
            if !r.5.is_empty() {
                continue;
            }
            let loaded = r.2 == "loaded";
            let state = sysnix_plan::UnitRuntime {
                active_state: r.3.clone(),
                sub_state: r.4.clone(),
                loaded,
            };
            if r.0.ends_with(".target") && r.3 == "active" {
                let names: Vec<String> = zbus::blocking::proxy::Builder::<Proxy>::new(&self.conn)
                    .destination(DEST)
                    .and_then(|b| b.path(r.6.clone()))
                    .and_then(|b| b.interface("org.freedesktop.systemd1.Unit"))
                    .map(|b| b.cache_properties(zbus::proxy::CacheProperties::No))
                    .and_then(|b| b.build())
                    .and_then(|p| p.get_property("Names"))
                    .unwrap_or_default();
                for n in names {
                    runtime.units.insert(n, state.clone());
                }
            }
            runtime.units.insert(r.0, state);
        }
        Ok(runtime)
    }

    /// `systemctl daemon-reload` (systemd answers once the reload is done).
    pub fn daemon_reload(&self) -> Result<(), String> {
        self.manager
            .call::<_, _, ()>("Reload", &())
            .map_err(|e| format!("daemon-reload: {e}"))
    }

    /// `systemctl reset-failed` for one unit (errors ignored: it may not be loaded).
    pub fn reset_failed(&self, unit: &str) {
        let _ = self.manager.call::<_, _, ()>("ResetFailedUnit", &(unit,));
    }

    /// Queues every job (mode "replace"), then waits for all of them to finish.
    pub fn run_jobs(&mut self, jobs: &[(JobKind, String)]) -> Vec<JobOutcome> {
        let started = Instant::now();
        let mut outcomes = Vec::new();
        let mut waiting: HashMap<OwnedObjectPath, String> = HashMap::new();
        for (kind, unit) in jobs {
            match self
                .manager
                .call::<_, _, OwnedObjectPath>(kind.method(), &(unit.as_str(), "replace"))
            {
                Ok(job) => {
                    waiting.insert(job, unit.clone());
                }
                Err(e) => outcomes.push(JobOutcome {
                    unit: unit.clone(),
                    result: format!("error: {e}"),
                }),
            }
        }
        let queued = Instant::now();
        while !waiting.is_empty() {
            let left = JOB_TIMEOUT.saturating_sub(queued.elapsed());
            match self.removed.recv_timeout(left) {
                Ok((job, _unit, result)) => {
                    // Jobs of other clients (and of units pulled in) are not ours.
                    if let Some(unit) = waiting.remove(&job) {
                        outcomes.push(JobOutcome { unit, result });
                    }
                }
                Err(_) => {
                    for (_, unit) in waiting.drain() {
                        outcomes.push(JobOutcome {
                            unit,
                            result: "timeout waiting for the job".into(),
                        });
                    }
                }
            }
        }
        self.waited += started.elapsed();
        outcomes
    }

    fn unit_proxy(&self, unit: &str, iface: &'static str) -> Result<Proxy<'static>, String> {
        let path: OwnedObjectPath = self
            .manager
            .call("LoadUnit", &(unit,))
            .map_err(|e| format!("{unit}: {e}"))?;
        zbus::blocking::proxy::Builder::new(&self.conn)
            .destination(DEST)
            .and_then(|b| b.path(path))
            .and_then(|b| b.interface(iface))
            .map(|b| b.cache_properties(zbus::proxy::CacheProperties::No))
            .and_then(|b| b.build())
            .map_err(err)
    }

    /// A unit's `ActiveState` and `SubState`.
    pub fn unit_state(&self, unit: &str) -> Result<(String, String), String> {
        let p = self.unit_proxy(unit, "org.freedesktop.systemd1.Unit")?;
        let active: String = p.get_property("ActiveState").map_err(err)?;
        let sub: String = p.get_property("SubState").map_err(err)?;
        Ok((active, sub))
    }

    /// A service's `MainPID` (0 when it has none).
    pub fn main_pid(&self, unit: &str) -> Result<u32, String> {
        let p = self.unit_proxy(unit, "org.freedesktop.systemd1.Service")?;
        p.get_property("MainPID").map_err(err)
    }
}
