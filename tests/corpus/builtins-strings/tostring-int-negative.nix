toString (-42)
