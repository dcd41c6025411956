let lib = import ../../../lib; in
[ (lib.nameFromURL "https://nixos.org/releases/nix/nix-1.7/nix-1.7-x86_64-linux.tar.bz2" "-") (lib.nameFromURL "https://x.org/a/hello_world.tar.gz" "_") ]
