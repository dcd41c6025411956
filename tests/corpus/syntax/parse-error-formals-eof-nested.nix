{ a = { x ? y
