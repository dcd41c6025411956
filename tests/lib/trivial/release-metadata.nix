let lib = import ../../../lib; in
[ (builtins.isString lib.trivial.codeName) (builtins.isString lib.trivial.versionSuffix) lib.trivial.inPureEvalMode
  (lib.trivial.oldestSupportedReleaseIsAtLeast 2205) (lib.trivial.oldestSupportedReleaseIsAtLeast 9912)
  (lib.version == lib.trivial.release + lib.trivial.versionSuffix) ]
