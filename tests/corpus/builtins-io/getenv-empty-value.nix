# env: SYSNIX_EMPTY=
builtins.getEnv "SYSNIX_EMPTY"
