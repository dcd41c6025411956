let lib = import ../../../lib; in
[ (lib.isInOldestRelease 2305) (lib.isInOldestRelease 9912) (builtins.isInt lib.oldestSupportedRelease)
  (builtins.isString lib.version) (lib.hasPrefix lib.trivial.release lib.version) lib.inNixShell
  (lib.trivial.revisionWithDefault "master") ]
