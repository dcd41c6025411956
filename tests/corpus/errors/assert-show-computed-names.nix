let b = "x"; in assert ({ }.a."b c"."a${b}" or 1) == { "a${b}" = 1; }; 0
