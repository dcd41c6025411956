let lib = import ../../../lib; in
map toString (lib.readPathsFromFile /root ./data/paths)
