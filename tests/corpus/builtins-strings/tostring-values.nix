[ (toString 1) (toString true) (toString false) (toString null) (toString "s") (toString 2.5) (toString (-3)) ]
