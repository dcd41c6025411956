let lib = import ../../../lib; in
lib.getLicenseFromSpdxId "Made-Up-1.0"
