let lib = import ../../../lib; in
{
  short = lib.unifyModuleSyntax "f.nix" "k" { a = 1; imports = [ ]; _file = "g.nix"; };
  long = lib.unifyModuleSyntax "f.nix" "k" { options = { }; config.a = 1; key = "custom"; };
}
