let lib = import ../../../lib; in
[ (lib.testAllTrue [ true (1 == 1) ]) (lib.runTests { testT = lib.testAllTrue [ true false ]; }) ]
