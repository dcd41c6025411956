with { true = "with"; }; true
