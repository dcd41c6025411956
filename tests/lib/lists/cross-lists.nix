let lib = import ../../../lib; in
lib.crossLists (x: y: "${toString x}${y}") [ [ 1 2 ] [ "a" "b" ] ]
