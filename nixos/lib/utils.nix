# `utils`, the module argument NixOS modules use for systemd-related string
# helpers. Given to every module as `_module.args.utils`
# (../modules/misc/extra-arguments.nix).
{ lib, pkgs }:

let
  inherit (lib) replaceStrings hasPrefix removePrefix concatMapStringsSep isDerivation;
in
rec {
  /**
    escapeSystemdPath :: string -> string

    A path as a unit-name part, as `systemd-escape --path` writes it:
    escapeSystemdPath "/var/lib/my data" => "var-lib-my\\x20data".
  */
  escapeSystemdPath = s:
    let trimmed = lib.removeSuffix "/" (removePrefix "/" s); in
    if trimmed == "" then "-"
    else replaceStrings [ "-" " " "/" ] [ "\\x2d" "\\x20" "-" ] trimmed;

  /**
    escapeSystemdExecArg :: (string | path | number | derivation) -> string

    One argument of an Exec*= line: double-quoted with JSON escapes, `%`
    and `$` doubled so systemd passes them through literally.
  */
  escapeSystemdExecArg = arg:
    let
      s =
        if builtins.isPath arg then "${arg}"
        else if builtins.isString arg then arg
        else if builtins.isInt arg || builtins.isFloat arg || isDerivation arg then toString arg
        else throw "escapeSystemdExecArg only accepts strings, paths, numbers and derivations, got ${builtins.typeOf arg}";
    in
    replaceStrings [ "%" "$" ] [ "%%" "$$" ] (builtins.toJSON s);

  /** escapeSystemdExecArgs :: [arg] -> string: the arguments, space-separated. */
  escapeSystemdExecArgs = concatMapStringsSep " " escapeSystemdExecArg;

  /**
    toShellPath :: (package | string) -> string

    A login shell as a path: a host package gives its program on the host
    (`hostShellPath`, e.g. /bin/bash), another package
    `<out><shellPath>` (or `<out>/bin/<mainProgram>`), a string itself.
  */
  toShellPath = shell:
    if isDerivation shell then
      shell.hostShellPath or "${shell}${shell.shellPath or "/bin/${shell.meta.mainProgram or (lib.getName shell)}"}"
    else shell;

  systemdUtils = {
    lib = import ./systemd-lib.nix { inherit lib pkgs; };
  };
}
