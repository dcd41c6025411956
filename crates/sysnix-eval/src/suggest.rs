//! "Did you mean …?" hints: the closest names by edit distance, as Nix ranks them.

/// Levenshtein distance between two strings (by characters).
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = if ca == *cb { 0 } else { 1 };
            cur[j + 1] = (prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The hint line for a missing `query` among `names`: up to 5 names within distance 2,
/// closest first (ties by name), or `None`.
pub fn did_you_mean(query: &str, names: &[&str]) -> Option<String> {
    let mut scored: Vec<(usize, &str)> = names
        .iter()
        .map(|n| (levenshtein(query, n), *n))
        .filter(|(d, _)| *d <= 2)
        .collect();
    scored.sort();
    scored.truncate(5);
    match scored.len() {
        0 => None,
        1 => Some(format!("Did you mean {}?", scored[0].1)),
        n => {
            let head: Vec<&str> = scored[..n - 1].iter().map(|s| s.1).collect();
            Some(format!(
                "Did you mean one of {} or {}?",
                head.join(", "),
                scored[n - 1].1
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "ab"), 2);
    }

    #[test]
    fn hints() {
        assert_eq!(
            did_you_mean("b", &["a"]).as_deref(),
            Some("Did you mean a?")
        );
        assert_eq!(
            did_you_mean("abc", &["abd", "abe", "zzzz"]).as_deref(),
            Some("Did you mean one of abd or abe?")
        );
        assert_eq!(did_you_mean("abc", &["xyzw"]), None);
    }
}
