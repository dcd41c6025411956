let lib = import ../../../lib; in
{
  two = lib.showFiles [ "a.nix" "b.nix" ];
  one = lib.showFiles [ "a.nix" ];
  none = lib.showFiles [ ];
}
