builtins.findFile [ { prefix = "p"; path = toString ./data; } ] "q/hello.txt"
