builtins.getEnv "SYSNIX_SURELY_UNSET"
