let lib = import ../../../lib; in
[ (lib.pathIsGitRepo ./data/tree) (lib.pathIsGitRepo ./data) (lib.canCleanSource ./data/tree) (lib.canCleanSource { outPath = "/x"; })
  (lib.canCleanSource (lib.cleanSource ./data/tree)) (lib.pathHasContext "plain") ]
