builtins.toJSON "a/b</script>"
