map (s: builtins.match "x{2,3}" s) [ "x" "xx" "xxx" "xxxx" ]
