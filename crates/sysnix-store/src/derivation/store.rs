//! The in-memory derivation store: carries out the path computations of
//! Nix 2.8's `derivationStrict` and remembers what it created.
//!
//! Output paths of an ordinary derivation are derived from
//! `hashDerivationModulo`: the SHA-256 of its ATerm with its own output
//! paths blanked and each input derivation replaced by that input's own
//! modulo hash (in base 16). A fixed-output derivation's modulo hash is
//! `sha256("fixed:out:<[r:]algo>:<hex>:<out path>")` instead, so that
//! derivations depending on it do not change when only its builder does.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Derivation, DerivationOutput};
use crate::hash::{Hash, HashAlgo, HashFormat};
use crate::path::{FileIngestion, StoreDir, is_derivation};

/// What the evaluator has gathered for a `derivationStrict` call.
#[derive(Clone, Debug, Default)]
pub struct DrvInput {
    /// The derivation's name (`name` attribute).
    pub name: String,
    /// The system to build on (`system` attribute).
    pub system: String,
    /// The builder program (`builder` attribute).
    pub builder: String,
    /// The builder's arguments (`args` attribute).
    pub args: Vec<String>,
    /// Every attribute coerced to a string, `name`, `system` and `builder`
    /// included; the output paths are filled in by [`DrvStore::add`].
    pub env: BTreeMap<String, String>,
    /// Output names in the user's order (`["out"]` by default).
    pub outputs: Vec<String>,
    /// The expected hash and ingestion method for a fixed-output
    /// derivation (`outputHash`, `outputHashAlgo`, `outputHashMode`).
    pub fixed_output: Option<(Hash, FileIngestion)>,
    /// Input derivations (`.drv` paths) and the outputs used of each.
    pub input_drvs: BTreeMap<String, BTreeSet<String>>,
    /// Input store paths that are not derivation outputs.
    pub input_srcs: BTreeSet<String>,
}

/// The modulo hash of a derivation: one hash, or, for a fixed-output
/// derivation, one per output.
#[derive(Clone, Debug, PartialEq, Eq)]
enum DrvHash {
    Regular(Hash),
    Fixed(BTreeMap<String, Hash>),
}

/// Derivations created during an evaluation, with their modulo hashes.
#[derive(Clone, Debug, Default)]
pub struct DrvStore {
    drvs: HashMap<String, Derivation>,
    hashes: HashMap<String, DrvHash>,
    references: HashMap<String, BTreeSet<String>>,
}

impl DrvStore {
    /// Creates the derivation `input` describes, as `derivationStrict`:
    /// computes its output paths, fills them into outputs and environment,
    /// and returns its `.drv` path and the paths of its outputs.
    ///
    /// Every input derivation must already be in this store.
    pub fn add(
        &mut self,
        store: &StoreDir,
        input: DrvInput,
    ) -> Result<(String, BTreeMap<String, String>), String> {
        check_outputs(&input)?;
        let name = input.name;
        let mut drv = Derivation {
            outputs: BTreeMap::new(),
            input_drvs: input.input_drvs,
            input_srcs: input.input_srcs,
            platform: input.system,
            builder: input.builder,
            args: input.args,
            env: input.env,
        };
        if let Some((hash, method)) = input.fixed_output {
            let path = store.make_fixed_output_path(method, &hash, &name, &BTreeSet::new())?;
            drv.env.insert("out".to_string(), path.clone());
            let output = DerivationOutput {
                path,
                hash_algo: format!("{}{}", method.prefix(), hash.algo),
                hash: hash.to_string(HashFormat::Base16, false),
            };
            drv.outputs.insert("out".to_string(), output);
        } else {
            for output in &input.outputs {
                drv.env.insert(output.clone(), String::new());
                drv.outputs
                    .insert(output.clone(), DerivationOutput::default());
            }
            let DrvHash::Regular(hash) = self.hash_modulo(&drv, true)? else {
                return Err("derivation unexpectedly hashed as fixed-output".to_string());
            };
            for output in &input.outputs {
                let path = store.make_output_path(output, &hash, &name)?;
                drv.env.insert(output.clone(), path.clone());
                if let Some(o) = drv.outputs.get_mut(output) {
                    o.path = path;
                }
            }
        }
        let drv_path = store.make_text_path(
            &format!("{name}.drv"),
            drv.unparse().as_bytes(),
            &drv.references(),
        )?;
        let outputs = drv.output_paths();
        self.insert(drv_path.clone(), drv)?;
        Ok((drv_path, outputs))
    }

    /// Records a derivation read from elsewhere (e.g. a `.drv` file) under
    /// `drv_path`. Its input derivations must already be known.
    pub fn insert(&mut self, drv_path: String, drv: Derivation) -> Result<(), String> {
        let hash = self.hash_modulo(&drv, false)?;
        self.hashes.insert(drv_path.clone(), hash);
        self.drvs.insert(drv_path, drv);
        Ok(())
    }

    /// The derivation stored at `drv_path`.
    pub fn get(&self, drv_path: &str) -> Option<&Derivation> {
        self.drvs.get(drv_path)
    }

