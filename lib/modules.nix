# The module system: evaluating a list of modules into option declarations
# (`options`) and option values (`config`), and the properties (mkIf,
# mkMerge, mkOverride, mkOrder) definitions can carry.
{ lib }:

let
  inherit (builtins)
    addErrorContext
    all
    any
    attrNames
    catAttrs
    concatLists
    concatMap
    concatStringsSep
    elem
    filter
    foldl'
    functionArgs
    genericClosure
    head
    isAttrs
    isBool
    isFunction
    isList
    isString
    length
    mapAttrs
    removeAttrs
    tail
    typeOf
    zipAttrsWith
    ;
  inherit (lib)
    isOption
    mkOption
    showDefs
    showFiles
    showOption
    types
    ;

  # The types of `_module.args` and `_module.freeformType`: the same for every
  # evaluation, so made once rather than for each submodule value.
  moduleArgsType = types.lazyAttrsOf types.raw;
  freeformTypeType = types.nullOr types.optionType;

  # ---- small helpers

  optionalList = cond: x: if cond then [ x ] else [ ];

  # The "Did you mean" sentence for the undeclared option at `path` (relative
  # to `prefix`): the (at most three) declared siblings closest in edit
  # distance; with many siblings, only those within distance 2.
  suggestion = prefix: options: path:
    let
      parent = lib.init path;
      wrong = lib.last path;
      siblings = attrNames (lib.attrByPath parent { } options);
      candidates = if parent == [ ] then lib.remove "_module" siblings else siblings;
      closest = lib.take 3 (lib.sortOn (lib.levenshtein wrong)
        (if length candidates < 100 then candidates
        else filter (lib.levenshteinAtMost 2 wrong) candidates));
      show = name: "`${showOption (prefix ++ parent ++ [ name ])}'";
    in
    if closest == [ ] then ""
    else if length closest == 1 then "\n\nDid you mean ${show (head closest)}?"
    else "\n\nDid you mean ${concatStringsSep ", " (map show (lib.init closest))} or ${show (lib.last closest)}?";

  # Wrap a raw option tree (declarations below an option of submodule type)
  # as an option of type submodule, so both can be merged.
  treeAsOption = decl:
    if isOption decl.options then decl
    else decl // {
      options = mkOption {
        type = types.submoduleWith {
          modules = [{ options = decl.options; }];
          # "Whatever the other declarations say."
          shorthandOnlyDefinesConfig = null;
        };
      };
    };

  declarationKindError = loc: kind: file:
    let
      name = lib.strings.escapeNixIdentifier (lib.last loc);
      message =
        "In module ${file}: expected an option declaration at option path `${showOption loc}` but got an attribute set with type ${kind}"
        + (if kind == "option-type" then ''


          When declaring an option, you must wrap the type in a `mkOption` call. It should look somewhat like:
              # options.${showOption loc} = lib.mkOption {
              ${name} = lib.mkOption {
                description = ...;
                type = <the type you wrote for ${name}>;
                ...
              };
        '' else "");
    in
    throw message;

  listDeclarations = loc: decls:
    concatStringsSep "\n"
      (concatMap
        (decl: map
          (sub: "- option(s) with prefix `${showOption (loc ++ [ sub ])}' in module `${decl._file}'")
          (attrNames decl.options))
        decls);

  self = {

    # ---- evaluation

    /**
      Evaluate modules into a configuration.

      `modules`: list of modules (attribute sets, functions, paths);
      `prefix`: option path of this configuration inside a larger one;
      `specialArgs`: module arguments available before evaluation (usable
      in `imports`); `class`: the module class accepted (modules with
      another `_class` are rejected); `args`, `check`: deprecated, use
      `_module.args` and `_module.check`.

      Returns `{ config, options, extendModules, type, _module, _type, class }`.
    */
    evalModules = evalArgs@{ modules
                           , prefix ? [ ]
                           , args ? { }
                           , check ? true
                           , specialArgs ? { }
                           , class ? null
                           }:
      let
        deprecationWarnings = x:
          lib.warnIf (evalArgs ? args) "The args argument to evalModules is deprecated. Please set config._module.args instead."
            (lib.warnIf (evalArgs ? check) "The check argument to evalModules is deprecated. Please set config._module.check instead."
              x);

        legacyModules =
          optionalList (evalArgs ? args) { config._module.args = args; }
          ++ optionalList (evalArgs ? check) { config._module.check = self.mkDefault check; };

        userModules = modules ++ legacyModules;

        # Options of the module system itself, under `_module`.
        builtinModule = rec {
          _file = "lib/modules.nix";
          key = _file;
          options._module = {
            args = mkOption {
              type = moduleArgsType;
              internal = prefix != [ ];
              description = ''
                Additional arguments passed to each module in addition to ones
                like `lib`, `config`, and `pkgs`, `modulesPath`.
              '';
            };
            check = mkOption {
              type = types.bool;
              internal = true;
              default = true;
              description = "Whether to check whether all option definitions have matching declarations.";
            };
            freeformType = mkOption {
              type = freeformTypeType;
              internal = true;
              default = null;
              description = ''
                If set, merge all definitions that don't have an associated option
                together using this type. The result then gets combined with the
                values of all declared options to produce the final `config` value.

                If this is `null`, definitions without an option
                will throw an error unless {option}`_module.check` is
                turned off.
              '';
            };
            specialArgs = mkOption {
              readOnly = true;
              internal = true;
              description = ''
                Externally provided module arguments that can't be modified from
                within a configuration, but can be used in module imports.
              '';
            };
          };
          config._module = {
            args = {
              inherit extendModules;
              moduleType = type;
            };
            inherit specialArgs;
          };
        };

        merged =
          let
            collected = self.collectModules class (specialArgs.modulesPath or "")
              (userModules ++ [ builtinModule ])
              ({ inherit lib options config specialArgs; _class = class; _prefix = prefix; } // specialArgs);
          in
          self.mergeModules prefix (lib.reverseList collected);

        options = merged.matchedOptions;

        config =
          let
            # (natively in sysnix, builtins/modules/)
            declaredConfig = (builtins.__sysnixOptionValues or (lib.mapAttrsRecursiveCond (v: !isOption v) (_: opt: opt.value))) options;
            freeformType = declaredConfig._module.freeformType;
            freeformDefs = map
              (def: { inherit (def) file; value = lib.setAttrByPath def.prefix def.value; })
              merged.unmatchedDefns;
            freeformConfig = if freeformDefs == [ ] then { } else freeformType.merge prefix freeformDefs;
          in
          if freeformType == null then declaredConfig
          # Declared options win; the freeform part only holds undeclared paths.
          else lib.recursiveUpdate freeformConfig declaredConfig;

        checkUnmatched =
          if config._module.check && config._module.freeformType == null && merged.unmatchedDefns != [ ] then
            let
              firstDef = head merged.unmatchedDefns;
              optText = showOption (prefix ++ firstDef.prefix);
              defText =
                addErrorContext "while evaluating the error message for definitions for `${optText}', which is an option that does not exist"
                  (addErrorContext "while evaluating a definition from `${firstDef.file}'"
                    (showDefs [ firstDef ]));
              hint = suggestion prefix options firstDef.prefix;
              baseMsg = "The option `${optText}' does not exist. Definition values:${defText}${hint}";
            in
            if attrNames options == [ "_module" ] then
              if showOption prefix == "" then
                throw ''
                  ${baseMsg}

                  It seems as if you're trying to declare an option by placing it into `config' rather than `options'!
                ''
              else
                throw ''
                  ${baseMsg}

                  However there are no options defined in `${showOption prefix}'. Are you sure you've
                  declared your options properly? This can happen if you e.g. declared your options in `types.submodule'
                  under `config' rather than `options'.
                ''
            else throw baseMsg
          else null;

        checked = builtins.seq checkUnmatched;

        extendModules = extendArgs@{ modules ? [ ], specialArgs ? { }, prefix ? [ ] }:
          self.evalModules (evalArgs // {
            inherit class;
            modules = userModules ++ modules;
            specialArgs = (evalArgs.specialArgs or { }) // specialArgs;
            prefix = extendArgs.prefix or evalArgs.prefix or [ ];
          });

        type = types.submoduleWith { inherit modules specialArgs class; };
      in
      deprecationWarnings {
        _type = "configuration";
        options = checked options;
        config = checked (removeAttrs config [ "_module" ]);
        _module = checked config._module;
        inherit extendModules type class;
      };

    /**
      Load `modules` and everything they import, call function modules with
      `args`, drop disabled modules and duplicates (by key), and return the
      list of modules in canonical form (see `unifyModuleSyntax`).
    */
    collectModules = class: modulesPath: modules: args:
      let
        load = fallbackFile: fallbackKey: m:
          if isFunction m then
            self.unifyModuleSyntax fallbackFile fallbackKey (self.applyModuleArgs fallbackKey m args)
          else if isAttrs m then
            if (m._type or "module") == "module" then self.unifyModuleSyntax fallbackFile fallbackKey m
            else if m._type == "if" || m._type == "override" then load fallbackFile fallbackKey { config = m; }
            else
              throw ("Could not load a value as a module, because it is of type ${lib.strings.escapeNixString m._type}"
                + (if fallbackFile != lib.unknownModule then ", in file ${toString fallbackFile}." else "")
                + (if m._type == "configuration" then " If you do intend to import this configuration, please only import the modules that make up the configuration. You may have to create a `let` binding, file or attribute to give yourself access to the relevant modules.\nWhile loading a configuration into the module system is a very sensible idea, it can not be done cleanly in practice." else ""))
          else if isList m then
            throw "Module imports can't be nested lists. Perhaps you meant to remove one level of lists? Definitions: ${showDefs [{ file = fallbackFile; value = m; }]}"
          else
            let file = toString m; in
            self.unifyModuleSyntax file file (self.applyModuleArgsIfFunction file (import m) args);

        checkClass = m:
          if class != null && m._class != null && m._class != class then
            throw "The module ${m._file or m.key} was imported into ${class} instead of ${m._class}."
          else m;

        # A tree { key, module, imported = [ ... ]; disabled = [ ... ]; } per module.
        collectTree = parentFile: parentKey: ms:
          lib.imap1
            (n: m:
              let
                module = checkClass (load parentFile "${parentKey}:anon-${toString n}" m);
                imported = collectTree module._file module.key module.imports;
              in
              {
                inherit (module) key;
                inherit module imported;
                disabled =
                  optionalList (module.disabledModules != [ ]) { file = module._file; disabled = module.disabledModules; }
                  ++ concatMap (i: i.disabled) imported;
              })
            ms;

        tree = collectTree lib.unknownModule "" modules;

        keyOfDisabled = file: m:
          if isString m then
            (if builtins.substring 0 1 m == "/" then m else toString modulesPath + "/" + m)
          else if lib.isConvertibleWithToString m then
            (if m ? key && m.key != toString m then
              throw "Module `${file}` contains a disabledModules item that is an attribute set that can be converted to a string (${toString m}) but also has a `.key` attribute (${m.key}) with a different value. This makes it ambiguous which module should be disabled."
            else toString m)
          else if isAttrs m && m ? key then m.key
          else if isAttrs m then
            throw "Module `${file}` contains a disabledModules item that is an attribute set, presumably a module, that does not have a `key` attribute. This means that the module system doesn't have any means to identify the module that should be disabled. Make sure that you've put the correct value in disabledModules: a string path relative to modulesPath, a path value, or an attribute set with a `key` attribute."
          else
            throw "Each disabledModules item must be a path, string, or a attribute set with a key attribute, or a value supported by toString. However, one of the disabledModules items in `${toString file}` is none of that, but is of type ${typeOf m}.";

        disabledKeys = concatMap
          ({ file, disabled }: map (keyOfDisabled file) disabled)
          (concatMap (t: t.disabled) tree);

        enabled = filter (t: !elem t.key disabledKeys);
      in
      # sysnix walks the tree natively (builtins/modules/), calling back into load,
      # checkClass and keyOfDisabled for what is not a function or a plain set, for
      # class mismatches and disabled keys; C++ Nix runs the Nix.
      if builtins ? __sysnixCollectModules then
        builtins.__sysnixCollectModules
          {
            inherit load checkClass keyOfDisabled class;
            inherit (self) unifyModuleSyntax applyModuleArgs;
            inherit (lib) unknownModule;
          }
          modules
          args
      else
        map (t: t.module) (genericClosure {
          startSet = enabled tree;
          operator = t: enabled t.imported;
        });

    /**
      Bring a module into canonical form:
      `{ _file, _class, key, disabledModules, imports, options, config }`.
      A module without `options` or `config` is all config (the short form).
    */
    unifyModuleSyntax = (builtins.__sysnixUnifyModuleSyntax or (f: f)) (file: key: m:
      let
        withMeta = c: if m ? meta then self.mkMerge [ c { meta = m.meta; } ] else c;
        withFreeform = c: if m ? freeformType then self.mkMerge [ c { _module.freeformType = m.freeformType; } ] else c;
        structural = [ "_class" "_file" "key" "disabledModules" "imports" "options" "config" "meta" "freeformType" ];
      in
      if m ? config || m ? options then
        let extra = removeAttrs m structural; in
        if extra != { } then
          throw "Module `${key}' has an unsupported attribute `${head (attrNames extra)}'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: ${toString (attrNames extra)}) into the explicit `config' attribute."
        else {
          _file = toString (m._file or file);
          _class = m._class or null;
          key = toString (m.key or key);
          disabledModules = m.disabledModules or [ ];
          imports = m.imports or [ ];
          options = m.options or { };
          config = withFreeform (withMeta (m.config or { }));
        }
      else
        lib.throwIfNot (isAttrs m) "module ${file} (${key}) does not look like a module." {
          _file = toString (m._file or file);
          _class = m._class or null;
          key = toString (m.key or key);
          disabledModules = m.disabledModules or [ ];
          imports = (m.require or [ ]) ++ (m.imports or [ ]);
          options = { };
          config = withFreeform (removeAttrs m [ "_class" "_file" "key" "disabledModules" "require" "imports" "freeformType" ]);
        });

    /** `applyModuleArgs` when `f` is a function, else `f` itself. */
    applyModuleArgsIfFunction = key: f: args:
      if isFunction f then self.applyModuleArgs key f args else f;

    /**
      Call the function module `f` (identified by `key` in messages) with
      `args`, plus every other argument it names taken from
      `config._module.args`, each evaluated only when used.
    */
    applyModuleArgs = (builtins.__sysnixApplyModuleArgs or (f: f)) (key: f: args@{ config, ... }:
      let
        named = mapAttrs
          (name: _:
            addErrorContext "while evaluating the module argument `${name}' in \"${key}\":"
              (args.${name} or config._module.args.${name}))
          (functionArgs f);
      in
      f (args // named));

    /**
      Merge canonical modules under the option path `prefix`: returns
      `{ matchedOptions, unmatchedDefns }` where `matchedOptions` is the
      option tree with values and `unmatchedDefns` the definitions with no
      option (each with its `prefix` path).
    */
    mergeModules = prefix: modules:
      self.mergeModules' prefix modules
        ((builtins.__sysnixModuleConfigs or (concatMap (m: map (c: { file = m._file; config = c; }) (self.pushDownProperties m.config)))) modules);

    /** `mergeModules` with the definitions given separately. */
    mergeModules' = prefix: modules: configs:
      let
        # sysnix groups declarations and definitions natively (builtins/modules/); the
        # Nix below is what C++ Nix runs, and what reports a module whose `options` is
        # not a set.
        nativeDecls = (builtins.__sysnixDeclsByName or (_: null)) modules;
        declsByName = if nativeDecls != null then nativeDecls else zipAttrsWith (_: ds: ds) (map
          (m:
            if !isAttrs m.options then
              throw ''
                An option declaration for `${concatStringsSep "." prefix}' has type
                `${typeOf m.options}' rather than an attribute set.
                Did you mean to define this outside of `options'?
              ''
            else
              mapAttrs
                (n: decl: {
                  inherit (m) _file;
                  pos = builtins.unsafeGetAttrPos n m.options;
                  options = decl;
                })
                m.options)
          modules);

        checkedConfigs =
          assert all
            (c: isAttrs c.config || throw ''
              In module `${c.file}', you're trying to define a value of type `${typeOf c.config}'
              rather than an attribute set for the option
              `${concatStringsSep "." prefix}'!

              This usually happens if `${concatStringsSep "." prefix}' has option
              definitions inside that are not matched. Please check how to properly define
              this option by e.g. referring to `man 5 configuration.nix'!
            '')
            configs;
          configs;

        # name -> definitions with properties pushed down one level
        pushedDefs = if nativeRaw != null then builtins.__sysnixPushedDefs nativeRaw else zipAttrsWith (_: concatLists) (map
          (c: mapAttrs
            (_: v: map (c': { inherit (c) file; config = c'; }) (self.pushDownProperties v))
            c.config)
          checkedConfigs);

        # name -> definitions as written
        # (natively: `null` when a definition is not a set, for checkedConfigs to report)
        nativeRaw = (builtins.__sysnixRawDefs or (_: null)) configs;
        rawDefs = if nativeRaw != null then nativeRaw else zipAttrsWith (_: ds: ds) (map
          (c: mapAttrs (_: v: { inherit (c) file; value = v; }) c.config)
          checkedConfigs);

        # sysnix completes names whose declarations are all options natively
        # (builtins/modules/) and calls resultFor for the rest; C++ Nix runs resultFor.
        results =
          if builtins ? __sysnixMergeResults
          then builtins.__sysnixMergeResults { inherit (self) mergeOptionDecls fixupOptionType evalOptionValue; } resultFor prefix rawDefs declsByName
          else mapAttrs resultFor declsByName;
        resultFor = name: decls:
            let
              loc = prefix ++ [ name ];
              defsHere = rawDefs.${name} or [ ];
              optionDecls = filter
                (d: d.options ? _type && (d.options._type == "option" || declarationKindError loc d.options._type d._file))
                decls;
              asOption = ds: {
                matchedOptions = self.evalOptionValue loc (self.fixupOptionType loc (self.mergeOptionDecls loc ds)) defsHere;
                unmatchedDefns = [ ];
              };
            in
            if length optionDecls == length decls then asOption decls
            else if optionDecls != [ ] then
              if all (d: (d.options.type.name or null) == "submodule") optionDecls then
                asOption (map treeAsOption decls)
              else
                let first = head optionDecls; in
                throw "The option `${showOption loc}' in module `${first._file}' would be a parent of the following options, but its type `${first.options.type.description or "<no description>"}' does not support nested options.\n${listDeclarations loc (filter (d: !isOption d.options) decls)}"
            else self.mergeModules' loc decls (pushedDefs.${name} or [ ]);

        selectEach = builtins.__sysnixSelectEach or (name: mapAttrs (_: r: r.${name}));

        matchedOptions = selectEach "matchedOptions" results;

        unmatchedByName =
          selectEach "unmatchedDefns" results
          // removeAttrs rawDefs (attrNames matchedOptions);
      in
      {
        inherit matchedOptions;
        unmatchedDefns =
          # Without definitions nothing is unmatched; avoids forcing options.
          if configs == [ ] then [ ]
          else (builtins.__sysnixUnmatched or (_: _: concatLists (lib.mapAttrsToList
            (name: defs: map (def: def // { prefix = [ name ] ++ (def.prefix or [ ]); }) defs)
            unmatchedByName))) results rawDefs;
      };

    /**
      Merge the declarations of one option made in several modules. Fails
      when two give a default, example, description or apply, or types that
      do not merge. Collects submodule modules (`options`) and declaration
      files and positions.
    */
    # sysnix merges natively (builtins/modules/), and hands the cases that throw to
    # the Nix below (which C++ Nix runs).
    mergeOptionDecls = (builtins.__sysnixMergeOptionDecls or (f: f)) (loc: decls:
      foldl'
        (acc: decl:
          let
            opt = decl.options;
            both = k: opt ? ${k} && acc ? ${k};
            mergedType = acc.type.typeMerge opt.type.functor;
            typeClash = both "type" && mergedType == null;
          in
          if both "default" || both "example" || both "description" || both "apply" || typeClash then
            throw "The option `${showOption loc}' in `${decl._file}' is already declared in ${showFiles acc.declarations}."
          else
            let
              subModules = opt.type.getSubModules or null;
              collectedModules =
                if subModules != null then map (lib.setDefaultModuleLocation decl._file) subModules ++ acc.options
                else acc.options;
            in
            opt // acc // {
              declarations = acc.declarations ++ [ decl._file ];
              declarationPositions = acc.declarationPositions ++ [
                (if decl.pos or null != null then decl.pos
                else { file = decl._file; line = null; column = null; })
              ];
              options = collectedModules;
            } // (if both "type" then { type = mergedType; } else { }))
        { inherit loc; declarations = [ ]; declarationPositions = [ ]; options = [ ]; }
        decls);

    /**
      Give a merged option declaration its final type: unspecified when
      none was given; a submodule type extended with every module that
      declarations contributed.
    */
    fixupOptionType = (builtins.__sysnixFixupOptionType or (unspecified: loc: opt:
      if (opt.type.getSubModules or null) == null
      then opt // { type = opt.type or unspecified; }
      else opt // { type = opt.type.substSubModules opt.options; options = [ ]; })) types.unspecified;

    /**
      An option declaration completed with its value and definition data:
      `value`, `isDefined`, `highestPrio`, `definitions`, `files`,
      `definitionsWithLocations`; `"${opt}"` is the option path. sysnix
      builds the result natively (builtins/modules/) and hands deprecated
      types and read-only conflicts to this Nix, which C++ Nix runs always.
    */
    evalOptionValue = (builtins.__sysnixEvalOptionValue or (_: _: f: f)) self.mergeDefinitions showOption (loc: opt: defs:
      let
        withDefault =
          optionalList (opt ? default) { file = head opt.declarations; value = self.mkOptionDefault opt.default; }
          ++ defs;

        res =
          if (opt.readOnly or false) && length withDefault > 1 then
            let
              # Show each definition as if it were alone.
              separately = map (def: def // { value = (self.mergeDefinitions loc opt.type [ def ]).mergedValue; }) withDefault;
            in
            throw "The option `${showOption loc}' is read-only, but it's set multiple times. Definition values:${showDefs separately}"
          else self.mergeDefinitions loc opt.type withDefault;

        value = if opt ? apply then opt.apply res.mergedValue else res.mergedValue;

        warnDeprecated = lib.warnIf (opt.type.deprecationMessage != null)
          "The type `types.${opt.type.name}' of option `${showOption loc}' defined in ${showFiles opt.declarations} is deprecated. ${opt.type.deprecationMessage}";
      in
      warnDeprecated opt // {
        value = addErrorContext "while evaluating the option `${showOption loc}':" value;
        inherit (res.defsFinal') highestPrio;
        definitions = map (def: def.value) res.defsFinal;
        files = map (def: def.file) res.defsFinal;
        definitionsWithLocations = res.defsFinal;
        inherit (res) isDefined;
        __toString = _: showOption loc;
      });

    /**
      Merge the definitions `defs` (`{ file, value }`) of the option at
      `loc` with `type`: properties are resolved (mkIf, mkMerge, then
      priorities, then order), values type-checked and merged. Returns
      `{ defsFinal', defsFinal, mergedValue, isDefined, optionalValue }`.
      sysnix runs the common case natively (builtins/modules/) and hands
      ordered definitions and errors to this Nix, which C++ Nix runs always.
    */
    mergeDefinitions = (builtins.__sysnixMergeDefinitions or (f: f)) (loc: type: defs: rec {
      defsFinal' =
        let
          # sysnix computes this natively (builtins/modules/); C++ Nix runs the Nix.
          byPriority = (builtins.__sysnixFinalDefs or finalDefs) defs;
          finalDefs = defs: self.filterOverrides' (concatMap
            (def: map (v: { inherit (def) file; value = v; })
              (addErrorContext "while evaluating definitions from `${def.file}':" (self.dischargeProperties def.value)))
            defs);
          ordered =
            if any (def: (def.value._type or "") == "order") byPriority.values
            then self.sortProperties byPriority.values
            else byPriority.values;
        in
        {
          values = ordered;
          inherit (byPriority) highestPrio;
        };

      defsFinal = defsFinal'.values;

      mergedValue =
        if isDefined then
          if all (def: type.check def.value) defsFinal then type.merge loc defsFinal
          else
            let bad = filter (def: !type.check def.value) defsFinal; in
            throw "A definition for option `${showOption loc}' is not of type `${type.description}'. Definition values:${showDefs bad}"
        else
          throw "The option `${showOption loc}' was accessed but has no value defined. Try setting the option.";

      isDefined = defsFinal != [ ];

      optionalValue = if isDefined then { value = mergedValue; } else { };
    });

    /**
      Move mkIf, mkMerge and mkOverride of an attribute set into its
      attributes: returns a list of attribute sets whose values carry the
      properties. `mkIf c { a = 1; }` becomes `[ { a = mkIf c 1; } ]`.
    */
    pushDownProperties = builtins.__sysnixPushDownProperties or (cfg:
      if (cfg._type or "") == "merge" then concatMap self.pushDownProperties cfg.contents
      else if (cfg._type or "") == "if" then
        map (mapAttrs (_: v: self.mkIf cfg.condition v)) (self.pushDownProperties cfg.content)
      else if (cfg._type or "") == "override" then
        map (mapAttrs (_: v: self.mkOverride cfg.priority v)) (self.pushDownProperties cfg.content)
      else [ cfg ]);

    /**
      Resolve mkMerge and mkIf in a definition: the list of values it
      contributes (empty when its condition is false).
    */
    dischargeProperties = builtins.__sysnixDischargeProperties or (def:
      if (def._type or "") == "merge" then concatMap self.dischargeProperties def.contents
      else if (def._type or "") == "if" then
        if isBool def.condition then
          (if def.condition then self.dischargeProperties def.content else [ ])
        else throw "‘mkIf’ called with a non-Boolean condition"
      else [ def ]);

    /**
      Keep only the definitions with the best (numerically lowest) priority,
      unwrapping their mkOverride.
    */
    filterOverrides = defs: (self.filterOverrides' defs).values;

    /** `filterOverrides` returning `{ values, highestPrio }`. */
    filterOverrides' = defs:
      let
        prioOf = def: if (def.value._type or "") == "override" then def.value.priority else self.defaultOverridePriority;
        highestPrio = foldl' (best: def: lib.min best (prioOf def)) 9999 defs;
        unwrap = def: if (def.value._type or "") == "override" then def // { value = def.value.content; } else def;
      in
      {
        values = concatMap (def: if prioOf def == highestPrio then [ (unwrap def) ] else [ ]) defs;
        inherit highestPrio;
      };

    /**
      Sort definitions by mkOrder priority (stable, default 1000), unwrapping
      the order wrappers.
    */
    sortProperties = defs:
      let
        unwrap = def:
          if (def.value._type or "") == "order"
          then def // { value = def.value.content; inherit (def.value) priority; }
          else def;
        before = a: b: (a.priority or self.defaultOrderPriority) < (b.priority or self.defaultOrderPriority);
      in
      builtins.sort before (map unwrap defs);

    /** Same as `sortProperties`: order definitions by their mkOrder priority. */
    fixMkOrder = self.sortProperties;

    # ---- properties

    /** Define `content` only when `condition` (a boolean) is true. */
    mkIf = condition: content: { _type = "if"; inherit condition content; };

    /** `mkIf` that fails with "Failed assertion: message" when `assertion` is false. */
    mkAssert = assertion: message: content:
      self.mkIf (if assertion then true else throw "\nFailed assertion: ${message}") content;

    /** Several definitions given as one. */
    mkMerge = contents: { _type = "merge"; inherit contents; };

    /**
      Give a definition a priority: lower numbers win; definitions with a
      worse priority are ignored.
    */
    mkOverride = priority: content: { _type = "override"; inherit priority content; };

    /** Priority of plain definitions (100). */
    defaultOverridePriority = 100;

    /** Deprecated name of `defaultOverridePriority`. */
    defaultPriority = lib.warnIf (lib.isInOldestRelease 2305) "lib.modules.defaultPriority is deprecated, please use lib.modules.defaultOverridePriority instead." self.defaultOverridePriority;

    /** Priority of option defaults (1500). */
    mkOptionDefault = self.mkOverride 1500;

    /** A default that any plain definition overrides (priority 1000). */
    mkDefault = self.mkOverride 1000;

    /** Priority used by image builders (60). */
    mkImageMediaOverride = self.mkOverride 60;

    /** Override plain definitions (priority 50). */
    mkForce = self.mkOverride 50;

    /** Priority used by virtual machine builds (10). */
    mkVMOverride = self.mkOverride 10;

    /** Has no effect; returns its argument. */
    mkFixStrictness = lib.warn "lib.mkFixStrictness has no effect and will be removed. It returns its argument unmodified, so you can just remove any calls." (x: x);

    /**
      Place a definition in the merged list/string: lower `priority` comes
      first (plain definitions are 1000).
    */
    mkOrder = priority: content: { _type = "order"; inherit priority content; };

    /** Order of plain definitions (1000). */
    defaultOrderPriority = 1000;

    /** Put a definition before plain ones (order 500). */
    mkBefore = self.mkOrder 500;

    /** Put a definition after plain ones (order 1500). */
    mkAfter = self.mkOrder 1500;

    # ---- files

    /** Read a JSON file as a Nix value. */
    importJSON = path: builtins.fromJSON (builtins.readFile path);

    /** Read a TOML file as a Nix value. */
    importTOML = path: builtins.fromTOML (builtins.readFile path);

    /**
      Import the file `modulePath`, which holds a function taking `staticArg`
      and returning a module; the module keeps the file as its location.
    */
    importApply = modulePath: staticArg:
      self.setDefaultModuleLocation modulePath (import modulePath staticArg);

    /** Wrap module `m` so that errors and declarations name `file` as its file. */
    setDefaultModuleLocation = file: m: { _file = file; imports = [ m ]; };
  }
  # Option aliases and renames (mkRenamedOptionModule, mkAliasOptionModule, …).
  // import ./modules-renames.nix { inherit lib; modules = self; };
in
self
