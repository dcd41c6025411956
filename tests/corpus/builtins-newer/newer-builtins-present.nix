# differs-from-2.8: builtins added after Nix 2.8
map (n: builtins.hasAttr n builtins) [ "readFileType" "convertHash" "warn" "traceVerbose" "break" ]
