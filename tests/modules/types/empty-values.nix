let lib = import ../../../lib; in
with lib.types;
builtins.mapAttrs (_: t: t.emptyValue) {
  inherit bool int str attrs lines;
  list = listOf int;
  attrsOfInt = attrsOf int;
  lazy = lazyAttrsOf int;
  nullInt = nullOr int;
  sub = submodule { };
  nonEmpty = nonEmptyListOf int;
  uniqList = uniq (listOf int);
  coerced = coercedTo int toString (listOf str);
}
