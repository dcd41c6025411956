builtins.stringLength ("abc" + "def")
