let lib = import ../../../lib; in
with lib.types;
{
  list = (listOf int).nestedTypes.elemType.name;
  attrs = (attrsOf str).nestedTypes.elemType.name;
  null = (nullOr bool).nestedTypes.elemType.name;
  either = { left = (either int str).nestedTypes.left.name; right = (either int str).nestedTypes.right.name; };
  coerced = { from = (coercedTo int toString str).nestedTypes.coercedType.name; to = (coercedTo int toString str).nestedTypes.finalType.name; };
  bool = bool.nestedTypes;
  freeform = (submodule { freeformType = attrsOf int; }).nestedTypes.freeformType.description;
}
