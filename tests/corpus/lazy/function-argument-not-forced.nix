(x: "ignored") (throw "arg")
