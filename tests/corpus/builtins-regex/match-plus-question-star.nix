map (s: builtins.match "ab+c?d*" s) [ "ab" "abbbc" "abcdd" "ac" ]
