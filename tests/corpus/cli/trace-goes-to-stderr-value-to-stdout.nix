builtins.trace "to stderr" "to stdout"
