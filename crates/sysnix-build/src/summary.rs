//! What a built system holds, read back from its activation manifest
//! (`<toplevel>/activation.json`, written by `nixos/`): the data `sysnix build --json`
//! prints and activation applies.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// One file the system places under /etc.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct EtcEntry {
    /// The path under /etc.
    pub target: String,
    /// The store path it comes from.
    pub source: String,
    /// `symlink`, or an octal mode for a copied file.
    pub mode: String,
    /// Owner of a copied file.
    #[serde(default)]
    pub user: Option<String>,
    /// Group of a copied file.
    #[serde(default)]
    pub group: Option<String>,
}

/// The activation manifest (version 1); unknown keys are kept for later stages.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Manifest {
    /// Format version.
    pub version: u32,
    /// `networking.hostName`.
    #[serde(rename = "hostName", default)]
    pub host_name: Option<String>,
    /// Files under /etc.
    #[serde(default)]
    pub etc: Vec<EtcEntry>,
    /// Unit file names.
    #[serde(default)]
    pub units: Vec<String>,
    /// Users, by name.
    #[serde(default)]
    pub users: BTreeMap<String, serde_json::Value>,
    /// Groups, by name.
    #[serde(default)]
    pub groups: BTreeMap<String, serde_json::Value>,
    /// Debian packages the system needs.
    #[serde(default)]
    pub packages: Vec<String>,
    /// The host packages (`pkgs.<name>`) the system references.
    #[serde(rename = "hostPackages", default)]
    pub host_packages: Vec<crate::host::HostPackageUse>,
    /// Everything else.
    #[serde(flatten)]
    pub rest: BTreeMap<String, serde_json::Value>,
}

impl Manifest {
    /// Reads `<toplevel>/activation.json`.
    pub fn read(toplevel: &Path) -> Result<Manifest, String> {
        let path = toplevel.join("activation.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// `sysnix build --json`.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// The toplevel store path.
    pub toplevel: String,
    /// Its derivation.
    #[serde(rename = "drvPath")]
    pub drv_path: String,
    /// Unit file names.
    pub units: Vec<String>,
    /// Paths under /etc.
    pub files: Vec<String>,
    /// User names.
    pub users: Vec<String>,
    /// Group names.
    pub groups: Vec<String>,
    /// Debian packages.
    pub packages: Vec<String>,
}

impl Summary {
    /// The summary of a built toplevel.
    pub fn new(toplevel: &str, drv_path: &str, m: &Manifest) -> Summary {
        Summary {
            toplevel: toplevel.to_string(),
            drv_path: drv_path.to_string(),
            units: m.units.clone(),
            files: m.etc.iter().map(|e| e.target.clone()).collect(),
            users: m.users.keys().cloned().collect(),
            groups: m.groups.keys().cloned().collect(),
            packages: m.packages.clone(),
        }
    }
}
