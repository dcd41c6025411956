let lib = import ../../../lib; in
map lib.isStorePath [ "/nix/store/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11" "/nix/store/d945ibfx9x185xf04b890y4f9g3cbb63-python-2.7.11/bin/python"
  "/home/user" "nix/store/x" 1 { outPath = "/nix/store/d945ibfx9x185xf04b890y4f9g3cbb63-x"; } "/nix/store" ]
