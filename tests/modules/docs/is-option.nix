let lib = import ../../../lib; in
map lib.isOption [ (lib.mkOption { }) { } { _type = "option"; } { _type = "other"; } 1 ]
