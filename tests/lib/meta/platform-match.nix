let lib = import ../../../lib; in
let platform = { system = "x86_64-linux"; parsed = { cpu = { name = "x86_64"; }; kernel = { name = "linux"; }; }; isLinux = true; }; in
[ (lib.meta.platformMatch platform "x86_64-linux") (lib.meta.platformMatch platform "aarch64-linux") (lib.meta.platformMatch platform { isLinux = true; })
  (lib.meta.platformMatch platform { parsed = { kernel = { name = "linux"; }; }; })
  (lib.meta.availableOn platform { meta.platforms = [ "x86_64-linux" ]; }) (lib.meta.availableOn platform { })
  (lib.meta.availableOn platform { meta.platforms = [ "x86_64-linux" ]; meta.badPlatforms = [ { isLinux = true; } ]; }) ]
