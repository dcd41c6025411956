let lib = import ../../../lib; in
(lib.evalModules {
  modules = [
    ({ options, config, ... }: {
      options.source = lib.mkOption { type = lib.types.listOf lib.types.int; default = [ 0 ]; };
      options.target = lib.mkOption { type = lib.types.listOf lib.types.int; default = [ ]; };
      options.wrapped = lib.mkOption { type = lib.types.attrsOf (lib.types.listOf lib.types.int); default = { }; };
      options.unset = lib.mkOption { type = lib.types.listOf lib.types.int; default = [ ]; };
      options.fromUnset = lib.mkOption { type = lib.types.listOf lib.types.int; default = [ 99 ]; };
      config.target = lib.mkAliasDefinitions options.source;
      config.wrapped = lib.mkAliasAndWrapDefinitions (v: { w = v; }) options.source;
      config.fromUnset = lib.mkAliasDefinitions options.unset;
    })
    { source = [ 1 ]; }
    { source = lib.mkAfter [ 2 ]; }
  ];
}).config
