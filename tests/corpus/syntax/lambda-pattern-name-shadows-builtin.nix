({ map }: map) { map = "shadowed"; }
