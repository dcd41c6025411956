let lib = import ../../../lib; in
with lib.types;
builtins.mapAttrs (_: t: t.description) {
  sub = submodule { };
  attrsSub = attrsOf (submodule { });
  listSub = listOf (submodule { });
  nullSub = nullOr (submodule { });
  lazySub = lazyAttrsOf (submodule { });
  described = submoduleWith { modules = [ ]; description = "user account"; };
  listDescribed = listOf (submoduleWith { modules = [ ]; description = "user account"; });
  freeform = submodule { freeformType = attrsOf str; };
  freeformOpt = submodule { options = { }; config._module.freeformType = lazyAttrsOf int; };
  deferred = deferredModule;
  attrsDeferred = attrsOf deferredModule;
}
