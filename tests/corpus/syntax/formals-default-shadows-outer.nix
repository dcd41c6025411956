let b = "outer"; in ({ b ? "default" }: b) { }