    /// Every stored derivation with its `.drv` path, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Derivation)> {
        self.drvs.iter()
    }

    /// The references recorded with [`DrvStore::add_references`] for
    /// `path`, if any.
    pub fn recorded_references(&self, path: &str) -> Option<&BTreeSet<String>> {
        self.references.get(path)
    }

    /// Records the references of a store path that is not a derivation
    /// (e.g. a `builtins.toFile` result), so that [`DrvStore::closure`]
    /// follows them.
    pub fn add_references(&mut self, path: String, references: BTreeSet<String>) {
        self.references.insert(path, references);
    }

    /// `path` and every path reachable from it through the references of
    /// known derivations (input sources and input `.drv` paths) and of paths
    /// recorded with [`DrvStore::add_references`]: the closure Nix adds for
    /// a `drvPath` string context.
    pub fn closure(&self, path: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![path.to_string()];
        while let Some(p) = todo.pop() {
            if seen.contains(&p) {
                continue;
            }
            if let Some(drv) = self.drvs.get(&p) {
                todo.extend(drv.references());
            }
            if let Some(refs) = self.references.get(&p) {
                todo.extend(refs.iter().cloned());
            }
            seen.insert(p);
        }
        seen
    }

    /// Computes afresh, from the stored derivation's own contents, the
    /// paths its outputs must have, as Nix does when it checks a `.drv`
    /// file: for a fixed output from its recorded hash, otherwise from the
    /// derivation's hash with its output paths blanked.
    pub fn recompute_output_paths(
        &self,
        store: &StoreDir,
        drv_path: &str,
    ) -> Result<BTreeMap<String, String>, String> {
        let drv = self
            .get(drv_path)
            .ok_or_else(|| format!("derivation '{drv_path}' is not known"))?;
        let file_name = store.store_path_name(drv_path)?;
        let name = file_name.strip_suffix(".drv").unwrap_or(file_name);
        if let Some(out) = drv.outputs.get("out").filter(|_| drv.is_fixed_output()) {
            let (method, algo) = match out.hash_algo.strip_prefix("r:") {
                Some(algo) => (FileIngestion::Recursive, algo),
                None => (FileIngestion::Flat, out.hash_algo.as_str()),
            };
            let algo = HashAlgo::from_name(algo)
                .ok_or_else(|| format!("unknown hash algorithm '{algo}'"))?;
            let hash = Hash::parse_digits(&out.hash, algo, false)?;
            let path = store.make_fixed_output_path(method, &hash, name, &BTreeSet::new())?;
            return Ok(BTreeMap::from([("out".to_string(), path)]));
        }
        let DrvHash::Regular(hash) = self.hash_modulo(drv, true)? else {
            return Err("derivation unexpectedly hashed as fixed-output".to_string());
        };
        drv.outputs
            .keys()
            .map(|o| Ok((o.clone(), store.make_output_path(o, &hash, name)?)))
            .collect()
    }

    /// The `hashDerivationModulo` of a stored derivation in base 16: one
    /// hash, or for a fixed-output derivation the hash of output `out`.
    pub fn hash_modulo_hex(&self, drv_path: &str) -> Option<String> {
        match self.hashes.get(drv_path)? {
            DrvHash::Regular(h) => Some(h.to_hex()),
            DrvHash::Fixed(m) => m.get("out").map(Hash::to_hex),
        }
    }

    /// Nix's `hashDerivationModulo`, reading input derivations' hashes from
    /// this store.
    fn hash_modulo(&self, drv: &Derivation, mask_outputs: bool) -> Result<DrvHash, String> {
        if drv.is_fixed_output() {
            let hashes = drv
                .outputs
                .iter()
                .map(|(name, o)| {
                    let s = format!("fixed:out:{}:{}:{}", o.hash_algo, o.hash, o.path);
                    (name.clone(), Hash::of(HashAlgo::Sha256, s.as_bytes()))
                })
                .collect();
            return Ok(DrvHash::Fixed(hashes));
        }
        if drv.outputs.values().any(|o| !o.hash_algo.is_empty()) {
            return Err(
                "content-addressed derivations other than fixed-output ones are not supported"
                    .to_string(),
            );
        }
        let mut inputs = BTreeMap::new();
        for (path, outputs) in &drv.input_drvs {
            match self.hashes.get(path) {
                Some(DrvHash::Regular(h)) => {
                    inputs.insert(h.to_hex(), outputs.clone());
                }
                Some(DrvHash::Fixed(hashes)) => {
                    for output in outputs {
                        let h = hashes.get(output).ok_or_else(|| {
                            format!("derivation '{path}' does not have output '{output}'")
                        })?;
                        inputs.insert(h.to_hex(), BTreeSet::from(["out".to_string()]));
                    }
                }
                None => {
                    return Err(format!("derivation '{path}' is not known"));
                }
            }
        }
        let text = drv.write_aterm(mask_outputs, Some(&inputs));
        Ok(DrvHash::Regular(Hash::of(
            HashAlgo::Sha256,
            text.as_bytes(),
        )))
    }
}

/// The checks `derivationStrict` makes on the name and outputs.
fn check_outputs(input: &DrvInput) -> Result<(), String> {
    if is_derivation(&input.name) {
        return Err("derivation names are not allowed to end in '.drv'".to_string());
    }
    if input.outputs.is_empty() {
        return Err("derivation cannot have an empty set of outputs".to_string());
    }
    let mut seen = BTreeSet::new();
    for output in &input.outputs {
        if output == "drv" {
            return Err(format!("invalid derivation output name '{output}'"));
        }
        if !seen.insert(output.as_str()) {
            return Err(format!("duplicate derivation output '{output}'"));
        }
    }
    if input.fixed_output.is_some() && input.outputs != ["out"] {
        return Err("multiple outputs are not supported in fixed-output derivations".to_string());
    }
    Ok(())
}
