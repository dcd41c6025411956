with { map = "with"; }; builtins.typeOf map
