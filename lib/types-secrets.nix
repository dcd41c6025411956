# Types for secrets, which must never be written to the world-readable store:
# `secret` (the secret itself, a string) and `secretFile` (the path of a file
# holding one, which stays outside the store). Part of lib/types.nix, which
# merges these into `types`.
#
# A `secret` option's value is marked by `builtins.__sysnixMarkSecret`: under
# sysnix the mark travels with the string and with every string built from it,
# and writing one to the store (a derivation's attribute, `toFile`) fails the
# build naming the option. C++ Nix has no such builtin; the value is then
# returned unmarked.
{ lib, types }:

let
  inherit (builtins) isString isPath length;
  inherit (lib) showOption showFiles getFiles;

  mark = builtins.__sysnixMarkSecret or (what: value: value);

  # Every definition must agree; unlike `str`, a conflict does not print the values.
  mergeSecret = loc: defs:
    let
      first = builtins.head defs;
      agree = builtins.all (d: d.value == first.value) defs;
    in
    if agree then first.value
    else throw "The secret option `${showOption loc}' has conflicting definition values (not shown) in ${showFiles (getFiles defs)}.\nUse `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.";
in
{
  /**
    A secret string (a password, a token). Under sysnix a secret that flows into
    a store path (a unit file, an /etc file, a script) fails the build, naming
    the option: hand it to the service at run time instead (a credential, a key,
    a file only the service can read).
  */
  secret = types.mkOptionType {
    name = "secret";
    description = "secret string";
    descriptionClass = "noun";
    check = isString;
    merge = loc: defs:
      let files = getFiles defs; in
      mark
        "option `${showOption loc}' (defined in ${showFiles files})"
        (if length defs == 1 then (builtins.head defs).value else mergeSecret loc defs);
  };

  /**
    The absolute path of a file holding a secret, outside the store (the
    `…File` options, such as `passwordFile`). A path value (`./password`) is
    taken as its absolute path name, as a string: it is never copied into the
    store. A store path is refused.
  */
  secretFile = types.mkOptionType {
    name = "secretFile";
    description = "absolute path of a secret file outside the store";
    descriptionClass = "noun";
    check = x: (isString x || isPath x) && types.externalPath.check (toString x);
    merge = loc: defs: toString (lib.mergeEqualOption loc defs);
  };
}
