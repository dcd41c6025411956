let lib = import ../../../lib; in
[ (lib.versions.pad 3 "1.2") (lib.versions.pad 2 "1.2.3") (lib.versions.pad 3 "1.2-rc1") (lib.versions.pad 1 "5")
  (lib.versions.pad 4 "2023-10-01") (lib.versions.pad 0 "1.2") ]
