# Every writer and format of pkgs, built for real by crates/sysnix-cli/tests/build.rs
# (`sysnix build -f tests/build/writers.nix -A <name>`), which checks each output.
{ pkgs ? import <sysnix/pkgs> { } }:
let
  settings = {
    server = { port = 8080; name = "demo"; debug = false; };
    tags = [ "a" "b" ];
  };
in
{
  text = pkgs.writeText "greeting.txt" "hello\n";
  textFile = pkgs.writeTextFile {
    name = "tool";
    text = "#!/bin/sh\necho tool-ran\n";
    executable = true;
    destination = "/bin/tool";
  };
  textDir = pkgs.writeTextDir "share/doc/readme.txt" "read me\n";
  script = pkgs.writeScript "script" "#!/bin/sh\necho script-ran\n";
  shellScript = pkgs.writeShellScript "shell-script" "echo shell-script-ran \"$@\"";
  shellScriptBin = pkgs.writeShellScriptBin "hello-bin" "echo hello-bin-ran";
  shellApplication = pkgs.writeShellApplication {
    name = "app";
    runtimeInputs = [ pkgs.coreutils ];
    text = ''
      unset_var_check="''${1:-none}"
      echo "app-ran $unset_var_check"
    '';
  };
  joined = pkgs.symlinkJoin {
    name = "joined";
    paths = [
      (pkgs.writeShellScriptBin "one" "echo one")
      (pkgs.writeShellScriptBin "two" "echo two")
    ];
  };
  command = pkgs.runCommand "command" { greeting = "hi"; } ''
    mkdir -p $out
    echo "$greeting from runCommand" > $out/message
  '';
  commandLocal = pkgs.runCommandLocal "command-local" { } ''
    echo local > $out
  '';
  json = (pkgs.formats.json { }).generate "settings.json" settings;
  yaml = (pkgs.formats.yaml { }).generate "settings.yaml" settings;
  toml = (pkgs.formats.toml { }).generate "settings.toml" settings;
  ini = (pkgs.formats.ini { }).generate "settings.ini" {
    general = { name = "demo"; enabled = true; };
    net = { port = 8080; };
  };
  keyValue = (pkgs.formats.keyValue { }).generate "settings.env" { NAME = "demo"; PORT = 8080; };
}
