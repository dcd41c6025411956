let lib = import ../../../lib; in
map (p: lib.removePrefix (toString ./data/tree) (toString p)) (lib.filesystem.listFilesRecursive ./data/tree)
