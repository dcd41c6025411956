builtins.getContext "${./data.txt}"
