let lib = import ../../../lib; in
let
  pkgs = {
    hello = { type = "derivation"; name = "hello-2.12"; outPath = "/nix/store/00000000000000000000000000000000-hello-2.12"; };
    python3Packages.requests = { type = "derivation"; name = "requests"; outPath = "/nix/store/11111111111111111111111111111111-requests"; };
  };
  strip = o: removeAttrs o [ "type" "default" ];
in
{
  plain = strip (lib.mkPackageOption pkgs "hello" { });
  nested = strip (lib.mkPackageOption pkgs [ "python3Packages" "requests" ] { });
  nullable = strip (lib.mkPackageOption pkgs "hello" { nullable = true; default = null; });
  example = strip (lib.mkPackageOption pkgs "hello" { example = "pkgs.hello.override { }"; extraDescription = "Used for greetings."; });
  exampleList = strip (lib.mkPackageOption pkgs "hello" { example = [ "python3Packages" "requests" ]; pkgsText = "myPkgs"; });
  defaultName = (lib.mkPackageOption pkgs "hello" { }).default.name;
  typeDesc = [ (lib.mkPackageOption pkgs "hello" { }).type.description (lib.mkPackageOption pkgs "hello" { nullable = true; }).type.description ];
}
