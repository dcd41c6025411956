let lib = import ../../../lib; in
lib.callPackageWith { pkgA = 1; pkgb = 2; } ({ pkgB }: pkgB) { }
