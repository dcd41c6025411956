let lib = import ../../../lib; in
[ (lib.versionOlder "1.0" "1.0.0") (lib.versionAtLeast "1.0a" "1.0") (lib.versionOlder "1.0rc1" "1.0") (lib.versionAtLeast "" "")
  (lib.versions.majorMinor "") (lib.versionOlder "2.0" "10.0") (lib.versionOlder "1.0-beta" "1.0") ]
