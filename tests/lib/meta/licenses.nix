let lib = import ../../../lib; in
[ lib.licenses.mit.spdxId lib.licenses.gpl2Only.spdxId lib.licenses.gpl3Plus.shortName lib.licenses.asl20.fullName lib.licenses.unfree.free
  lib.licenses.free.free (lib.getLicenseFromSpdxId "Apache-2.0").shortName (lib.getLicenseFromSpdxId "mit").shortName
  (lib.meta.getLicenseFromSpdxIdOr "Nope-1.0" null) (lib.meta.getLicenseFromSpdxIdOr "BSD-3-CLAUSE" null).shortName ]
