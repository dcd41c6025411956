let lib = import ../../../lib; in
[ (lib.fileContents ./data/version) (lib.fileContents ./data/no-newline) (lib.strings.readFile ./data/version) ]
