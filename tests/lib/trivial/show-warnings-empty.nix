let lib = import ../../../lib; in
lib.showWarnings [ ] 7
