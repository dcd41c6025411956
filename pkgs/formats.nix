# `pkgs.formats`: option types and file generators for configuration
# formats, with nixpkgs' interface:
#
#   let fmt = pkgs.formats.ini { }; in {
#     options.settings = lib.mkOption { type = fmt.type; default = { }; };
#     config.environment.etc."foo.ini".source = fmt.generate "foo.ini" cfg.settings;
#   }
#
# Every generator writes its text with writeText at evaluation time (no
# converter program is needed on the host): JSON by builtins.toJSON, YAML
# and TOML by the small renderers of ./formats/, INI and key=value by
# lib.generators.
{ lib, pkgs }:

let
  inherit (lib) types mapAttrs;

  toTOML = import ./formats/toml.nix { inherit lib; };
  toYAML = import ./formats/yaml.nix { inherit lib; };

  # The values JSON (and YAML) can hold, recursively.
  jsonValue = types.nullOr (types.oneOf [
    types.bool
    types.int
    types.float
    types.str
    types.path
    (types.attrsOf jsonValue)
    (types.listOf jsonValue)
  ]) // { description = "JSON value"; };

  # The values TOML can hold (no null).
  tomlValue = types.oneOf [
    types.bool
    types.int
    types.float
    types.str
    types.path
    (types.attrsOf tomlValue)
    (types.listOf tomlValue)
  ] // { description = "TOML value"; };

  # INI atoms; lists as nixpkgs' ini format allows them.
  singleIniAtom = types.nullOr (types.oneOf [ types.bool types.int types.float types.str ]) // {
    description = "INI atom (null, bool, int, float or string)";
  };

  iniAtomWith = { listsAsDuplicateKeys, listToValue }:
    if listsAsDuplicateKeys then
      types.coercedTo singleIniAtom lib.toList (types.listOf singleIniAtom) // {
        description = singleIniAtom.description + " or a list of them for duplicate keys";
      }
    else if listToValue != null then
      types.coercedTo singleIniAtom lib.toList (types.nonEmptyListOf singleIniAtom) // {
        description = singleIniAtom.description + " or a non-empty list of them";
      }
    else singleIniAtom;

  # Values that are lists become one value through `listToValue`.
  flattenLists = listToValue: v:
    if listToValue != null && builtins.isList v then listToValue v else v;

  writeText = pkgs.writeText;
in
{
  /** JSON: `generate name value` writes builtins.toJSON value. */
  json = { }: {
    type = jsonValue;
    generate = name: value: writeText name (builtins.toJSON value);
  };

  /** YAML (1.2): a block-style rendering; strings are double-quoted. */
  yaml = { }: {
    type = jsonValue;
    generate = name: value: writeText name (toYAML value);
  };
  yaml_1_1 = { }: {
    type = jsonValue;
    generate = name: value: writeText name (toYAML value);
  };
  yaml_1_2 = { }: {
    type = jsonValue;
    generate = name: value: writeText name (toYAML value);
  };

  /**
    INI: `{ section = { key = value; }; }`.

    Arguments (as nixpkgs): listsAsDuplicateKeys (a list repeats the key),
    listToValue (a list becomes one value through this function),
    mkKeyValue, mkSectionName.
  */
  ini =
    { listsAsDuplicateKeys ? false
    , listToValue ? null
    , ...
    }@args:
    assert lib.assertMsg (listsAsDuplicateKeys -> listToValue == null)
      "pkgs.formats.ini: listsAsDuplicateKeys and listToValue cannot both be set.";
    let
      atom = iniAtomWith { inherit listsAsDuplicateKeys listToValue; };
      genArgs = removeAttrs args [ "listToValue" ];
    in
    {
      type = types.attrsOf (types.attrsOf atom);
      generate = name: value: writeText name (lib.generators.toINI genArgs
        (mapAttrs (_: mapAttrs (_: v: if listToValue != null then flattenLists listToValue v else v)) value));
    };

  /**
    INI with a global section: `{ globalSection = { … }; sections = { … }; }`
    (same arguments as `ini`).
  */
  iniWithGlobalSection =
    { listsAsDuplicateKeys ? false
    , listToValue ? null
    , ...
    }@args:
    assert lib.assertMsg (listsAsDuplicateKeys -> listToValue == null)
      "pkgs.formats.iniWithGlobalSection: listsAsDuplicateKeys and listToValue cannot both be set.";
    let
      atom = iniAtomWith { inherit listsAsDuplicateKeys listToValue; };
      genArgs = removeAttrs args [ "listToValue" ];
      flat = mapAttrs (_: v: if listToValue != null then flattenLists listToValue v else v);
    in
    {
      type = types.submodule {
        options = {
          globalSection = lib.mkOption {
            type = types.attrsOf atom;
            default = { };
            description = "The keys before the first section.";
          };
          sections = lib.mkOption {
            type = types.attrsOf (types.attrsOf atom);
            default = { };
            description = "The sections, each an attribute set of keys.";
          };
        };
      };
      generate = name: { globalSection ? { }, sections ? { } }:
        writeText name (lib.generators.toINIWithGlobalSection genArgs {
          globalSection = flat globalSection;
          sections = mapAttrs (_: flat) sections;
        });
    };

  /**
    key=value lines. Arguments: mkKeyValue (default `key=value`),
    listsAsDuplicateKeys, listToValue.
  */
  keyValue =
    { listsAsDuplicateKeys ? false
    , listToValue ? null
    , ...
    }@args:
    assert lib.assertMsg (listsAsDuplicateKeys -> listToValue == null)
      "pkgs.formats.keyValue: listsAsDuplicateKeys and listToValue cannot both be set.";
    let
      atom = iniAtomWith { inherit listsAsDuplicateKeys listToValue; };
      genArgs = removeAttrs args [ "listToValue" ];
    in
    {
      type = types.attrsOf atom;
      generate = name: value: writeText name (lib.generators.toKeyValue genArgs
        (mapAttrs (_: v: if listToValue != null then flattenLists listToValue v else v) value));
    };

  /** TOML: tables, arrays of tables, inline arrays and inline tables. */
  toml = { }: {
    type = tomlValue;
    generate = name: value: writeText name (toTOML value);
  };

  /** nix.conf-style `key = value` lines (lists space-separated). */
  nixConf = { }: {
    type = types.attrsOf (types.oneOf [ types.bool types.int types.str (types.listOf types.str) ]);
    generate = name: value: writeText name (lib.generators.toKeyValue {
      mkKeyValue = k: v: "${k} = ${if builtins.isList v then lib.concatStringsSep " " v
        else if builtins.isBool v then lib.boolToString v else toString v}";
    } value);
  };

  # Renderers, for modules that want the text itself.
  renderers = { inherit toTOML toYAML; };
}
