# elem forces the value before the first element.
builtins.elem (throw "the value") [ (throw "the element") ]
