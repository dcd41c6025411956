let lib = import ../../../lib; in
lib.lists.removePrefix [ 2 ] [ 1 2 ]
