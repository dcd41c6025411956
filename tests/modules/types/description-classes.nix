let lib = import ../../../lib; in
with lib.types;
map (t: t.descriptionClass) [
  bool int str (listOf int) (attrsOf int) (nullOr int) (either int str)
  (functionTo int) (submodule { }) ints.unsigned ints.u8 (passwdEntry str)
  (coercedTo int toString str) lines (uniq (listOf int)) deferredModule raw
]
