let lib = import ../../../lib; in
[ (lib.commitIdFromGitRepo ./data/gitdir) (lib.commitIdFromGitRepo ./data/gitdir-packed) ]
