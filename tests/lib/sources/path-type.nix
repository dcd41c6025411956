let lib = import ../../../lib; in
[ (lib.pathType ./data) (lib.pathType ./data/tree/a.txt) (lib.pathIsDirectory ./data) (lib.pathIsDirectory ./data/tree/a.txt)
  (lib.pathIsDirectory ./nope) (lib.pathIsRegularFile ./data/tree/a.txt) (lib.pathIsRegularFile ./data) (lib.pathType /.) ]
