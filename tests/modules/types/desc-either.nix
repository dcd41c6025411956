let lib = import ../../../lib; in
with lib.types;
builtins.mapAttrs (_: t: t.description) {
  intStr = either int str;
  listOrStr = either (listOf int) str;
  strOrList = either str (listOf int);
  nested = either (either int str) bool;
  nestedRight = either int (either str bool);
  oneOf3 = oneOf [ int str bool ];
  oneOfSingle = oneOf [ path ];
  nullEither = nullOr (either int str);
  eitherNull = either (nullOr int) str;
  eitherAttrs = either str (attrsOf str);
  eitherEnum = either (enum [ "a" "b" ]) int;
  eitherCoerced = either (coercedTo int toString str) bool;
  eitherUnsigned = either ints.unsigned str;
}
