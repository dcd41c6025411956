let lib = import ../../../lib; in
with lib.types;
builtins.mapAttrs (_: t: t.description) {
  listStr = listOf str;
  attrsListStr = attrsOf (listOf str);
  listAttrsInt = listOf (attrsOf int);
  nullInt = nullOr int;
  nullListStr = nullOr (listOf str);
  listNullInt = listOf (nullOr int);
  nullNullInt = nullOr (nullOr int);
  lazyRaw = lazyAttrsOf raw;
  attrsEither = attrsOf (either int str);
  uniqList = uniq (listOf str);
  nonEmpty = nonEmptyListOf str;
  listNonEmpty = listOf (nonEmptyListOf int);
  fun = functionTo (listOf str);
  funAttrs = functionTo (attrsOf int);
  attrsFun = attrsOf (functionTo int);
  coerced = coercedTo int toString str;
  coercedList = coercedTo str lib.singleton (listOf str);
  listCoerced = listOf (coercedTo int toString str);
  listPort = listOf port;
  attrsUnsigned = attrsOf ints.unsigned;
  nullPassword = nullOr (passwdEntry str);
  attrsWithPlaceholder = attrsWith { elemType = int; placeholder = "user"; };
  attrsWithLazy = attrsWith { elemType = int; lazy = true; };
}
