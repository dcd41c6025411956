//! The search path (`-I`, `NIX_PATH`) as Nix reads it.

/// Whether a search path entry's path is a URL (Nix's `isUri`, plus current Nix's
/// `flake:`): its colons do not separate `NIX_PATH` entries, and Nix would download it.
pub fn is_uri(s: &str) -> bool {
    if s.starts_with("channel:") || s.starts_with("flake:") {
        return true;
    }
    s.split_once("://").is_some_and(|(scheme, _)| {
        matches!(
            scheme,
            "http" | "https" | "file" | "channel" | "git" | "s3" | "ssh"
        )
    })
}

/// `NIX_PATH`'s entries: separated by `:`, except the colons of a URL entry
/// (`nixpkgs=https://host/x.tar.gz`), as Nix splits it.
pub fn parse_nix_path(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < s.len() {
        let rest = &s[start..];
        let mut end = rest.find(':').unwrap_or(rest.len());
        let value_from = rest[..end].rfind('=').map_or(0, |i| i + 1);
        if end < rest.len() && is_uri(&rest[value_from..]) {
            end = rest[end + 1..]
                .find(':')
                .map_or(rest.len(), |i| end + 1 + i);
        }
        if end > 0 {
            out.push(rest[..end].to_string());
        }
        start += end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nix_path_keeps_urls_whole() {
        assert_eq!(
            parse_nix_path("a=/x::nixpkgs=https://h/n.tar.gz:/y:c=channel:nixos-22.05:z"),
            [
                "a=/x",
                "nixpkgs=https://h/n.tar.gz",
                "/y",
                "c=channel:nixos-22.05",
                "z"
            ]
        );
        assert_eq!(parse_nix_path(""), Vec::<String>::new());
        assert_eq!(parse_nix_path("p=flake:nixpkgs"), ["p=flake:nixpkgs"]);
        assert!(is_uri("https://x/y") && is_uri("channel:nixos") && !is_uri("./a"));
    }
}
