let lib = import ../../../lib; in
[ (lib.mesonOption "x" "y") (lib.mesonBool "b" true) (lib.mesonBool "b" false) (lib.mesonEnable "f" true) (lib.mesonEnable "f" false)
  (lib.cmakeOptionType "string" "ENGINE" "x") (lib.cmakeOptionType "FilePath" "P" "/a") (lib.cmakeBool "ON" true) (lib.cmakeBool "OFF" false)
  (lib.cmakeFeature "CMAKE_BUILD_TYPE" "Release") ]
