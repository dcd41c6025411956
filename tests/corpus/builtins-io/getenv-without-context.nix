builtins.getEnv "${builtins.toFile "e" "HOME"}"
