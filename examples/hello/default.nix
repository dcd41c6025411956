# A first taste of sysnix's evaluator: a tiny service description built with the language
# features NixOS modules lean on (rec sets, let, with, functions with defaults, string
# interpolation, builtins) and a derivation whose store paths match Nix's.
{ name ? "hello", port ? 8080 }:
let
  mkService = { description, exec, after ? [ "network.target" ] }: {
    inherit description after;
    serviceConfig = {
      ExecStart = exec;
      DynamicUser = true;
      ProtectSystem = "strict";
    };
  };
  script = builtins.toFile "${name}.sh" ''
    #!/bin/sh
    exec busybox httpd -f -p ${toString port}
  '';
in rec {
  services.${name} = mkService {
    description = "The ${name} web server on port ${toString port}";
    exec = "/bin/sh ${script}";
  };
  unitNames = map (n: "${n}.service") (builtins.attrNames services);
  package = derivation {
    inherit name;
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo hi > $out" ];
  };
  summary = {
    units = unitNames;
    script = script;
    out = package.outPath;
    drv = package.drvPath;
  };
}
