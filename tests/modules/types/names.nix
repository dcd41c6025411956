let lib = import ../../../lib; in
with lib.types;
map (t: t.name) [
  bool int str float path package attrs raw anything unspecified
  (listOf int) (attrsOf int) (lazyAttrsOf int) (nullOr int) (either int str)
  (uniq int) (enum [ 1 ]) (functionTo int) (coercedTo int toString str)
  (submodule { }) deferredModule optionType lines (separatedString ",")
  (strMatching "a.*") nonEmptyStr singleLineStr port ints.u8 ints.s32
  ints.unsigned ints.positive (ints.between 0 1) number (numbers.between 0 1)
  numbers.nonnegative (passwdEntry str) (nonEmptyListOf int)
]
