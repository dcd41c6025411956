let lib = import ../../../lib; in
[ (lib.enableFeature true "shared") (lib.enableFeature false "shared") (lib.enableFeatureAs true "x" "y") (lib.enableFeatureAs false "x" "y")
  (lib.withFeature true "ssl") (lib.withFeature false "ssl") (lib.withFeatureAs true "ssl" "/usr") (lib.withFeatureAs false "ssl" "/usr") ]
