builtins.addErrorContext "ignored context" "value"
