builtins.getContext (builtins.toFile "ctx-file" "content")
