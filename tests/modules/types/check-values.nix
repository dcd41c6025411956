let lib = import ../../../lib; in
with lib.types;
let
  checks = [
    [ bool true ] [ bool 1 ]
    [ int 3 ] [ int 3.0 ] [ int "3" ]
    [ float 1.5 ] [ float 1 ]
    [ number 1 ] [ number 1.5 ] [ number "1" ]
    [ str "s" ] [ str ./. ] [ str 1 ]
    [ nonEmptyStr " x " ] [ nonEmptyStr " \t\n" ] [ nonEmptyStr "" ]
    [ singleLineStr "one" ] [ singleLineStr "one\n" ] [ singleLineStr "one\ntwo" ]
    [ (strMatching "[0-9]+") "123" ] [ (strMatching "[0-9]+") "12a" ]
    [ lines "a" ] [ lines 1 ]
    [ path "/abs" ] [ path "rel" ] [ path /some/path ]
    [ port 0 ] [ port 65535 ] [ port 65536 ] [ port (-1) ]
    [ ints.u8 255 ] [ ints.u8 256 ] [ ints.s8 (-128) ] [ ints.s8 (-129) ] [ ints.s8 127 ] [ ints.s8 128 ]
    [ ints.u16 65535 ] [ ints.s16 (-32768) ] [ ints.u32 4294967295 ] [ ints.u32 4294967296 ]
    [ ints.s32 2147483647 ] [ ints.s32 2147483648 ]
    [ ints.unsigned 0 ] [ ints.unsigned (-1) ] [ ints.positive 0 ] [ ints.positive 1 ]
    [ (ints.between 2 4) 2 ] [ (ints.between 2 4) 5 ]
    [ (numbers.between 0 1) 0.5 ] [ (numbers.between 0 1) 2 ]
    [ numbers.nonnegative 0 ] [ numbers.nonnegative (-0.5) ] [ numbers.positive 0.1 ] [ numbers.positive 0 ]
    [ (enum [ "a" 1 ]) "a" ] [ (enum [ "a" 1 ]) 1 ] [ (enum [ "a" 1 ]) "b" ]
    [ (listOf int) [ "x" ] ] [ (listOf int) { } ]
    [ (attrsOf int) { a = "x"; } ] [ (attrsOf int) [ ] ]
    [ (nullOr int) null ] [ (nullOr int) 1 ] [ (nullOr int) "1" ]
    [ (either int str) "a" ] [ (either int str) true ]
    [ (functionTo int) (x: x) ] [ (functionTo int) 1 ]
    [ (submodule { }) { } ] [ (submodule { }) (x: x) ] [ (submodule { }) ./. ] [ (submodule { }) 1 ]
    [ (coercedTo int toString str) 1 ] [ (coercedTo int toString str) "s" ] [ (coercedTo int toString str) true ]
    [ (nonEmptyListOf int) [ ] ] [ (nonEmptyListOf int) [ 1 ] ]
    [ (passwdEntry str) "ok" ] [ (passwdEntry str) "a:b" ] [ (passwdEntry str) "a\nb" ]
    [ attrs { } ] [ attrs [ ] ] [ raw (throw "never forced") ] [ anything null ]
    [ package { type = "derivation"; } ] [ package "/nix/store/00000000000000000000000000000000-x" ] [ package "x" ]
    [ optionType int ] [ optionType { } ]
    [ deferredModule { } ] [ deferredModule (_: { }) ] [ deferredModule 1 ]
  ];
in
map (c: (builtins.head c).check (builtins.elemAt c 1)) checks
