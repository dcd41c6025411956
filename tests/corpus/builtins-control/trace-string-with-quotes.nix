builtins.trace "say \"hi\"" 1
