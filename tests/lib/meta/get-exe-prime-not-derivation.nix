let lib = import ../../../lib; in
lib.getExe' "/bin" "sh"
