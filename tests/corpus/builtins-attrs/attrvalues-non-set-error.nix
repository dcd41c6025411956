builtins.attrValues "str"
