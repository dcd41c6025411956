let lib = import ../../../lib; in
with lib.types;
map pathInStore.check [ "/nix/store/00000000000000000000000000000000-x" "/nix/store" "/tmp/x" "/nix/store/" ]
