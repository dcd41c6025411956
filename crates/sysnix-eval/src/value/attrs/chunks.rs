//! Big sets that `//` makes, kept in sorted chunks the sets made from them share.

use super::Attr;
use crate::symbol::Symbol;
use crate::value::Shared;

/// Sets at least this big that `//` makes are kept in chunks the results of later `//`
/// share: folds like `acc // { ${n} = v; }` or a module system's merged declarations
/// then copy the chunks a step touches instead of the whole set. Nix copies the whole
/// set each time, so such a fold of n steps costs O(n²) time and memory there.
pub(super) const CHUNKED_FROM: usize = 512;
/// Size of the chunks a set is cut into; a chunk that grows past twice this is split.
const CHUNK: usize = 128;

/// The chunks of a big set. Each chunk is non-empty; together they are sorted by name.
#[derive(Clone)]
pub(super) struct Chunks {
    pub(super) parts: Vec<Shared<Vec<Attr>>>,
    /// The first name of each chunk, to find a name's chunk without visiting them.
    firsts: Vec<Symbol>,
    /// `ends[i]`: the number of attributes in `parts[..=i]`.
    ends: Vec<u32>,
}

impl Chunks {
    pub(super) fn len(&self) -> usize {
        self.ends.last().map_or(0, |&e| e as usize)
    }

    /// Cuts a sorted run of attributes into chunks.
    pub(super) fn cut(items: Vec<Attr>) -> Chunks {
        let mut c = Chunks {
            parts: Vec::with_capacity(items.len() / CHUNK + 1),
            firsts: Vec::new(),
            ends: Vec::new(),
        };
        c.push_run(items);
        c
    }

    /// Appends a sorted run (names after those already here), cut to chunk size. Each
    /// attribute is moved once (cutting with `split_off` would move the rest at every
    /// cut: quadratic in the size of the run).
    fn push_run(&mut self, items: Vec<Attr>) {
        if items.len() <= 2 * CHUNK {
            if !items.is_empty() {
                self.push_chunk(Shared::new(items));
            }
            return;
        }
        let mut rest = items.into_iter();
        while rest.len() > 0 {
            let n = if rest.len() <= 2 * CHUNK {
                rest.len()
            } else {
                CHUNK
            };
            let chunk: Vec<Attr> = rest.by_ref().take(n).collect();
            self.push_chunk(Shared::new(chunk));
        }
    }

    fn push_chunk(&mut self, chunk: Shared<Vec<Attr>>) {
        let end = self.len() + chunk.len();
        self.firsts.push(chunk[0].name);
        self.ends
            .push(u32::try_from(end).expect("fewer than 2^32 attributes"));
        self.parts.push(chunk);
    }

    /// Index in the whole set of chunk `ci`'s first attribute.
    #[inline]
    fn start(&self, ci: usize) -> usize {
        if ci == 0 {
            0
        } else {
            self.ends[ci - 1] as usize
        }
    }

    /// The chunk that would hold `name`.
    #[inline]
    fn chunk_of(&self, name: Symbol) -> usize {
        self.firsts
            .partition_point(|f| *f <= name)
            .saturating_sub(1)
    }

    #[inline]
    pub(super) fn get_attr(&self, name: Symbol) -> Option<(usize, &Attr)> {
        let ci = self.chunk_of(name);
        let chunk = &self.parts[ci];
        let i = chunk.binary_search_by(|a| a.name.cmp(&name)).ok()?;
        Some((self.start(ci) + i, &chunk[i]))
    }

    /// The attribute at index `i` of the whole set.
    #[inline]
    pub(super) fn at(&self, i: usize) -> Option<&Attr> {
        let ci = self.ends.partition_point(|&e| e as usize <= i);
        self.parts.get(ci)?.get(i - self.start(ci))
    }

    /// `self // b`: chunks no attribute of `b` falls in are shared.
    pub(super) fn update(&self, b: &[Attr]) -> Chunks {
        let mut out = Chunks {
            parts: Vec::with_capacity(self.parts.len() + 1),
            firsts: Vec::with_capacity(self.parts.len() + 1),
            ends: Vec::with_capacity(self.parts.len() + 1),
        };
        let mut j = 0;
        for (ci, chunk) in self.parts.iter().enumerate() {
            // `b`'s names before the next chunk's first go into this chunk (the names
            // before the first chunk too).
            let upto = match self.firsts.get(ci + 1) {
                Some(next) => j + b[j..].partition_point(|x| x.name < *next),
                None => b.len(),
            };
            if upto == j {
                out.push_chunk(chunk.clone());
                continue;
            }
            let mut merged = Vec::with_capacity(chunk.len() + (upto - j));
            merge_sorted(chunk, &b[j..upto], &mut merged);
            out.push_run(merged);
            j = upto;
        }
        if out.parts.is_empty() {
            out.push_run(b.to_vec());
        }
        out
    }
}

/// Merges two sorted runs, `b` winning on equal names, onto `out`.
pub(super) fn merge_sorted(a: &[Attr], b: &[Attr], out: &mut Vec<Attr>) {
    if b.len() * 8 < a.len() {
        // A few attributes into a big run (`acc // { ${n} = v; }`): find each one's
        // place by binary search and copy the runs between, instead of comparing
        // names all along the big run.
        let mut i = 0;
        for attr in b {
            let at = i + a[i..].partition_point(|x| x.name < attr.name);
            out.extend_from_slice(&a[i..at]);
            i = if a.get(at).is_some_and(|x| x.name == attr.name) {
                at + 1
            } else {
                at
            };
            out.push(attr.clone());
        }
        out.extend_from_slice(&a[i..]);
        return;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].name.cmp(&b[j].name) {
            std::cmp::Ordering::Less => {
                out.push(a[i].clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j].clone());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(b[j].clone());
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
}
