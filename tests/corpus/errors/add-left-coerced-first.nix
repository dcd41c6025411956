[ ] + (throw "right")
