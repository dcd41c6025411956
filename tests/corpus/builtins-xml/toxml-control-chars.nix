builtins.toXML "tab\tcr\r"
