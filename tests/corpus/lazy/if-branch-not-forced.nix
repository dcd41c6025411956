if false then throw "then" else "else"
