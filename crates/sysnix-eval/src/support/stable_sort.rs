//! `builtins.sort`'s order of comparisons.
//!
//! Nix sorts with C++'s `std::stable_sort`, and the comparator is Nix code: it can
//! trace, fail or throw, so *which* pairs it is asked about, and in what order, is
//! observable. This sort makes the same calls as libstdc++'s implementation (GCC 12,
//! which Nix 2.8 is built with on Debian 12) when its temporary buffer can be had:
//!
//! 1. The list is cut in two halves, the first one the longer by at most one.
//! 2. Each half is sorted on its own: runs of 7 by insertion sort, then runs merged
//!    pairwise, back and forth between the half and a buffer, doubling the run length.
//! 3. The halves are merged: forwards when they are the same length, else backwards.
//!
//! `less(a, b)` is the comparator's `a < b`; a merge takes from the later run only
//! when its element is less than the earlier run's, so equal elements keep their
//! order. The first error stops the sort.

/// Sorts `v` stably with the comparisons libstdc++'s `std::stable_sort` makes.
pub fn stable_sort<T: Clone, E>(
    v: &mut [T],
    less: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let half = n.div_ceil(2);
    sort_with_buffer(&mut v[..half], less)?;
    sort_with_buffer(&mut v[half..], less)?;
    merge_halves(v, half, less)
}

/// The length of the runs insertion sort makes first.
const CHUNK: usize = 7;

/// Sorts `s`: insertion-sorted runs of [`CHUNK`], then merged passes through a buffer.
fn sort_with_buffer<T: Clone, E>(
    s: &mut [T],
    less: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let len = s.len();
    let mut start = 0;
    while len - start >= CHUNK {
        insertion_sort(&mut s[start..start + CHUNK], less)?;
        start += CHUNK;
    }
    insertion_sort(&mut s[start..], less)?;
    let mut buf = s.to_vec();
    let mut step = CHUNK;
    while step < len {
        merge_pass(s, &mut buf, step, less)?;
        step *= 2;
        merge_pass(&buf, s, step, less)?;
        step *= 2;
    }
    Ok(())
}

/// Insertion sort: each element goes to the front if less than the first, else moves
/// left while less than its left neighbour.
fn insertion_sort<T: Clone, E>(
    s: &mut [T],
    less: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    for i in 1..s.len() {
        if less(&s[i], &s[0])? {
            s[..=i].rotate_right(1);
        } else {
            let val = s[i].clone();
            let mut k = i;
            while less(&val, &s[k - 1])? {
                s[k] = s[k - 1].clone();
                k -= 1;
            }
            s[k] = val;
        }
    }
    Ok(())
}

/// Merges the runs of `step` elements of `src` pairwise into `dst` (the last pair may
/// be short, or a lone run).
fn merge_pass<T: Clone, E>(
    src: &[T],
    dst: &mut [T],
    step: usize,
    less: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let n = src.len();
    let mut i = 0;
    while n - i >= 2 * step {
        merge_into(src, i, i + step, i + 2 * step, dst, less)?;
        i += 2 * step;
    }
    let mid = i + step.min(n - i);
    merge_into(src, i, mid, n, dst, less)
}

/// Merges `src[lo..mid]` and `src[mid..hi]` into `dst[lo..hi]`.
fn merge_into<T: Clone, E>(
    src: &[T],
    lo: usize,
    mid: usize,
    hi: usize,
    dst: &mut [T],
    less: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let (mut i, mut j, mut k) = (lo, mid, lo);
    while i < mid && j < hi {
        if less(&src[j], &src[i])? {
            dst[k] = src[j].clone();
            j += 1;
        } else {
            dst[k] = src[i].clone();
            i += 1;
        }
        k += 1;
    }
    for x in src[i..mid].iter().chain(&src[j..hi]) {
        dst[k] = x.clone();
        k += 1;
    }
    Ok(())
}

/// Merges the sorted halves `v[..half]` and `v[half..]`: forwards from the front when
/// the first is not longer, else backwards from the end.
fn merge_halves<T: Clone, E>(
    v: &mut [T],
    half: usize,
    less: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    let n = v.len();
    if half <= n - half {
        // libstdc++ moves only the first half out; reading both from a copy makes the
        // same comparisons.
        let src = v.to_vec();
        return merge_into(&src, 0, half, n, v, less);
    }
    let second = v[half..].to_vec();
    let (mut l1, mut l2, mut r) = (half - 1, second.len() - 1, n);
    loop {
        r -= 1;
        if less(&second[l2], &v[l1])? {
            v[r] = v[l1].clone();
            if l1 == 0 {
                v[r - l2 - 1..r].clone_from_slice(&second[..=l2]);
                return Ok(());
            }
            l1 -= 1;
        } else {
            v[r] = second[l2].clone();
            if l2 == 0 {
                return Ok(());
            }
            l2 -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stable_sort;

    /// Sorts pairs by their first element, recording each comparison.
    fn sort_logged(v: &mut [(u32, usize)]) -> Vec<(u32, u32)> {
        let mut log = Vec::new();
        stable_sort::<_, ()>(v, &mut |a, b| {
            log.push((a.0, b.0));
            Ok(a.0 < b.0)
        })
        .unwrap();
        log
    }

    #[test]
    fn sorts_stably_at_every_length() {
        // Lengths around the run length and its doublings, keys with many ties.
        for n in 0..200usize {
            let mut v: Vec<(u32, usize)> =
                (0..n).map(|i| (((i * 7919 + 13) % 17) as u32, i)).collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_logged(&mut v);
            assert_eq!(v, expected, "length {n}");
        }
    }

    #[test]
    fn compares_as_libstdcxx_does_on_a_small_case() {
        // [3, 1, 2]: halves [3, 1] and [2]. Insertion sort of [3, 1] asks 1 < 3;
        // the halves differ in length, so the merge runs backwards: 2 < 3, then 2 < 1.
        let mut v = vec![(3, 0), (1, 1), (2, 2)];
        assert_eq!(sort_logged(&mut v), vec![(1, 3), (2, 3), (2, 1)]);
        assert_eq!(v, vec![(1, 1), (2, 2), (3, 0)]);
    }

    #[test]
    fn stops_at_the_first_error() {
        let mut calls = 0;
        let mut v = vec![5, 4, 3, 2, 1];
        let r = stable_sort(&mut v, &mut |a: &i32, b: &i32| {
            calls += 1;
            if calls == 3 { Err("boom") } else { Ok(a < b) }
        });
        assert_eq!(r, Err("boom"));
        assert_eq!(calls, 3);
    }
}
