x: x }
