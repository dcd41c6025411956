let lib = import ../../../lib; in
[ (lib.escapeShellArg "it's") (lib.escapeShellArg "simple") (lib.escapeShellArg "") (lib.escapeShellArg "a b")
  (lib.escapeShellArg "/usr/bin:x,y@z%w+v_u.t-s") (lib.escapeShellArg 5) (lib.escapeShellArg "$HOME") (lib.escapeShellArg "é") ]
