let lib = import ../../../lib; in
[ (lib.levenshtein "the quick brown fox jumps over the lazy dog" "the quack brown fix jumped over a lazy dog")
  (lib.levenshteinAtMost 2 "networking.firewall.allowedTCPPorts" "networking.firewall.allowedTCPPort")
  (lib.levenshteinAtMost 2 "services.nginx.virtualHosts" "services.nginx.virtualHost.x") ]
