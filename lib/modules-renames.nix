# Option aliases and renames: modules that forward an old option to a new one
# (mkRenamedOptionModule, mkAliasOptionModule, mkRemovedOptionModule,
# mkChangedOptionModule, mkMergedOptionModule) and the alias helpers they use.
# Part of the module system: lib/modules.nix merges these into its set, and
# `modules` is that whole set.
{ lib, modules }:

let
  inherit (builtins) any filter foldl';
  inherit (lib) isOption mkOption showFiles showOption types;
  self = modules;
  optionalList = lib.optional;
in
{

  /** The definitions of `option`, to define another option the same way. */
  mkAliasDefinitions = self.mkAliasAndWrapDefinitions (x: x);

  /** `mkAliasDefinitions`, with the merged definitions passed through `wrap`. */
  mkAliasAndWrapDefinitions = wrap: option:
    self.mkAliasIfDef option (wrap (self.mkMerge option.definitions));

  /** Like `mkAliasAndWrapDefinitions`, keeping the definitions' priority. */
  mkAliasAndWrapDefsWithPriority = wrap: option:
    let
      prio = option.highestPrio or self.defaultOverridePriority;
    in
    self.mkAliasIfDef option (wrap (self.mkMerge (map (self.mkOverride prio) option.definitions)));

  /** `content` when `option` is an option with definitions. */
  mkAliasIfDef = option: self.mkIf (isOption option && option.isDefined);

  /**
    A definition computed from another option's value with `f`, at that
    option's priority.
  */
  mkDerivedConfig = opt: f: self.mkOverride (opt.highestPrio or self.defaultOverridePriority) (f opt.value);

  /**
    A module declaring the option `from` as a replacement of `to`:
    definitions of `from` go to `to` (keeping priorities when
    `withPriority`), reading `from` returns `use (value of to)`; `warn`
    adds a warning when `from` is defined; `visible` shows `from` in the
    documentation; `condition` enables the forwarding.
  */
  doRename = { from, to, visible, warn, use, withPriority ? true, condition ? true }:
    { config, options, ... }:
    let
      fromOpt = lib.getAttrFromPath from options;
      toValue = lib.attrByPath to (abort "Renaming error: option `${showOption to}' does not exist.");
      toType = (lib.attrByPath to { } options).type or (types.submodule { });
    in
    {
      options = lib.setAttrByPath from (mkOption {
        inherit visible;
        description = "Alias of {option}`${showOption to}`.";
        apply = _: use (toValue config);
      } // lib.optionalAttrs (toType != null) { type = toType; });
      config = self.mkIf condition (self.mkMerge [
        (lib.optionalAttrs (options ? warnings) {
          warnings = optionalList (warn && fromOpt.isDefined)
            "The option `${showOption from}' defined in ${showFiles fromOpt.files} has been renamed to `${showOption to}'.";
        })
        (if withPriority
        then self.mkAliasAndWrapDefsWithPriority (lib.setAttrByPath to) fromOpt
        else self.mkAliasAndWrapDefinitions (lib.setAttrByPath to) fromOpt)
      ]);
    };

  /**
    A module renaming option `from` to `to`: definitions of `from` apply
    to `to`, with a warning; reading `from` traces a message.
  */
  mkRenamedOptionModule = from: to: self.doRename {
    inherit from to;
    visible = false;
    warn = true;
    use = builtins.trace "Obsolete option `${showOption from}' is used. It was renamed to `${showOption to}'.";
  };

  /**
    `mkRenamedOptionModule` that only warns once `sinceRelease` (like 2305)
    is the oldest supported release.
  */
  mkRenamedOptionModuleWith = { from, to, sinceRelease }: self.doRename {
    inherit from to;
    visible = false;
    warn = lib.isInOldestRelease sinceRelease;
    use = lib.warnIf (lib.isInOldestRelease sinceRelease)
      "Obsolete option `${showOption from}' is used. It was renamed to `${showOption to}'.";
  };

  /**
    A module declaring option `from` as removed: defining it fails an
    assertion with `replacementInstructions`; reading it fails.
  */
  mkRemovedOptionModule = optionName: replacementInstructions:
    { options, ... }:
    {
      options = lib.setAttrByPath optionName (mkOption {
        visible = false;
        apply = _: throw "The option `${showOption optionName}' can no longer be used since it's been removed. ${replacementInstructions}";
      });
      config.assertions =
        let opt = lib.getAttrFromPath optionName options; in
        [{
          assertion = !opt.isDefined;
          message = ''
            The option definition `${showOption optionName}' in ${showFiles opt.files} no longer has any effect; please remove it.
            ${replacementInstructions}
          '';
        }];
    };

  /**
    A module making option `from` an alias of `to`, without warnings,
    visible in the documentation.
  */
  mkAliasOptionModule = from: to: self.doRename {
    inherit from to;
    visible = true;
    warn = false;
    use = x: x;
  };

  /** Older name of `mkAliasOptionModule`. */
  mkAliasOptionModuleMD = self.mkAliasOptionModule;

  /**
    A module replacing the options `from` (a list of paths) by option
    `to`, whose definition is `mergeFn config` when any of them is
    defined; each defined old option gives a warning.
  */
  mkMergedOptionModule = from: to: mergeFn:
    { config, options, ... }:
    {
      options = foldl' lib.recursiveUpdate { } (map
        (path: lib.setAttrByPath path (mkOption {
          visible = false;
          # A marker value, so mergeFn can read undefined options.
          default = "_mkMergedOptionModule";
        }))
        from);
      config = {
        warnings = filter (w: w != "") (map
          (path:
            let
              value = lib.getAttrFromPath path config;
              opt = lib.getAttrFromPath path options;
            in
            if value != "_mkMergedOptionModule" then
              "The option `${showOption path}' defined in ${showFiles opt.files} has been changed to `${showOption to}' that has a different type. Please read `${showOption to}' documentation and update your configuration accordingly."
            else "")
          from);
      } // lib.setAttrByPath to (self.mkMerge
        (optionalList
          (any (path: lib.getAttrFromPath path config != "_mkMergedOptionModule") from)
          (mergeFn config)));
    };

  /**
    A module replacing option `from` by option `to`, whose definition is
    `changeFn config` (which reads the old value from `config`).
  */
  mkChangedOptionModule = from: to: changeFn:
    self.mkMergedOptionModule [ from ] to changeFn;
}
