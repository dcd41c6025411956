# env: SYSNIX_TEST_VAR=some-value
builtins.getEnv "SYSNIX_TEST_VAR"
