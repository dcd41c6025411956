# Types whose values are modules: `deferredModule`, `submodule`, `submoduleWith`
# (evaluated with lib.evalModules). Part of lib/types.nix, which merges these into
# `types`; `types` is that whole set.
{ lib, types }:

let
  inherit (builtins) attrNames isAttrs isFunction;
  inherit (lib) showOption;

  # Merge two submoduleWith/attribute parameters that must agree when both
  # are given.
  pickAgreeing = what: a: b:
    if a == null then b
    else if b == null then a
    else if a == b then a
    else throw "A submoduleWith option is declared multiple times with conflicting ${what}";
in
{
  /**
    A module (attribute set, function or path) kept unevaluated; several
    definitions become one module importing them all.
  */
  deferredModule = types.deferredModuleWith { };

  /** `deferredModule` with `staticModules` always imported. */
  deferredModuleWith = attrs@{ staticModules ? [ ] }: types.mkOptionType {
    name = "deferredModule";
    description = "module";
    descriptionClass = "noun";
    check = x: isAttrs x || isFunction x || types.path.check x;
    merge = loc: defs: {
      imports = staticModules ++ map
        (def: lib.setDefaultModuleLocation "${def.file}, via option ${showOption loc}" def.value)
        defs;
    };
    inherit (types.submoduleWith { modules = staticModules; }) getSubOptions getSubModules;
    substSubModules = m: types.deferredModuleWith (attrs // { staticModules = m; });
    functor = types.defaultFunctor "deferredModuleWith" // {
      type = types.deferredModuleWith;
      payload = { inherit staticModules; };
      binOp = a: b: { staticModules = a.staticModules ++ b.staticModules; };
    };
  };

  /**
    A submodule made of `modules`; attribute-set definitions only define
    `config` (the short form).
  */
  submodule = modules: types.submoduleWith {
    shorthandOnlyDefinesConfig = true;
    modules = lib.toList modules;
  };

  /**
    A value evaluated as its own module configuration.
    `modules`: the submodule's modules; `specialArgs`: extra module
    arguments known before evaluation; `shorthandOnlyDefinesConfig`:
    attribute-set definitions are config (not modules with
    options/imports); `description`; `class`: the module class
    accepted.
  */
  submoduleWith =
    attrs@{ modules
    , specialArgs ? { }
    , shorthandOnlyDefinesConfig ? false
    , description ? null
    , class ? null
    }:
    let
      asModules = defs: map
        ({ value, file }:
          if isAttrs value && shorthandOnlyDefinesConfig
          then { _file = file; config = value; }
          else { _file = file; imports = [ value ]; })
        defs;

      # The submodule without definitions: for documentation and to find
      # a freeform type. `name` is unknown here.
      base = lib.evalModules {
        inherit class specialArgs;
        modules = [{ _module.args.name = lib.mkOptionDefault "‹name›"; }] ++ modules;
      };

      freeformType = base._module.freeformType;
    in
    types.mkOptionType {
      name = "submodule";
      description =
        if description != null then description
        else freeformType.description or "submodule";
      check = x: isAttrs x || isFunction x || types.path.check x;
      merge = loc: defs:
        (base.extendModules {
          modules = [{ _module.args.name = lib.last loc; }] ++ asModules defs;
          prefix = loc;
        }).config;
      emptyValue = { value = { }; };
      getSubOptions = prefix:
        (base.extendModules { inherit prefix; }).options
        // lib.optionalAttrs (freeformType != null) {
          # Lets documentation tools see the freeform type's sub-options.
          _freeformOptions = freeformType.getSubOptions prefix;
        };
      getSubModules = modules;
      substSubModules = m: types.submoduleWith (attrs // { modules = m; });
      nestedTypes = lib.optionalAttrs (freeformType != null) { inherit freeformType; };
      functor = types.defaultFunctor "submodule" // {
        type = types.submoduleWith;
        payload = { inherit modules class specialArgs shorthandOnlyDefinesConfig description; };
        binOp = a: b: {
          class =
            if a.class == null then b.class
            else if b.class == null then a.class
            else if a.class == b.class then a.class
            else throw "A submoduleWith option is declared multiple times with conflicting class values \"${toString a.class}\" and \"${toString b.class}\".";
          modules = a.modules ++ b.modules;
          specialArgs =
            let both = builtins.intersectAttrs a.specialArgs b.specialArgs; in
            if both == { } then a.specialArgs // b.specialArgs
            else throw "A submoduleWith option is declared multiple times with the same specialArgs \"${toString (attrNames both)}\"";
          shorthandOnlyDefinesConfig = pickAgreeing "shorthandOnlyDefinesConfig values" a.shorthandOnlyDefinesConfig b.shorthandOnlyDefinesConfig;
          description = pickAgreeing "descriptions" a.description b.description;
        };
      };
    };
}
