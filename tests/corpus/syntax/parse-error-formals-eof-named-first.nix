args @ { x }
