builtins.match "([^[:space:]]+)[[:space:]]+(.*)" "key   value with spaces"
